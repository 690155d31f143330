package main

import (
	"bytes"
	"context"
	"encoding/json"
	"net"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// startServe runs "newsgraph serve" in-process on a free port with a fresh
// store and the given extra arguments, and returns its base URL. The server
// is shut down, and must stop cleanly, when the test ends.
func startServe(t *testing.T, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	addrc := make(chan net.Addr, 1)
	var stderr bytes.Buffer
	m := &Main{
		Stdout:   &bytes.Buffer{},
		Stderr:   &stderr,
		Now:      time.Now,
		OnListen: func(a net.Addr) { addrc <- a },
	}
	store := "sqlite:" + filepath.Join(t.TempDir(), "g.db")
	done := make(chan error, 1)
	go func() {
		done <- m.Run(ctx, append([]string{"serve", "--store", store, "--addr", "127.0.0.1:0"}, args...))
	}()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("serve after cancel: %v", err)
			}
		case <-time.After(shutdownTimeout + 5*time.Second):
			t.Error("serve did not shut down")
		}
		if err := m.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	select {
	case addr := <-addrc:
		return "http://" + addr.String()
	case err := <-done:
		t.Fatalf("serve stopped before listening: %v\n%s", err, stderr.String())
	}
	return ""
}

// TestServe ingests the examples at start-up and answers a GraphQL query
// over real HTTP with all of them, from the first request.
func TestServe(t *testing.T) {
	base := startServe(t, "--ingest", examples)
	query := `{"query":"{ stats { articles entities relationships claims } }"}`
	resp, err := http.Post(base+"/graphql", "application/json", strings.NewReader(query))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var got struct {
		Data struct {
			Stats struct{ Articles, Entities, Relationships, Claims int }
		}
		Errors []any
	}
	if err := json.NewDecoder(resp.Body).Decode(&got); err != nil || len(got.Errors) > 0 {
		t.Fatalf("decode: %v, errors %v", err, got.Errors)
	}
	if want := exampleArticles(t); got.Data.Stats.Articles != want || got.Data.Stats.Entities == 0 {
		t.Errorf("stats %+v, want %d articles with entities, ingested before the first request", got.Data.Stats, want)
	}
}

// TestServeMutations checks serve's API flags: --api-key authorizes the
// ingestArticle mutation, whose job the real pipeline runs, and
// --cors-origin answers a browser's preflight.
func TestServeMutations(t *testing.T) {
	base := startServe(t, "--api-key", "serve-test-key", "--cors-origin", "https://app.example")
	gql := func(key, query string, vars map[string]any) map[string]any {
		body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
		req, _ := http.NewRequest(http.MethodPost, base+"/graphql", bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		if key != "" {
			req.Header.Set("Authorization", "Bearer "+key)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var out map[string]any
		if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
			t.Fatal(err)
		}
		return out
	}
	const ingest = `mutation($in: IngestArticleInput!) { ingestArticle(input: $in) { id } }`
	in := map[string]any{"in": map[string]any{"title": "A test", "outlet": "Test Wire", "text": "The Valley Guard met the Northern Front in Eastport on Monday."}}
	if out := gql("", ingest, in); !strings.Contains(fmtJSON(out), "UNAUTHORIZED") {
		t.Errorf("without a key: %s", fmtJSON(out))
	}
	out := gql("serve-test-key", ingest, in)
	id, _ := out["data"].(map[string]any)["ingestArticle"].(map[string]any)["id"].(string)
	if id == "" {
		t.Fatalf("with a key: %s", fmtJSON(out))
	}
	deadline := time.Now().Add(30 * time.Second)
	for {
		out := gql("", `query($id: ID!) { job(id: $id) { status error { code } } }`, map[string]any{"id": id})
		s := fmtJSON(out)
		if strings.Contains(s, "SUCCEEDED") {
			break
		}
		if strings.Contains(s, "FAILED") || time.Now().After(deadline) {
			t.Fatalf("job: %s", s)
		}
		time.Sleep(20 * time.Millisecond)
	}

	req, _ := http.NewRequest(http.MethodOptions, base+"/graphql", nil)
	req.Header.Set("Origin", "https://app.example")
	req.Header.Set("Access-Control-Request-Method", "POST")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusNoContent || resp.Header.Get("Access-Control-Allow-Origin") != "https://app.example" {
		t.Errorf("preflight: %d %v", resp.StatusCode, resp.Header)
	}
}

func fmtJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

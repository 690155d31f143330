package api_test

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"encoding/xml"
	"net/http"
	"net/url"
	"sort"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/newsgraph/newsgraph/api"
	"github.com/newsgraph/newsgraph/graph"
)

// TestExportNetwork downloads the Northern Front's neighbourhood in every
// format over real HTTP and checks each file holds its three nodes.
// api/export's tests check the formats themselves.
func TestExportNetwork(t *testing.T) { eachStore(t, testExportNetwork) }

func testExportNetwork(t *testing.T, openStore func(testing.TB) graph.Store) {
	store := openStore(t)
	world(t, store)
	ts := serve(t, store)
	want := []string{northernFront.ID, shadowWing.ID, valleyGuard.ID}
	sort.Strings(want)
	q := url.Values{"seeds": {northernFront.ID}, "depth": {"2"}, "limit": {"500"}}.Encode()
	tests := []struct {
		file     string
		wantType string
		nodeIDs  func(t *testing.T, body []byte) []string
	}{
		{"network.graphml", "application/graphml+xml", func(t *testing.T, body []byte) []string {
			var doc struct {
				Nodes []struct {
					ID string `xml:"id,attr"`
				} `xml:"graph>node"`
			}
			if err := xml.Unmarshal(body, &doc); err != nil {
				t.Fatal(err)
			}
			var ids []string
			for _, n := range doc.Nodes {
				ids = append(ids, n.ID)
			}
			return ids
		}},
		{"network.gexf", "application/gexf+xml", func(t *testing.T, body []byte) []string {
			var doc struct {
				Nodes []struct {
					ID string `xml:"id,attr"`
				} `xml:"graph>nodes>node"`
			}
			if err := xml.Unmarshal(body, &doc); err != nil {
				t.Fatal(err)
			}
			var ids []string
			for _, n := range doc.Nodes {
				ids = append(ids, n.ID)
			}
			return ids
		}},
		{"network.cyjs", "application/json", func(t *testing.T, body []byte) []string {
			var doc struct {
				Elements struct {
					Nodes []struct{ Data struct{ ID string } }
				}
			}
			if err := json.Unmarshal(body, &doc); err != nil {
				t.Fatal(err)
			}
			var ids []string
			for _, n := range doc.Elements.Nodes {
				ids = append(ids, n.Data.ID)
			}
			return ids
		}},
		{"network.csv", "application/zip", func(t *testing.T, body []byte) []string {
			z, err := zip.NewReader(bytes.NewReader(body), int64(len(body)))
			if err != nil {
				t.Fatal(err)
			}
			f, err := z.Open("nodes.csv")
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			var buf bytes.Buffer
			buf.ReadFrom(f)
			lines := bytes.Split(bytes.TrimSpace(buf.Bytes()), []byte("\n"))
			var ids []string
			for _, l := range lines[1:] {
				ids = append(ids, string(bytes.SplitN(l, []byte(","), 2)[0]))
			}
			return ids
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			status, ctype, body := get(t, ts.URL, "/export/"+tt.file+"?"+q)
			if status != 200 || ctype != tt.wantType {
				t.Fatalf("status %d, Content-Type %q: %s", status, ctype, body)
			}
			got := tt.nodeIDs(t, body)
			sort.Strings(got)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("node ids (-want +got):\n%s", diff)
			}
		})
	}
}

func TestExportErrors(t *testing.T) { eachStore(t, testExportErrors) }

func testExportErrors(t *testing.T, openStore func(testing.TB) graph.Store) {
	store := openStore(t)
	world(t, store)
	open := serve(t, store)
	closed := serve(t, store, api.WithAPIKeys(testKey), api.WithReadAuth(true))
	seed := "seeds=" + northernFront.ID
	tests := []struct {
		name       string
		base, path string
		wantStatus int
		wantCode   string
	}{
		{"no seeds", open.URL, "/export/network.gexf", 400, "INVALID"},
		{"depth too large", open.URL, "/export/network.gexf?depth=7&" + seed, 400, "INVALID"},
		{"depth not a number", open.URL, "/export/network.gexf?depth=two&" + seed, 400, "INVALID"},
		{"bad date", open.URL, "/export/network.gexf?since=yesterday&" + seed, 400, "INVALID"},
		{"unknown relation type", open.URL, "/export/network.gexf?relationTypes=LIKES&" + seed, 400, "INVALID"},
		{"unknown format", open.URL, "/export/network.dot?" + seed, 404, "NOT_FOUND"},
		{"unknown seed", open.URL, "/export/network.cyjs?seeds=ent_000000000000000000000000", 404, "NOT_FOUND"},
		{"read auth without a key", closed.URL, "/export/network.cyjs?" + seed, 401, "UNAUTHORIZED"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, ctype, body := get(t, tt.base, tt.path)
			var got struct {
				Error struct{ Code, Message string }
			}
			if err := json.Unmarshal(body, &got); err != nil || ctype != "application/json" {
				t.Fatalf("Content-Type %q, body %s", ctype, body)
			}
			if status != tt.wantStatus || got.Error.Code != tt.wantCode {
				t.Errorf("status %d code %q, want %d %q (%s)", status, got.Error.Code, tt.wantStatus, tt.wantCode, got.Error.Message)
			}
		})
	}
	t.Run("read auth with a key", func(t *testing.T) {
		req, _ := http.NewRequest(http.MethodGet, closed.URL+"/export/network.cyjs?"+seed, nil)
		req.Header.Set("X-API-Key", testKey)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != 200 {
			t.Errorf("status %d", resp.StatusCode)
		}
	})
}

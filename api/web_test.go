package api_test

import (
	"net/http"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/web"
)

// TestWebPages: the explorer and GraphiQL are served with a policy that
// keeps them on this server, and every asset they name loads from it, with
// a type and as cacheable.
func TestWebPages(t *testing.T) {
	if _, built := web.Assets(); !built {
		if os.Getenv("CI") == "true" {
			t.Fatal("the front end is not built (CI=true): run npm ci --prefix web && npm run build --prefix web before go test")
		}
		t.Skip("the front end is not built: run npm ci --prefix web && npm run build --prefix web to test its assets")
	}
	store := openStore(t)
	ts := serve(t, store)
	assetRef := regexp.MustCompile(`(?:src|href)="(/assets/[^"]+)"`)
	for _, tt := range []struct {
		name, path, marker string
	}{
		{"explorer", "/", `id="main"`},
		{"GraphiQL", "/graphiql", `id="graphiql"`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			resp, err := http.Get(ts.URL + tt.path)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if csp := resp.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'self'") || !strings.Contains(csp, "connect-src 'self'") {
				t.Errorf("Content-Security-Policy = %q, want default-src and connect-src 'self'", csp)
			}
			status, ctype, body := get(t, ts.URL, tt.path)
			if status != 200 || !strings.HasPrefix(ctype, "text/html") || !strings.Contains(string(body), tt.marker) {
				t.Fatalf("GET %s: %d %q, body without %q:\n%.300s", tt.path, status, ctype, tt.marker, body)
			}
			refs := assetRef.FindAllStringSubmatch(string(body), -1)
			if len(refs) == 0 {
				t.Fatalf("GET %s names no /assets/ file:\n%s", tt.path, body)
			}
			for _, ref := range refs {
				resp, err := http.Get(ts.URL + ref[1])
				if err != nil {
					t.Fatal(err)
				}
				resp.Body.Close()
				want := map[string]string{".js": "text/javascript", ".css": "text/css"}[ref[1][strings.LastIndex(ref[1], "."):]]
				if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), want) ||
					!strings.Contains(resp.Header.Get("Cache-Control"), "immutable") {
					t.Errorf("GET %s: %d, Content-Type %q, Cache-Control %q; want 200, %q, immutable",
						ref[1], resp.StatusCode, resp.Header.Get("Content-Type"), resp.Header.Get("Cache-Control"), want)
				}
			}
		})
	}
	if status, _, _ := get(t, ts.URL, "/assets/no-such-file.js"); status != 404 {
		t.Errorf("a missing asset: status %d, want 404", status)
	}
}

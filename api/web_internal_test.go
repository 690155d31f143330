package api

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"
)

// TestMountWeb: pages are never cached and carry the CSP, a page the build
// lacks falls back to index.html (the not-built page has only that one),
// and assets are cacheable for good.
func TestMountWeb(t *testing.T) {
	full := fstest.MapFS{
		"index.html":       {Data: []byte("<p>explorer</p>")},
		"graphiql.html":    {Data: []byte("<p>graphiql</p>")},
		"assets/app-1.js":  {Data: []byte("console.log(1)")},
		"assets/app-1.css": {Data: []byte("body{}")},
	}
	notBuilt := fstest.MapFS{"index.html": {Data: []byte("<p>not built</p>")}}
	tests := []struct {
		name, method, path string
		assets             fstest.MapFS
		wantStatus         int
		wantBody           string
		wantCache          string
		wantCSP            bool
	}{
		{"explorer", "GET", "/", full, 200, "<p>explorer</p>", "no-cache", true},
		{"GraphiQL", "GET", "/graphiql", full, 200, "<p>graphiql</p>", "no-cache", true},
		{"HEAD of a page", "HEAD", "/", full, 200, "", "no-cache", true},
		{"not built: explorer", "GET", "/", notBuilt, 200, "<p>not built</p>", "no-cache", true},
		{"not built: GraphiQL", "GET", "/graphiql", notBuilt, 200, "<p>not built</p>", "no-cache", true},
		{"an asset", "GET", "/assets/app-1.js", full, 200, "console.log(1)", "immutable", false},
		{"a missing asset", "GET", "/assets/app-2.js", full, 404, "", "", false},
		{"no build, no assets", "GET", "/assets/app-1.js", notBuilt, 404, "", "", false},
		{"not a page", "GET", "/index.html/x", full, 404, "", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mux := http.NewServeMux()
			mountWeb(mux, tt.assets)
			rec := httptest.NewRecorder()
			mux.ServeHTTP(rec, httptest.NewRequest(tt.method, tt.path, nil))
			if rec.Code != tt.wantStatus {
				t.Fatalf("status %d, want %d", rec.Code, tt.wantStatus)
			}
			if tt.wantBody != "" && rec.Body.String() != tt.wantBody {
				t.Errorf("body %q, want %q", rec.Body.String(), tt.wantBody)
			}
			if tt.method == "HEAD" && rec.Body.Len() > 0 {
				t.Errorf("HEAD answered a body of %d bytes", rec.Body.Len())
			}
			if cc := rec.Header().Get("Cache-Control"); tt.wantCache != "" && !strings.Contains(cc, tt.wantCache) {
				t.Errorf("Cache-Control %q, want %q", cc, tt.wantCache)
			}
			if csp := rec.Header().Get("Content-Security-Policy"); (csp != "") != tt.wantCSP {
				t.Errorf("Content-Security-Policy %q, want one: %v", csp, tt.wantCSP)
			}
		})
	}
}

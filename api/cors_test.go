package api_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/api"
)

func TestCORS(t *testing.T) {
	store := openStore(t)
	world(t, store)
	const app = "https://app.example"
	allowList := serve(t, store, api.WithCORSOrigins(app))
	anyOrigin := serve(t, store, api.WithCORSOrigins("*"))
	none := serve(t, store)
	tests := []struct {
		name       string
		base       string
		method     string
		origin     string
		preflight  bool
		wantStatus int
		wantAllow  string // Access-Control-Allow-Origin
	}{
		{"preflight from an allowed origin", allowList.URL, http.MethodOptions, app, true, http.StatusNoContent, app},
		{"preflight from another origin", allowList.URL, http.MethodOptions, "https://evil.example", true, http.StatusForbidden, ""},
		{"request from an allowed origin", allowList.URL, http.MethodGet, app, false, http.StatusOK, app},
		{"request from another origin", allowList.URL, http.MethodGet, "https://evil.example", false, http.StatusOK, ""},
		{"any origin", anyOrigin.URL, http.MethodOptions, "https://else.example", true, http.StatusNoContent, "https://else.example"},
		{"CORS off", none.URL, http.MethodGet, app, false, http.StatusOK, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, err := http.NewRequest(tt.method, tt.base+"/graphql?query=%7Bstats%7Barticles%7D%7D", nil)
			if err != nil {
				t.Fatal(err)
			}
			req.Header.Set("Origin", tt.origin)
			if tt.preflight {
				req.Header.Set("Access-Control-Request-Method", "POST")
				req.Header.Set("Access-Control-Request-Headers", "content-type, authorization")
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != tt.wantStatus {
				t.Errorf("status %d, want %d", resp.StatusCode, tt.wantStatus)
			}
			if got := resp.Header.Get("Access-Control-Allow-Origin"); got != tt.wantAllow {
				t.Errorf("Access-Control-Allow-Origin %q, want %q", got, tt.wantAllow)
			}
			if tt.preflight && tt.wantAllow != "" {
				h := resp.Header
				if !strings.Contains(h.Get("Access-Control-Allow-Methods"), "POST") ||
					!strings.Contains(h.Get("Access-Control-Allow-Headers"), "Authorization") ||
					!strings.Contains(h.Get("Access-Control-Allow-Headers"), "X-API-Key") {
					t.Errorf("preflight headers %v", h)
				}
			}
		})
	}
}

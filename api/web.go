package api

import (
	"io/fs"
	"net/http"
)

// pageCSP is the Content-Security-Policy of the explorer and GraphiQL:
// everything from this server, nothing from anywhere else, so that a page
// works on a machine without internet access and cannot leak what its
// user looks at. Styles may be inline (Cytoscape and GraphiQL's editor set
// them); workers come from this server or blob URLs (GraphiQL's editor).
const pageCSP = "default-src 'self'; connect-src 'self'; img-src 'self' data: blob:; " +
	"style-src 'self' 'unsafe-inline'; font-src 'self' data:; worker-src 'self' blob:; " +
	"object-src 'none'; base-uri 'none'; frame-ancestors 'none'"

// mountWeb serves a browser front end (package web's, see web.Assets):
// the explorer at /, GraphiQL at /graphiql and their hashed assets under
// /assets/. Without a build both pages say how to build it.
func mountWeb(mux *http.ServeMux, assets fs.FS) {
	mux.Handle("GET /{$}", page(assets, "index.html"))
	mux.Handle("GET /graphiql", page(assets, "graphiql.html"))
	files := http.FileServerFS(assets)
	mux.Handle("GET /assets/", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// Vite names assets by a hash of their content: a name never
		// changes meaning, so browsers may keep them.
		w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
		w.Header().Set("X-Content-Type-Options", "nosniff")
		files.ServeHTTP(w, r)
	}))
}

// page serves one HTML page of assets (index.html when the build has no
// such page), never cached, so that a new build shows at once.
func page(assets fs.FS, name string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, err := fs.ReadFile(assets, name)
		if err != nil {
			body, err = fs.ReadFile(assets, "index.html")
		}
		if err != nil {
			http.Error(w, "the front end is missing from this build", http.StatusInternalServerError)
			return
		}
		h := w.Header()
		h.Set("Content-Type", "text/html; charset=utf-8")
		h.Set("Cache-Control", "no-cache")
		h.Set("Content-Security-Policy", pageCSP)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		if r.Method == http.MethodHead {
			return
		}
		w.Write(body)
	})
}

// Package web holds newsgraph's browser front end: the explorer (served at
// /) and GraphiQL (at /graphiql), a Vite project in this folder whose build
// (npm ci && npm run build) writes dist/app, embedded here so that the
// binary serves it with no network access.
//
// A fresh clone has no build: dist/app is not committed, only
// dist/notbuilt, a page that says how to build. Embedding the whole of
// dist keeps the package compiling either way.
package web

import (
	"embed"
	"io/fs"
)

//go:embed all:dist
var dist embed.FS

// Assets returns the built front end, rooted where the server serves it:
// index.html (the explorer), graphiql.html and assets/. Without a build,
// built is false and fsys holds only index.html, a page saying how to
// build.
func Assets() (fsys fs.FS, built bool) {
	app, err := fs.Sub(dist, "dist/app")
	if err == nil {
		if _, err := fs.Stat(app, "index.html"); err == nil {
			return app, true
		}
	}
	notBuilt, err := fs.Sub(dist, "dist/notbuilt")
	if err != nil {
		// dist/notbuilt is embedded at compile time: fs.Sub fails only
		// on an invalid path, which this is not.
		panic("web: " + err.Error())
	}
	return notBuilt, false
}

package api

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/api/export"
	"github.com/newsgraph/newsgraph/graph"
)

// exportNetwork serves GET /export/network.{graphml,gexf,csv,cyjs}: the
// network query's answer as a file. It takes the network field's arguments
// as URL parameters: seeds (repeated or comma-separated), depth,
// relationTypes (idem), since, until (RFC 3339), minConfidence, limit,
// perNode. Errors are JSON {"error": {"code", "message"}} with a matching
// HTTP status.
func (s *Server) exportNetwork(w http.ResponseWriter, r *http.Request) {
	name, format, _ := strings.Cut(r.PathValue("file"), ".")
	if name != "network" || !export.Known(format) {
		s.exportError(w, graph.Errorf("api.export", graph.NotFound, "no export %q; want network.{%s}", r.PathValue("file"), strings.Join(export.Formats, ",")))
		return
	}
	if s.readAuth && !isAuthorized(r.Context()) {
		s.exportError(w, s.errUnauthorized("exports"))
		return
	}
	q, err := networkParams(r.URL.Query())
	if err != nil {
		s.exportError(w, err)
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), s.timeout)
	defer cancel()
	net, err := (&Resolver{store: s.store}).network(ctx, q)
	if err != nil {
		s.exportError(w, err)
		return
	}
	// Rendered whole before the first byte, so that a failure is still an
	// error status rather than a cut file.
	var buf bytes.Buffer
	if err := export.Write(&buf, format, net, export.WithModified(s.now())); err != nil {
		s.exportError(w, err)
		return
	}
	h := w.Header()
	h.Set("Content-Type", export.ContentType(format))
	h.Set("Content-Disposition", `attachment; filename="network.`+format+`"`)
	h.Set("X-Network-Truncated", strconv.FormatBool(net.Truncated))
	w.Write(buf.Bytes())
}

// networkParams reads a network query from URL parameters.
func networkParams(v url.Values) (graph.NetworkQuery, error) {
	const op = "api.export"
	var a networkArgs
	a.seeds = listParam(v, "seeds")
	for _, t := range listParam(v, "relationTypes") {
		rt := graph.RelationType(strings.ToUpper(t))
		if !rt.Valid() {
			return graph.NetworkQuery{}, graph.Errorf(op, graph.Invalid, "unknown relation type %q", t)
		}
		a.types = append(a.types, rt)
	}
	var err error
	intParam := func(name string) *int {
		s := v.Get(name)
		if s == "" || err != nil {
			return nil
		}
		n, perr := strconv.Atoi(s)
		if perr != nil {
			err = graph.Errorf(op, graph.Invalid, "%s must be an integer, got %q", name, s)
		}
		return &n
	}
	timeParam := func(name string) *time.Time {
		s := v.Get(name)
		if s == "" || err != nil {
			return nil
		}
		t, perr := time.Parse(time.RFC3339Nano, s)
		if perr != nil {
			err = graph.Errorf(op, graph.Invalid, "%s must be an RFC 3339 time, got %q", name, s)
		}
		t = t.UTC()
		return &t
	}
	a.depth, a.limit, a.perNode = intParam("depth"), intParam("limit"), intParam("perNode")
	a.since, a.until = timeParam("since"), timeParam("until")
	if s := v.Get("minConfidence"); s != "" && err == nil {
		c, perr := strconv.ParseFloat(s, 64)
		if perr != nil {
			err = graph.Errorf(op, graph.Invalid, "minConfidence must be a number, got %q", s)
		}
		a.minConfidence = &c
	}
	if err != nil {
		return graph.NetworkQuery{}, err
	}
	return networkQuery(a)
}

// listParam reads a parameter given repeatedly, comma-separated, or both.
func listParam(v url.Values, name string) []string {
	var out []string
	for _, s := range v[name] {
		for _, part := range strings.Split(s, ",") {
			if part = strings.TrimSpace(part); part != "" {
				out = append(out, part)
			}
		}
	}
	return out
}

// httpStatus maps an error code onto an HTTP status.
func httpStatus(code graph.Code) int {
	switch code {
	case graph.Invalid:
		return http.StatusBadRequest
	case graph.NotFound:
		return http.StatusNotFound
	case graph.Unauthorized:
		return http.StatusUnauthorized
	case graph.Conflict:
		return http.StatusConflict
	case graph.Unavailable:
		return http.StatusServiceUnavailable
	case graph.Timeout:
		return http.StatusGatewayTimeout
	}
	return http.StatusInternalServerError
}

func (s *Server) exportError(w http.ResponseWriter, err error) {
	code := codeOf(err)
	if code == graph.Internal {
		s.log.Error().Err(err).Msg("export failed")
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(httpStatus(code))
	json.NewEncoder(w).Encode(map[string]any{"error": map[string]string{"code": string(code), "message": graph.ErrorMessage(err)}})
}

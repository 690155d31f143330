package api

import (
	"net/url"

	"github.com/newsgraph/newsgraph/graph"
)

// NetworkQueryFromValues reads a network query from the parameters of the
// export endpoint (seeds, depth, relationTypes, since, until,
// minConfidence, limit, perNode), so that the CLI's export and the HTTP
// export parse and bound a query the same way.
func NetworkQueryFromValues(v url.Values) (graph.NetworkQuery, error) {
	return networkParams(v)
}

// Package model holds the Go types the GraphQL schema is bound to where the
// domain types of package graph do not fit as they are: the DateTime scalar,
// relationships seen from an entity, claim citations flattened for clients,
// and the cursor connections. gqlgen.yml binds the rest of the schema to
// package graph directly.
package model

import (
	"context"
	"io"
	"strconv"
	"time"

	"github.com/99designs/gqlgen/graphql"

	"github.com/newsgraph/newsgraph/graph"
)

// Node is any object with a global id: *graph.Entity, *graph.Article,
// *graph.Claim or *Relationship. It is empty because the domain types carry
// no methods; the generated code switches on the concrete types.
type Node interface{}

// MarshalDateTime writes t as RFC 3339 in UTC, and a zero time as null,
// since the store uses the zero time for "unknown".
func MarshalDateTime(t time.Time) graphql.Marshaler {
	if t.IsZero() {
		return graphql.Null
	}
	return graphql.WriterFunc(func(w io.Writer) {
		io.WriteString(w, strconv.Quote(t.UTC().Format(time.RFC3339Nano)))
	})
}

// UnmarshalDateTime reads an RFC 3339 string into a UTC time.
func UnmarshalDateTime(v any) (time.Time, error) {
	const op = "model.UnmarshalDateTime"
	s, ok := v.(string)
	if !ok {
		return time.Time{}, graph.Errorf(op, graph.Invalid, "DateTime must be an RFC 3339 string, got %T", v)
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, graph.Errorf(op, graph.Invalid, "DateTime %q is not RFC 3339", s)
	}
	return t.UTC(), nil
}

// Relationship is a relationship as reached from an entity, its viewpoint,
// so that Relationship.other can name the far end. Viewpoint is empty when
// the relationship was reached from no entity.
type Relationship struct {
	*graph.Relationship
	Viewpoint string
}

// OtherID returns the id of the end that is not the viewpoint, and "" when
// there is no viewpoint or it is neither end.
func (r *Relationship) OtherID() string {
	switch r.Viewpoint {
	case "":
		return ""
	case r.SourceID:
		return r.TargetID
	case r.TargetID:
		return r.SourceID
	}
	return ""
}

// ClaimCitation is one attribution of a claim, with its citation's fields
// promoted so that clients read them flat, as they read a Citation.
type ClaimCitation struct {
	graph.Citation
	ClaimID    string
	Text       string
	Verbatim   bool
	Source     graph.Span
	Cue        graph.Span
	SpeakerIDs []string
	AboutIDs   []string
	// Unattributed is graph.ClaimEvidence.Unattributed of the evidence.
	Unattributed bool
}

// NewClaimCitation flattens one piece of claim evidence.
func NewClaimCitation(e graph.ClaimEvidence) *ClaimCitation {
	return &ClaimCitation{
		Citation:     e.Citation,
		ClaimID:      e.ClaimID,
		Text:         e.Text,
		Verbatim:     e.Verbatim,
		Source:       e.Source,
		Cue:          e.Cue,
		SpeakerIDs:   e.SpeakerIDs,
		Unattributed: e.Unattributed(),
		AboutIDs:     e.AboutIDs,
	}
}

// ExternalID is one identifier of an entity in another knowledge base.
type ExternalID struct {
	Source string
	ID     string
}

// Counter counts the items of a whole list. Connections call it only when a
// client selects totalCount, because counting can cost as much as listing.
type Counter func(ctx context.Context) (int, error)

// PageInfo says where a page sits in its list.
type PageInfo struct {
	HasNextPage     bool
	HasPreviousPage bool
	StartCursor     *string
	EndCursor       *string
}

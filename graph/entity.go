package graph

import "time"

// EntityKind is what an entity is.
type EntityKind string

// The entity kinds newsgraph extracts.
const (
	Person       EntityKind = "PERSON"
	Group        EntityKind = "GROUP" // armed and political groups, movements
	Organization EntityKind = "ORGANIZATION"
	Place        EntityKind = "PLACE"
	Outlet       EntityKind = "OUTLET"  // newspapers, broadcasters, agencies
	Program      EntityKind = "PROGRAM" // programmes and shows of an outlet
)

// EntityKinds lists every kind, in a stable order.
var EntityKinds = []EntityKind{Person, Group, Organization, Place, Outlet, Program}

// Valid reports whether k is one of EntityKinds.
func (k EntityKind) Valid() bool {
	for _, v := range EntityKinds {
		if k == v {
			return true
		}
	}
	return false
}

// Entity is an actor, place or outlet the coverage talks about. Name is its
// canonical name; Aliases are every other name it is known or was mentioned
// by. MentionCount, FirstSeen and LastSeen are aggregates over its mentions.
type Entity struct {
	ID           string
	Kind         EntityKind
	Name         string
	Aliases      []string
	Roles        []string          // titles and roles, e.g. "political expert"
	ExternalIDs  map[string]string // e.g. {"wikidata": "Q..."}
	FirstSeen    time.Time
	LastSeen     time.Time
	MentionCount int
}

// Mention is one occurrence of an entity in an article's text.
type Mention struct {
	EntityID string
	Text     string // the surface form, exactly as in the article
	Role     string // the title or role attached to this mention, if any
	// KindInContext is the kind the article uses the name as where that
	// differs from the entity's own kind: a country standing for its
	// national team in a match report, or for its state when it fights
	// ("Kestrelia shelled the border"), or a name taken for a place in a
	// context only a body fits ("members of Vexa"); the kind of a class
	// noun that introduces a list of names ("deities such as Kestra and
	// Vexor": PERSON); a person for an office's title or a people
	// ("Kestrelians"). Empty otherwise. The entity keeps its kind.
	KindInContext EntityKind
	Citation      Citation
}

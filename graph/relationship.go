package graph

import "time"

// RelationType is the type of a relationship between two entities.
type RelationType string

// The relationship types newsgraph extracts.
const (
	RivalOf    RelationType = "RIVAL_OF"    // rivalry, clashes, fighting (undirected)
	BranchOf   RelationType = "BRANCH_OF"   // source is a branch, wing or affiliate of target
	MemberOf   RelationType = "MEMBER_OF"   // source (person or group) belongs to target
	AlliedWith RelationType = "ALLIED_WITH" // alliance, cooperation (undirected)
	Attacked   RelationType = "ATTACKED"    // source attacked target
	Hosted     RelationType = "HOSTED"      // source (person) hosted target (programme)
	AppearedOn RelationType = "APPEARED_ON" // source (person) appeared on target (programme)
	LocatedIn  RelationType = "LOCATED_IN"  // source is located in or operates in target
	LeaderOf   RelationType = "LEADER_OF"   // source leads target
	PartOf     RelationType = "PART_OF"     // source (outlet, programme, place) is part of target
)

// RelationTypes lists every stored relationship type, in a stable order.
var RelationTypes = []RelationType{RivalOf, BranchOf, MemberOf, AlliedWith, Attacked, Hosted, AppearedOn, LocatedIn, LeaderOf, PartOf}

// Valid reports whether t is one of RelationTypes.
func (t RelationType) Valid() bool {
	for _, v := range RelationTypes {
		if t == v {
			return true
		}
	}
	return false
}

// Directed reports whether the order of the endpoints means something.
// Undirected relationships are stored with their endpoints ordered by id.
func (t RelationType) Directed() bool {
	switch t {
	case RivalOf, AlliedWith:
		return false
	}
	return true
}

// Relationship is a typed tie between two entities, aggregated over all its
// evidence. Confidence combines the evidence confidences as a noisy-or
// (1 - Π(1 - c)), so independent sources reinforce each other.
type Relationship struct {
	ID            string
	Type          RelationType
	SourceID      string
	TargetID      string
	Directed      bool
	EvidenceCount int
	FirstSeen     time.Time
	LastSeen      time.Time
	Confidence    float64
}

// RelationshipEvidence is one extracted occurrence of a relationship.
type RelationshipEvidence struct {
	Type     RelationType
	SourceID string
	TargetID string
	Citation Citation
}

// ID returns the id of the relationship this evidence supports.
func (e *RelationshipEvidence) ID() string {
	return RelationshipID(e.Type, e.SourceID, e.TargetID)
}

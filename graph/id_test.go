package graph

import "testing"

func TestCanonicalKey(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"case and hyphen", "IS-K", "is-k"},
		{"unicode hyphen", "IS‑K", "is-k"},
		{"spaces and punctuation", "  Islamic  State, (Khorasan) ", "islamic state khorasan"},
		{"apostrophe", "Taliban’s", "taliban's"},
		{"dotted acronym", "U.S.", "u.s"},
		{"nfkc", "ＦＡＲＡＫＨＡＢＡＲ", "farakhabar"},
		{"empty", "--", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := CanonicalKey(tt.in); got != tt.want {
				t.Errorf("CanonicalKey(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestRelationshipIDUndirected(t *testing.T) {
	if RelationshipID(RivalOf, "a", "b") != RelationshipID(RivalOf, "b", "a") {
		t.Error("undirected relationship ids depend on endpoint order")
	}
	if RelationshipID(BranchOf, "a", "b") == RelationshipID(BranchOf, "b", "a") {
		t.Error("directed relationship ids ignore endpoint order")
	}
}

func TestErrorCode(t *testing.T) {
	base := Errorf("op1", NotFound, "entity %q not found", "x")
	wrapped := E("op2", base)
	if got := ErrorCode(wrapped); got != NotFound {
		t.Errorf("ErrorCode(wrapped) = %q, want %q", got, NotFound)
	}
	if got := ErrorMessage(wrapped); got != `entity "x" not found` {
		t.Errorf("ErrorMessage(wrapped) = %q", got)
	}
	foreign := E("op3", Unavailable, errString("dial tcp: SQL text"))
	if got := ErrorMessage(foreign); got != "service unavailable, try again later" {
		t.Errorf("ErrorMessage leaks cause: %q", got)
	}
	if got := ErrorCode(errString("plain")); got != Internal {
		t.Errorf("ErrorCode(plain) = %q, want INTERNAL", got)
	}
}

type errString string

func (e errString) Error() string { return string(e) }

func TestClaimSimilarity(t *testing.T) {
	tests := []struct {
		name string
		a, b string
		want float64
	}{
		{"identical after normalisation", "The group is weaker.", "the group is WEAKER", 1},
		{"disjoint", "rain tomorrow", "markets fell", 0},
		{"one shared bigram of three", "the group grew", "the group shrank", 1.0 / 3},
		{"single words", "yes", "yes", 1},
		{"both empty", "", "", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ClaimSimilarity(tt.a, tt.b); got != tt.want {
				t.Errorf("ClaimSimilarity(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
			}
		})
	}
}

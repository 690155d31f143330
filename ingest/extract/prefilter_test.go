package extract

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestRequiredLiterals(t *testing.T) {
	tests := []struct {
		name string
		expr string
		want []string
	}{
		{"literal", `said`, []string{"said"}},
		{"alternation", `(?:^| )(?P<c>said|says|told) that`, []string{"said that", "says that", "told that"}},
		{"optional words fold into the shorter", `E\d+ (?:also |later )?(?:leads|led) E\d+`, []string{" leads E", " led E"}},
		{"most selective part of a concatenation", `^(?P<content>.+?) , according to (?:[a-z-]+ ){0,3}?E\d+`, []string{" , according to "}},
		{"nothing required", `(?:[a-z]+ )*`, nil},
		{"optional only", `(?:the )?`, nil},
		{"repeat keeps its part", `(?:ab)+c`, []string{"ab"}},
		{"case folding is not a literal", `(?i)said`, nil},
		{"small class", `E[12] ,`, []string{"E1 ,", "E2 ,"}},
		{"large class", `[a-z]`, nil},
		{"alternation with an unknown branch", `said|[a-z]+`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, requiredLiterals(tt.expr)); diff != "" {
				t.Errorf("requiredLiterals(%q) (-want +got):\n%s", tt.expr, diff)
			}
		})
	}
}

// TestPrefilterKeepsMatches checks on texts written for it that the
// prefilter never hides a match of the claim and relation patterns, and
// that it rejects texts without their words.
func TestPrefilterKeepsMatches(t *testing.T) {
	texts := []string{
		`E1 said that the plan would fail .`,
		`E1 said on monday that the talks had stalled .`,
		`the officials told reporters the deal was off .`,
		`the talks had stalled , E2 said .`,
		`the plan , he said , will fail .`,
		`the plan will fail , according to E3 .`,
		`according to the E1 analysts , prices will rise .`,
		`E1 , the leader of E2 , arrived .`,
		`E1 leads E2 .`,
		`E1 , who heads E2 , spoke .`,
		`E1 is based in E2 .`,
		`E1 attacked E2 on friday .`,
		`the clashes between E1 and E2 continued .`,
		`E1 's spokesman E2 declined to comment .`,
		`the weather was mild all week .`,
	}
	for _, s := range texts {
		var pairs bytePairs
		pairs.set(s)
		for _, p := range compiledClaims {
			if p.re.Regexp.MatchString(s) && !(p.re.mayMatch(s, nil) && p.re.mayMatch(s, &pairs)) {
				t.Errorf("claim %s matches %q but its prefilter %q rejects it", p.name, s, p.re.need)
			}
		}
		for _, p := range compiledRels {
			if p.re.Regexp.MatchString(s) && !(p.re.mayMatch(s, nil) && p.re.mayMatch(s, &pairs)) {
				t.Errorf("relation %s matches %q but its prefilter %q rejects it", p.name, s, p.re.need)
			}
		}
	}
	filtered := 0
	for _, p := range compiledRels {
		if !p.re.mayMatch(`the weather was mild all week .`, nil) {
			filtered++
		}
	}
	if filtered < len(compiledRels)/2 {
		t.Errorf("only %d of %d relation patterns are skipped on a text without their words", filtered, len(compiledRels))
	}
}

// TestBytePairsHasAny checks the pair filter against plain substring
// search on texts and words of our own, present and absent, at the
// text's ends and across its words.
func TestBytePairsMayHold(t *testing.T) {
	texts := []string{
		"the harbour board said on monday it had bought the ferry line",
		"x",
		"",
		"rivals, foes and allies met in the capital's old hall",
	}
	words := []string{"the", "bought", "ferry line", "ne", "th", "capital's", "'s", ",", "x", "rival", "ally", "allies",
		"feud", "fought", "harbours", "mondays", "eht", "line ", " the", "xx", "hall", "halls"}
	for _, text := range texts {
		var f bytePairs
		f.set(text)
		for _, w := range words {
			if strings.Contains(text, w) && !f.mayHold(w) {
				t.Errorf("%q in %q: the filter rules out a word the text holds", w, text)
			}
		}
	}
}

// TestKeyCacheAsSearch checks that the relation key cache, with its pair
// filter and its memory of keys searched, answers as a plain search of each
// pattern's keys would, sentence after sentence.
func TestKeyCacheAsSearch(t *testing.T) {
	sentences := []string{
		"the two rival clans fought over the harbour for a decade",
		"she was named head of the regional water board on friday",
		"x",
		"",
		"a subsidiary of the shipping firm, owned by a family trust, was sold",
	}
	keys := keyCache{state: make([]int8, len(relKeys))}
	for _, s := range sentences {
		keys.reset(s)
		for pi := range compiledRels {
			p := &compiledRels[pi]
			want := len(p.keys) == 0
			for _, k := range p.keys {
				want = want || strings.Contains(s, k)
			}
			if got := keys.any(p.keyIdx); got != want {
				t.Errorf("%s in %q: %v, want %v", p.name, s, got, want)
			}
		}
	}
}

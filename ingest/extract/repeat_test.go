package extract

import (
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestRepeatedNames checks which names the tagger missed are added as
// repeats of a name the article gives elsewhere.
func TestRepeatedNames(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string // "text@offset entity" of the mentions with rule "repeat"
	}{
		{"a body's name as a modifier", "Officials of the Brightwater Trust met on Sunday. Later, Brightwater staff said the Brightwater board had resigned.",
			[]string{"Brightwater@84 ORGANIZATION:Brightwater"}},
		{"a place used as a body keeps that use", "Members of Norwood Church met on Sunday. Norwood officials said the Norwood meeting was calm.",
			[]string{"Norwood@68 ORGANIZATION:Norwood"}},
		{"a word the article also writes in lower case", "Officials of the Brightwater Trust met on Sunday. Later, Brightwater staff said the Brightwater board had resigned. A brightwater stream.",
			nil},
		{"the head of a body's name", "The Church of Vexanity opened a school in 1990. Critics say the Church hides its accounts.",
			[]string{"Church@64 ORGANIZATION:Church of Vexanity"}},
		{"two bodies share the head", "The Church of Vexanity and the Church of Orbis met in 1990. Critics say the Church hides its accounts.",
			nil},
		{"a person never named in full", "Zentrix said on Monday that sales fell. Analysts expect Zentrix engineers to leave.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ex, names := extractText(t, tt.text)
			var got []string
			for _, m := range ex.Mentions {
				if strings.HasSuffix(m.Citation.Extractor, ":"+repeatRule) {
					got = append(got, m.Text+"@"+strconv.Itoa(m.Citation.Start)+" "+names[m.EntityID])
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("repeated names (-want +got):\n%s", diff)
			}
		})
	}
}

package extract

import (
	"context"
	"testing"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/graph"
)

// FuzzExtract checks that no text makes Extract panic or produce an
// extraction that fails Validate. `go test` runs the seeds; `go test
// -fuzz FuzzExtract` explores further.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"“", "\"", "U.S.", "IS-K's", "(", "The two groups", "Dr.", "’s", "According to", ", said",
		"“Unclosed quote, he said.", "In an episode of , brought together and .",
		"The Taliban clashed with ISKP, according to officials.\n\n“We won,” he said.",
		"A (B) C, or D, E\n\n\n", "ÉÉ ÉÉ said that é.", "北京 said that 上海.",
	} {
		f.Add(s)
	}
	x, err := New()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return
		}
		ex, err := x.Extract(context.Background(), &graph.Article{ID: "a", Text: text})
		if err != nil {
			if graph.ErrorCode(err) != graph.Invalid {
				t.Fatalf("unexpected error %v", err)
			}
			return
		}
		if err := ex.Validate(); err != nil {
			t.Fatalf("invalid extraction of %q: %v", text, err)
		}
		NewDocument(ex)
	})
}

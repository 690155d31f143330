package extract

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestOpenQuotes(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []bool
	}{
		{"quotation over two sentences", "“We will build it. It will open in May,” the mayor said.", []bool{false, true}},
		{"closed in its sentence", "“We will build it,” she said. The council agreed.", []bool{false, false}},
		{"straight marks toggle", "\"Rates rise. They fall,\" he said. Markets closed.", []bool{false, true, false}},
		{"a paragraph break ends it", "“Rates rise.\n\nMarkets closed.", []bool{false, false}},
		{"none", "Rates rose. Markets closed.", []bool{false, false}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, OpenQuotes(Tokenize(tt.in))); diff != "" {
				t.Errorf("OpenQuotes(%q) (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

package extract

import (
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/ingest/ner"
)

// TestTitleLedKinds checks the person contexts of titlelead.go: a name the
// tagger reads as a body or a place is a person's after an honorific or an
// office title and a given name, and before a person's role in
// apposition; names of bodies that begin with a title, or that a
// participle clause describes, keep their kind.
func TestTitleLedKinds(t *testing.T) {
	tests := []kindCase{
		{"an honorific joins the full name", "Housing spokesman Vince Harrowby attacked the plan. Buyers would save £900, according to Mr Harrowby.", "PERSON:Vince Harrowby", "PLACE:Mr Harrowby"},
		{"a doctor joins the full name", "The study was led by Dr Anna Quellby of the Kestrel Institute. Dr Quellby said most users wanted new things.", "PERSON:Anna Quellby", "ORGANIZATION:Dr Quellby"},
		{"a peer", "Lord Harrowby said the bill was unfair. The Lords will vote on Monday.", "PERSON:Harrowby", "PLACE:Lord Harrowby"},
		{"an office title and a given name", "Chancellor Gordon Harrowby has said he hopes to agree a deal on Friday.", "PERSON:Gordon Harrowby", "ORGANIZATION:Chancellor Gordon Harrowby"},
		{"more of the role after an office title", "Chief Executive Daniel Harrowby said profits fell.", "PERSON:Daniel Harrowby", "PERSON:Executive Daniel Harrowby"},
		{"a title word in a body's name", "The English Premier League said on Monday it would act.", "GROUP:English Premier League", "PERSON:League"},
		{"a pageant's title", "The Miss Universe crown went to a student from Peru this year.", "", "PERSON:Universe"},
		{"a title inside a league's name", "Major League Baseball will expand to thirty-two teams, owners agreed.", "", "PERSON:League Baseball"},
		{"a modifier before a body", "Lawmakers in the Republican-controlled Congress blocked the budget for a third week.", "ORGANIZATION:Congress", "ORGANIZATION:Republican-controlled Congress"},
		{"a place-based modifier", "Ana Ruiz runs the Gaza-based Kestrel Prisoners Support Association, which counts detainees.", "ORGANIZATION:Kestrel Prisoners Support Association", "ORGANIZATION:Gaza-based Kestrel Prisoners Support Association"},
		{"an ampersand name", "Analysts at S&P and Moody's agreed that spending on R&D would fall.", "ORGANIZATION:S&P", "ORGANIZATION:R&D"},
		{"an office title begins a firm", "General Motors said sales fell 4% in March.", "ORGANIZATION:General Motors", "PERSON:Motors"},
		{"a title in capitals is no title", "Aid reached DR Congo on Monday, the agency said.", "", "PERSON:Congo"},
		{"a spokesman in apposition", "QX Morrow, spokesman for software firm Brightvale said many firms now saw how much e-mail mattered.", "PERSON:QX Morrow", "ORGANIZATION:QX Morrow"},
		{"a party's spokesman in apposition", "Rhodri Glyn Harrowby, Plaid Cymru health spokesman said: \"It is a failed target.\"", "PERSON:Rhodri Glyn Harrowby", "ORGANIZATION:Rhodri Glyn Harrowby"},
		{"a role before a given name", "Kestrel News correspondent Simon Hall said the roads were closed.", "PERSON:Simon Hall", "ORGANIZATION:Simon Hall"},
		{"a role leads the name at a sentence's start", "Singer Simon Hall said the tour would go ahead.", "PERSON:Simon Hall", "ORGANIZATION:Singer Simon Hall"},
		{"a peer's territorial designation", "Lord Kestrel of Harwick said the ruling was wrong. Lord Kestrel has sat in the Lords since 1990.", "PERSON:Kestrel", "ORGANIZATION:Lord Kestrel of Harwick"},
		{"a baroness", "Baroness Harrowby said the bill would fail.", "PERSON:Harrowby", "ORGANIZATION:Baroness Harrowby"},
		{"a peer named after a place leaves the place alone", "Baroness Scotland said the bill would pass. Scotland voted against it.", "PLACE:Scotland", "PERSON:Scotland"},
		{"an award named after a director", "The Woodcutter won the Satyajit Harrow Award, named after the Indian director.", "", "PERSON:Satyajit Harrow Award"},
		{"a film in a winning clause", "Staunton was honoured for her role in Vera Kestrel, winning best actress.", "", "PERSON:Vera Kestrel"},
	}
	runKindCases(t, tests)
}

// TestOfficeHolderSpans splits a tagger's body across an office and its
// holder, the tagger having read the whole as one name, as it does in
// some articles.
func TestOfficeHolderSpans(t *testing.T) {
	tests := []struct {
		name, text, span string
		want             []string
	}{
		{"a deputy prime minister", "Envoys flew in to see Iraqi Deputy Prime Minister Hana Harrowby .", "Iraqi Deputy Prime Minister Hana Harrowby", []string{"PER:Hana Harrowby"}},
		{"a vice president in one word", "It was pledged by Taiwanese Vice President Harrowby .", "Taiwanese Vice President Harrowby", []string{"PER:Harrowby"}},
		{"a party and its leader", "Voters backed the Kestrel League of Prime Minister Ana Harrowby in May .", "Kestrel League of Prime Minister Ana Harrowby", []string{"ORG:Kestrel League", "PER:Ana Harrowby"}},
		{"a country's abbreviation", "They met U.S. Secretary Dana Harrowby .", "U.S. Secretary Dana Harrowby", []string{"ORG:U.S.", "PER:Dana Harrowby"}},
		{"a body's head after a title", "The English Premier League said so .", "English Premier League", []string{"ORG:English Premier League"}},
		{"a general's one word is no name", "The UN General Assembly met .", "UN General Assembly", []string{"ORG:UN General Assembly"}},
	}
	x := newExtractor(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := newDoc(x, &graph.Article{Text: tt.text})
			span := strings.Fields(tt.span)
			start := slices.Index(d.words, span[0])
			var got []string
			for _, sp := range d.officeHolderSpans(d.words, ner.Span{Start: start, End: start + len(span), Label: "ORG"}) {
				got = append(got, sp.Label+":"+strings.Join(d.words[sp.Start:sp.End], " "))
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("officeHolderSpans (-want +got):\n%s", diff)
			}
		})
	}
}

// TestEventAndDiseaseNames: the tagger's names that end in an event's or
// a disease's head are MISC, whatever it typed them.
func TestEventAndDiseaseNames(t *testing.T) {
	tests := []struct {
		name, text  string
		label, want string
	}{
		{"a disease named after people", "They feared Creutzfeldt-Jakob Disease", "PER", "MISC"},
		{"a condition", "Cases of Bovine Spongiform Encephalopathy", "ORG", "MISC"},
		{"a festival", "She opened the Kestrel Lantern Festival", "ORG", "MISC"},
		{"a body", "She joined the Kestrel Lantern Society", "ORG", "ORG"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			words := strings.Fields(tt.text)
			spans := []ner.Span{{Start: 2, End: len(words), Label: tt.label}}
			eventNames(words, spans)
			if spans[0].Label != tt.want {
				t.Errorf("label %s, want %s", spans[0].Label, tt.want)
			}
		})
	}
}

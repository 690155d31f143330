package extract

import "testing"

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

package extract

import "testing"

// TestPromiseActs: a promise, pledge or vow of a deed ("promised to keep")
// or of a thing, quoted or not, commits the speaker and states nothing;
// a promise of a clause stays a claim.
func TestPromiseActs(t *testing.T) {
	intro := "The mayor of Dunmere, Ruth Amble, spoke to reporters on Monday. "
	runListedCases(t, []listedCase{
		{"promised to", intro + "Ms Amble promised to keep the three libraries open until next year.", nil},
		{"vowed to", intro + "Ms Amble vowed to fight the closure of the harbour in the courts.", nil},
		{"pledged a quoted thing", intro + "Ms Amble pledged \"the fairest budget the town has ever seen\".", nil},
		{"promised that", intro + "Ms Amble promised that the three libraries would stay open until next year.",
			[]string{"PERSON:Ruth Amble | promised | listed"}},
	})
}

// TestRoundSixSpeakers: a spokesman for a person speaks unnamed; a bare
// share ("12%") names no speaker, so its claim is not listed.
func TestRoundSixSpeakers(t *testing.T) {
	intro := "The mayor of Dunmere, Ruth Amble, spoke to reporters on Monday. "
	runListedCases(t, []listedCase{
		{"a spokesman for a person", intro + "A spokesman for Ms Amble said the mayor would visit the harbour in May.",
			[]string{" | said | listed"}},
		{"a share of those asked", "Voters in Dunmere were asked about the harbour. Of those asked, 12% said they would leave the town within a year.",
			[]string{" | said | tentative"}},
	})
}

// TestRoundSixContents: the content starts after the addressee and a
// complementiser with a colon, and stops before a dangling "but".
func TestRoundSixContents(t *testing.T) {
	intro := "The mayor of Dunmere, Ruth Amble, spoke on Monday. "
	tests := []struct{ name, text, want string }{
		{"said to an addressee and a colon", intro + "She said to party members: \"If you think the harbour is lost, I think you are wrong.\"",
			"If you think the harbour is lost, I think you are wrong"},
		{"told a conference in a city that", intro + "She told a Leeds news conference that the harbour would reopen in the spring.",
			"the harbour would reopen in the spring"},
		{"a dangling but", "The harbour board claimed Mr Pike was one of the ring's leaders but his lawyer, Ann Lee, told reporters the claim was absurd.",
			"Mr Pike was one of the ring's leaders"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ex, _ := extractText(t, "Report\n\n"+tt.text)
			for _, c := range ex.Claims {
				if c.Text == tt.want {
					return
				}
				t.Logf("got %q", c.Text)
			}
			t.Errorf("no claim %q", tt.want)
		})
	}
}

// TestRoundSixKinds: a name between an article and a role, or the author
// of a survey, is an organisation.
func TestRoundSixKinds(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"a survey by a firm", "A recent survey by Fenwick Ellis predicted that sales would double next year.", "ORGANIZATION:Fenwick Ellis"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ex, names := extractText(t, "Report\n\n"+tt.text)
			for _, c := range ex.Claims {
				if got := speakerNames(c, names); got != tt.want {
					t.Errorf("speaker %q, want %q", got, tt.want)
				}
				return
			}
			t.Errorf("no claim")
		})
	}
}

// TestCrowdedPronouns: "he" among three or more people named in its window
// is a guess, so its claim is tentative; the subject of the sentence just
// before, with no one named after it, is still the plain antecedent.
func TestCrowdedPronouns(t *testing.T) {
	crowd := "Tom Pike met Carl Dorr and Owen Hale at the harbour on Monday to talk about the new quay. "
	runListedCases(t, []listedCase{
		{"one man named", "Tom Pike visited the harbour on Monday. He said the new quay would open in the summer.",
			[]string{"PERSON:Tom Pike | said | listed"}},
		{"three men named, pronoun after another sentence", crowd + "The talks lasted three hours. He said the new quay would open in the summer.",
			[]string{"PERSON:Tom Pike | said | tentative"}},
		{"three men named, the subject just before", crowd + "Owen Hale, a builder from Dunmere, grew up by the quay. He said the new quay would open in the summer.",
			[]string{"PERSON:Owen Hale | said | listed"}},
	})
}

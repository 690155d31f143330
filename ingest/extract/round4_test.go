package extract

import "testing"

// TestPrepositionalSources: a source span that is the object of a
// preposition ("the MP for <constituency>", "who won damages from <paper>") or the addressee after
// "told" modifies the real subject; a place, body or outlet there is not
// the speaker, and the claim, naming no one, is tentative.
func TestPrepositionalSources(t *testing.T) {
	runListedCases(t, []listedCase{
		{"a role for a place",
			"The MP for North Dunmere claimed the new law would close half the harbours.",
			[]string{" | claimed | tentative"}},
		{"a subject that named a paper after a determiner",
			"Tom Hale, who last week won damages from the Guardian said the harbour board had lied.",
			[]string{"PERSON:Tom Hale | said | listed"}},
		{"a subject that named a paper in its relative clause",
			"Tom Hale, who last week won damages from the Dunmere Gazette said he would stand for the harbour board.",
			[]string{"PERSON:Tom Hale | said | listed"}},
	})
}

// TestPluralGroupSource: a plural source ("Analysts") stands for more
// than one person, so it is never resolved to the one analyst the article
// named before.
func TestPluralGroupSource(t *testing.T) {
	runListedCases(t, []listedCase{
		{"one analyst named before",
			"Analyst Karl Huber said the harbour was growing fast. Analysts later said the port would report a loss this year.",
			[]string{"PERSON:Karl Huber | said | listed", " | later said | tentative"}},
	})
}

// TestRoleAfterPlace: "said the <ground> boss" is the boss, a role with no
// name, not the ground it premodifies; the role phrase identifies him.
func TestRoleAfterPlace(t *testing.T) {
	runListedCases(t, []listedCase{
		{"a ground's boss",
			`"We were the better side all afternoon," said the Dunmere Park boss.`,
			[]string{" | said | listed"}},
	})
}

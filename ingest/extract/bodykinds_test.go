package extract

import "testing"

// TestBodyKinds checks the article-wide kind cues of bodykinds.go: a
// party's members make a name the tagger reads as an organisation a
// party, and a firm's shares or profits make a name it reads as a person
// a firm, unless the article also uses it as a person's.
func TestBodyKinds(t *testing.T) {
	tests := []kindCase{
		{"a party's MP", "The KDV won four seats. KDV MP Tom Hale said the count was fair. The KDV will meet on Friday.", "GROUP:KDV", "ORGANIZATION:KDV"},
		{"a party's leader", "The KDV won four seats. KDV leader Anna Berg said the count was fair. The KDV will meet on Friday.", "GROUP:KDV", "ORGANIZATION:KDV"},
		{"a party's activists", "Police questioned two KDV activists on Monday. The KDV denied any wrongdoing.", "GROUP:KDV", "ORGANIZATION:KDV"},
		{"a union's leader stays a body", "The Harbour Workers Union (HWU) will strike on Monday. HWU leader Tom Hale said talks had failed.", "ORGANIZATION:Harbour Workers Union", "GROUP:Harbour Workers Union"},
		{"a title is not a party's leader", "On Monday the envoy met Supreme Leader Tom Hale.", "", "GROUP:Supreme"},
		{"a title is not a party's leader 2", "The Velmar Supreme Leader Tom Hale met the envoy.", "", "GROUP:Velmar Supreme"},
		{"a known party's short name", "Tory MP Tom Hale said the plan was wrong.", "GROUP:Conservative Party", ""},
		{"a firm's profits", "Hallworth's profits rose 9%. Hallworth said sales were up.", "ORGANIZATION:Hallworth", "PERSON:Hallworth"},
		{"a firm's site", "Users could not reach the Brantwell site for a day. Brantwell said the fault was fixed.", "ORGANIZATION:Brantwell", "PERSON:Brantwell"},
		{"a charity", "The charity Brantwell said 40 families had no heating. Brantwell wants more help.", "ORGANIZATION:Brantwell", "PERSON:Brantwell"},
		{"a person's site", "Tom Hale ran a music site as a student. Hale's site was shut in May.", "PERSON:Tom Hale", "ORGANIZATION:Tom Hale"},
		{"a singer's manager", "The former manager of Dora Vell has died. He managed Vell's career for ten years.", "PERSON:Dora Vell", "ORGANIZATION:Dora Vell"},
		{"a role keeps the kind", "Analyst Brantwell said he would sell. Brantwell shares fell 3% on Monday.", "PERSON:Brantwell", "ORGANIZATION:Brantwell"},
		{"a research firm named Group", "Sales will slow, said Ann Lee, an analyst with the Harwick Group. The Harwick Group expects a rebound.", "ORGANIZATION:Harwick Group", "GROUP:Harwick Group"},
		{"a firm's noun before a Group", "A survey by research firm the Harwick Group found that most users were happy. The Harwick Group asked 900 people.", "ORGANIZATION:Harwick Group", "GROUP:Harwick Group"},
		{"a rebel group stays a group", "Fighters of the Harwick Group seized the town. The Harwick Group said it would hold it.", "GROUP:Harwick Group", "ORGANIZATION:Harwick Group"},
		{"a titled person keeps the kind", "Mr Brantwell said he would sell. Brantwell shares fell 3% on Monday.", "PERSON:Mr Brantwell", "ORGANIZATION:Mr Brantwell"},
	}
	runKindCases(t, tests)
}

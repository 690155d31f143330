package extract

import "testing"

// TestFirmCues checks the article-wide cues of firmcues.go: a one-word
// name the tagger reads as a person is a firm where the article uses it
// as one (it speaks of itself as "it" or "its", has a chief executive, a
// legal suffix, results or a plural verb), and stays a person where the
// article also uses it as a person's (a title, a given name, "he" or
// "she", "who"), or where "it" is no agent ("it was a great day").
func TestFirmCues(t *testing.T) {
	tests := []kindCase{
		{"it speaks of its own sales", "Kestrel said its sales of phones rose by 4% last year.", "ORGANIZATION:Kestrel", "PERSON:Kestrel"},
		{"it will cut prices", "Vexmoor has said it will cut prices in May.", "ORGANIZATION:Vexmoor", "PERSON:Vexmoor"},
		{"it told reporters it had no plans", "Brantley told reporters it had no plans to close the plant.", "ORGANIZATION:Brantley", "PERSON:Brantley"},
		{"it expects", "Ostrava said it expects demand to rise.", "ORGANIZATION:Ostrava", "PERSON:Ostrava"},
		{"it was considering", "Harven said that it was considering a bid for the chain.", "ORGANIZATION:Harven", "PERSON:Harven"},
		{"its chief executive", "Quorvel's chief executive said the year had been hard.", "ORGANIZATION:Quorvel", "PERSON:Quorvel"},
		{"a firm in apposition", "Dorringer, the software firm, said the bug was fixed.", "ORGANIZATION:Dorringer", "PERSON:Dorringer"},
		{"a firm in indefinite apposition", "Wexford, a cable firm, said it was in talks.", "ORGANIZATION:Wexford", "PERSON:Wexford"},
		{"it reported profits", "Marlowe reported a 5% rise in annual profits on Tuesday.", "ORGANIZATION:Marlowe", "PERSON:Marlowe"},
		{"a plural verb", "Hollins are expected to sign a new striker this week.", "ORGANIZATION:Hollins", "PERSON:Hollins"},
		{"its own product in its clause", "Pellham will enter the market next year with its new phone.", "ORGANIZATION:Pellham", "PERSON:Pellham"},
		{"the company takes it up", "Crandell said demand was weak. The company will cut 200 jobs.", "ORGANIZATION:Crandell", "PERSON:Crandell"},
		{"a consultancy", "Growth will slow next year, consultancy Merrick said.", "ORGANIZATION:Merrick", "PERSON:Merrick"},
		{"a property website", "Sales fell last year, property website Hensby said.", "ORGANIZATION:Hensby", "PERSON:Hensby"},
		{"its engineers", "Vantrell said the chip would ship in May. Engineers at Vantrell built it in a year.", "ORGANIZATION:Vantrell", "PERSON:Vantrell"},
		{"its own people", "Sales rose, said Wendale's Peter Moss.", "ORGANIZATION:Wendale", "PERSON:Wendale"},
		{"a legal suffix elsewhere", "Talvane said the deal was done. Talvane Inc makes printers for offices.", "", "PERSON:Talvane"},
		{"it hoped", "Dunmore said it hoped to sign new acts. Dunmore runs a small label.", "ORGANIZATION:Dunmore", "PERSON:Dunmore"},

		{"it is no agent", "Hale said it was a great day for the town.", "PERSON:Hale", "ORGANIZATION:Hale"},
		{"it is passive", "Hale said it was expected to rain.", "PERSON:Hale", "ORGANIZATION:Hale"},
		{"it would be", "Blair said it would be wrong to act now.", "PERSON:Blair", "ORGANIZATION:Blair"},
		{"one name who says he", "Zidarov said its fans were the best in Europe. Zidarov said he would stay.", "PERSON:Zidarov", "ORGANIZATION:Zidarov"},
		{"she in the next sentence", "Renwick said it hoped the talks would resume. She added that the club was calm.", "PERSON:Renwick", "ORGANIZATION:Renwick"},
		{"she said of the name", "Varga said it would cut prices. Varga said she would not stay.", "PERSON:Varga", "ORGANIZATION:Varga"},
		{"who after the name", "Kellan said it hoped to sign new acts. Kellan, who founded the label, lives in Leeds.", "PERSON:Kellan", "ORGANIZATION:Kellan"},
		{"a title", "Mr Hale said it would cut prices.", "PERSON:Mr Hale", "ORGANIZATION:Mr Hale"},
		{"a given name before it", "Tom Hale runs a bakery. Hale said it would cut prices.", "PERSON:Tom Hale", "ORGANIZATION:Tom Hale"},
		{"a list's plural verb", "Hale and Berg are expected to speak on Monday.", "PERSON:Hale", "ORGANIZATION:Hale"},
	}
	runKindCases(t, tests)
}

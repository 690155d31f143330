package extract

import (
	"maps"
	"slices"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
)

// TestRelationNeighbours checks the words around a relation match that undo
// it, and that the same patterns still hold where nothing undoes them.
func TestRelationNeighbours(t *testing.T) {
	tests := []struct {
		name string
		text string
		rel  string // a relationship that must (want) or must not be found
		want bool
	}{
		{"a country modifying the firm led", "Ann Lee, chief executive of US firm Harlow Media, resigned.", "LEADER_OF PERSON:Ann Lee -> PLACE:United States", false},
		{"a firm's venue", "Ann Lee, director of the Harlow Media venue, resigned.", "LEADER_OF PERSON:Ann Lee -> ORGANIZATION:Harlow Media", false},
		{"a product after a firm's possessive", "Harlow Media's Vexa 3 went on sale on Monday.", "MEMBER_OF PERSON:Vexa 3 -> ORGANIZATION:Harlow Media", false},
		{"a person after a firm's possessive", "Harlow Media's Anne Berg said sales rose.", "MEMBER_OF PERSON:Anne Berg -> ORGANIZATION:Harlow Media", true},
		{"a player's contract is no alliance", "Tom Hale signed a new deal with Harlow Media on Monday.", "ALLIED_WITH PERSON:Tom Hale -> ORGANIZATION:Harlow Media", false},
		{"a person of a place is no located organisation", "Tom Hale of Houston, a retired teacher, said he would vote.", "LOCATED_IN PERSON:Tom Hale -> PLACE:Houston", false},
		{"a place modifying the group led", "Anne Hansen, leader of Devon county Labour group, spoke.", "LEADER_OF PERSON:Anne Hansen -> PLACE:Devon", false},
		{"a rival's club as modifier", "Tom Hale's rivalry with Arsenal goalkeeper Ola Berg was no help.", "RIVAL_OF ORGANIZATION:Arsenal -> PERSON:Tom Hale", false},
		{"a competition is no rival", "Chelsea face a Champions League clash with Barcelona on Tuesday.", "RIVAL_OF GROUP:Champions League -> ORGANIZATION:Barcelona", false},
		{"an association's director", "Kestrel Traders Association director Tom Hale said sales rose.", "MEMBER_OF PERSON:Tom Hale -> ORGANIZATION:Kestrel Traders Association", true},
		{"a list of towns in regions", "It opened offices in Leeds in England, Cardiff in Wales and Perth in Scotland.", "LOCATED_IN PLACE:England -> PLACE:Cardiff", false},
		{"a desk named by a country", "Anne Hansen, head of UK equities at the fund, said shares fell.", "LEADER_OF PERSON:Anne Hansen -> PLACE:United Kingdom", false},
		{"a country's part of a firm", "Harlow Media has moved its UK chief executive Tom Hale to Tokyo.", "LEADER_OF PERSON:Tom Hale -> PLACE:United Kingdom", false},
		{"a country's television", "The late US TV presenter Tom Hale was remembered on Sunday.", "HOSTED PERSON:Tom Hale -> OUTLET:US TV", false},
		{"a desk's adjective is no part of the outlet", "But Kestrel Radio Political Editor Ann Lee said the plan would fail.", "MEMBER_OF PERSON:Ann Lee -> OUTLET:Kestrel Radio Political", false},
		{"a body cut before its field", "Tom Hale, an official from the Leeds Municipal Commission for Trade and Reform, said.", "MEMBER_OF PERSON:Tom Hale -> ORGANIZATION:Leeds Municipal Commission", false},
		{"a firm cut before its legal form", "India's Kestrel Paper and Pulp Co. has put off its bond issue until the spring.", "LOCATED_IN ORGANIZATION:Kestrel Paper -> PLACE:India", false},
		{"a post at one employer", "\"Growth is weak,\" said Tom Hale, chief economist at Kestrel and Vexa Research in Boston.", "MEMBER_OF PERSON:Tom Hale -> ORGANIZATION:Kestrel", false},
		{"a body heads no unit of another body", "Kestrel Holdings, head of Vexa Bank's lending arm, said rates would rise.", "MEMBER_OF ORGANIZATION:Kestrel Holdings -> ORGANIZATION:Vexa Bank", false},
		{"a named unit after a possessive is not the body's", "Ada Holm, director of Dorvale's old Marlow Playhouse, retired in May.", "MEMBER_OF PERSON:Ada Holm -> ORGANIZATION:Dorvale", false},
		{"a post at a whole employer", "\"Growth is weak,\" said Tom Hale, chief economist at Kestrel Bank in Boston.", "MEMBER_OF PERSON:Tom Hale -> ORGANIZATION:Kestrel Bank", true},
		{"a post at one employer the tagger splits", "\"Growth is weak,\" said Tom Hale, chief economist at Vexa and Kestrel Economics in New York.", "MEMBER_OF PERSON:Tom Hale -> ORGANIZATION:Vexa", false},
		{"a list of two bodies", "Banks, the UK's Foreign Office and Kestrel Vexa National Laboratories in the US have banned the phones.", "LOCATED_IN ORGANIZATION:Foreign Office -> PLACE:United Kingdom", true},
		{"a country's own state name", "Officials said Iran's Islamic Republic would not bow to pressure from abroad.", "LOCATED_IN PLACE:Islamic Republic -> PLACE:Iran", false},
		{"leader of the whole", "Sara Lind, director of the Bank of Norway, spoke.", "LEADER_OF PERSON:Sara Lind -> ORGANIZATION:Bank of Norway", true},
		{"leader of a sub-unit", "Sara Lind, director of the Bank of Norway's Research Department, spoke.", "LEADER_OF PERSON:Sara Lind -> ORGANIZATION:Bank of Norway", false},
		{"assistant director", "Sara Lind, assistant director of the Bank of Norway, spoke.", "LEADER_OF PERSON:Sara Lind -> ORGANIZATION:Bank of Norway", false},
		{"verbal attack", "Tom Hale attacked the Labour plans.", "ATTACKED PERSON:Tom Hale -> GROUP:Labour Party", false},
		{"rivals of each other", "Talks between rivals Hamas and Fatah stalled.", "RIVAL_OF GROUP:Fatah -> GROUP:Hamas", true},
		{"rivals of a third party", "He said league rivals Hamas and Fatah could gain.", "RIVAL_OF GROUP:Fatah -> GROUP:Hamas", false},
		{"a headline's comma is a list", "Norway, Chile in fishing accord\n\nThe two governments agreed on quotas for the next decade.", "LOCATED_IN PLACE:Norway -> PLACE:Chile", false},
		{"a town and its state in prose", "Officials in Dayton, Ohio, said the plant would close.", "LOCATED_IN PLACE:Dayton -> PLACE:Ohio", true},
		{"a comparison is no location", "The team was hailed by critics as Portugal's Kestrel Rovers.", "LOCATED_IN ORGANIZATION:Kestrel Rovers -> PLACE:Portugal", false},
		{"such as lists real members", "Carmakers such as France's Teldane warned of lower profits.", "LOCATED_IN ORGANIZATION:Teldane -> PLACE:France", true},
		{"as a conjunction", "The deal waits as France's Teldane studies the offer.", "LOCATED_IN ORGANIZATION:Teldane -> PLACE:France", true},
		{"a role in one line of the firm", "\"Prices will fall,\" said Ann Lee, Harlow Media's managing director, consumer and online services.", "LEADER_OF PERSON:Ann Lee -> ORGANIZATION:Harlow Media", false},
		{"a role of the whole firm", "\"Prices will fall,\" said Ann Lee, Harlow Media's managing director, on Monday.", "LEADER_OF PERSON:Ann Lee -> ORGANIZATION:Harlow Media", true},
		{"possessive of a known place", "France's Teldane warned of lower profits.", "LOCATED_IN ORGANIZATION:Teldane -> PLACE:France", true},
		{"possessive modifying a noun", "France's Teldane studio warned of lower profits.", "LOCATED_IN ORGANIZATION:Teldane -> PLACE:France", false},
		{"possessive before people", "He was one of Norway's Teldane commissioners.", "LOCATED_IN ORGANIZATION:Teldane -> PLACE:Norway", false},
		{"leader of a part in a place", "Mike Hale, leader of the Labour Party in the assembly, spoke.", "LEADER_OF PERSON:Mike Hale -> GROUP:Labour Party", false},
		{"list of places", "Exports to Norway, Sweden and Finland rose.", "LOCATED_IN PLACE:Norway -> PLACE:Sweden", false},
		{"place then a clause", "In talks with Norway, Sweden said the deal was close.", "LOCATED_IN PLACE:Norway -> PLACE:Sweden", false},
		{"place then an apposition", "He made one for a party in Norway, Kestrel, a puzzle game.", "LOCATED_IN PLACE:Norway -> PLACE:Kestrel", false},
		{"town, region on a day", "The plant in Tromso, Norway, on Monday closed.", "LOCATED_IN PLACE:Tromso -> PLACE:Norway", true},
		{"hometown", "Tom Hale, of Tromso, said he would vote.", "MEMBER_OF PERSON:Tom Hale -> ORGANIZATION:Tromso", false},
		{"head of a desk at a firm", "Anne Hansen, head of equities at Kestrel Bank, said shares fell.", "LEADER_OF PERSON:Anne Hansen -> ORGANIZATION:Kestrel Bank", false},
		{"member for a seat", "Anne Hansen, the independent member for the Kestrel Valley, said she would vote.", "MEMBER_OF PERSON:Anne Hansen -> ORGANIZATION:Kestrel Valley", false},
		{"plural possessive after the target", "Anne Hansen, now a member of the Athletes' Commission, spoke.", "MEMBER_OF PERSON:Anne Hansen -> ORGANIZATION:Athletes", false},
		{"a team where it plays", "Norway will host Sweden in Oslo on Saturday.", "LOCATED_IN PLACE:Sweden -> PLACE:Oslo", false},
		{"an office is no person", "The Information Commissioner's Office said it would act.", "MEMBER_OF PERSON:Office -> ORGANIZATION:Information Commissioner", false},
		{"song title", "Shops sold the single Do They Know It's Christmas in New York.", "MEMBER_OF PERSON:Christmas -> ORGANIZATION:Do They Know It", false},
		{"product in a place", "Sony will launch the Vexa in Europe in March.", "LOCATED_IN ORGANIZATION:Vexa -> PLACE:Europe", false},
		{"seat in a place", "He spoke at the Royal Garden Hotel in Oslo on Monday.", "LOCATED_IN PLACE:Royal Garden Hotel -> PLACE:Oslo", true},
		{"an agent before the article", "Two men held by the US in Cuba were freed.", "LOCATED_IN PLACE:United States -> PLACE:Cuba", false},
		{"a name that goes on after and", "Tom Hale, director of research at Kestrel Bank and Trust, said rates would rise.", "MEMBER_OF PERSON:Tom Hale -> ORGANIZATION:Kestrel Bank", false},
		{"criticism with its reason", "Tom Hale attacked Anne Berg for failing to act.", "ATTACKED PERSON:Tom Hale -> PERSON:Anne Berg", false},
		{"an attack without a reason", "Tom Hale attacked Anne Berg in the street.", "ATTACKED PERSON:Tom Hale -> PERSON:Anne Berg", true},
		{"a portfolio read into a party", "Kestrel Party Home Affairs spokesman Tom Hale said no.", "MEMBER_OF PERSON:Tom Hale -> ORGANIZATION:Kestrel Party Home Affairs", false},
		{"a title first in the sentence", "Commission for Racial Fairness chairman Tom Hale said no.", "LEADER_OF PERSON:Tom Hale -> ORGANIZATION:Racial Fairness", false},
		{"a visit before the article", "He will visit the Royal Garden Hotel in Oslo on Monday.", "LOCATED_IN PLACE:Royal Garden Hotel -> PLACE:Oslo", true},
		{"a title and a peer", "The Lord Chancellor, Lord Hale, agreed on Monday.", "LOCATED_IN PLACE:Lord Chancellor -> PLACE:Lord Hale", false},
		{"a team led to victory", "Tom Hale led Norway to victory over Sweden.", "LEADER_OF PERSON:Tom Hale -> PLACE:Norway", false},
		{"a role read into a name", "Kestrel Council Chief Executive Anne Hansen resigned.", "LEADER_OF PERSON:Executive Anne Hansen -> ORGANIZATION:Kestrel Council", false},
		{"a name run into the next sentence", "Kestrel Bank analyst Anne Hansen The dispute goes on.", "MEMBER_OF PERSON:Anne Hansen The -> ORGANIZATION:Kestrel Bank", false},
		{"two phrases joined by and", "Kestrel Bank analyst Anne Hansen and Labour leader Tom Hale spoke.", "MEMBER_OF PERSON:Anne Hansen -> ORGANIZATION:Kestrel Bank", true},
		{"a title with no name", "Tom Hale, Vice President of the Kestrel Bank, said rates would rise.", "MEMBER_OF PERSON:Vice President -> ORGANIZATION:Kestrel Bank", false},
		{"a team after a noun in apposition", "Norway meet outsiders the Faroe Islands in Oslo on Monday.", "LOCATED_IN PLACE:Faroe Islands -> PLACE:Oslo", false},
		{"a channel's programme technology", "The phone works with Pellnor's new Vexa Radio technology.", "PART_OF OUTLET:Vexa Radio -> ORGANIZATION:Pellnor", false},
		{"an armed group's acronym in business news", "MPC chairman Tom Hale said phone sales rose.", "LEADER_OF PERSON:Tom Hale -> GROUP:MPC", false},
		{"an armed group's acronym among its fighting", "MPC chairman Tom Hale said the rebels would fight on.", "LEADER_OF PERSON:Tom Hale -> GROUP:MPC", true},
		{"a field of government before a title", "The plan was backed by Defence Secretary Tom Hale on Monday.", "MEMBER_OF PERSON:Tom Hale -> ORGANIZATION:Defence", false},
		{"an abbreviated title", "Kestrel helped Norway's PM, Tom Hale, win.", "LOCATED_IN ORGANIZATION:PM -> PLACE:Norway", false},
		{"a body inside the speaker's apposition", "Tom Hale, head of Pellnor told the BBC the deal was done.", "APPEARED_ON PERSON:Pellnor -> OUTLET:BBC", false},
		{"a title's premodifier", "They met the Supreme Leader Ali Rahman on Monday.", "LEADER_OF PERSON:Ali Rahman -> ORGANIZATION:Supreme", false},
		{"a country's army regiments", "The future of Wales's Army regiments is due to be decided.", "LOCATED_IN ORGANIZATION:Army -> PLACE:Wales", false},
		{"a country's ministry", "The contract was awarded by Norway's Fishing Ministry on Monday.", "LOCATED_IN ORGANIZATION:Fishing Ministry -> PLACE:Norway", true},
		{"a film's star", "Golden Pony Stable's Mary Lowe is tipped to win for the boxing drama Golden Pony Stable.", "MEMBER_OF PERSON:Mary Lowe -> ORGANIZATION:Golden Pony Stable", false},
		{"a firm's employee", "Golden Pony Stable's Mary Lowe said the horses were sold.", "MEMBER_OF PERSON:Mary Lowe -> ORGANIZATION:Golden Pony Stable", true},
		{"a party's brief", "Lib Dem Treasury spokesman Tom Hale said it was fantasy.", "MEMBER_OF PERSON:Tom Hale -> ORGANIZATION:Lib Dem Treasury", false},
		{"a state's treasury", "US Treasury spokesman Tom Hale said it was fantasy.", "MEMBER_OF PERSON:Tom Hale -> ORGANIZATION:US Treasury", true},
		{"a generic name after a saint's possessive", "A spokeswoman for the St Olaf's Shopping Centre in Leeds said it was busy, as shopping rose.", "LOCATED_IN PLACE:Shopping Centre -> PLACE:Leeds", false},
		{"a clause after the firm led", "Mary Lowe, who runs Harlow Media, said sales rose.", "LEADER_OF PERSON:Mary Lowe -> ORGANIZATION:Harlow Media", true},
		{"a killer named by the town", "The review followed failures over Leeds murderer Tom Hale.", "ATTACKED PERSON:Tom Hale -> PLACE:Leeds", false},
		{"a club's striker", "Arsenal striker Tom Hale scored twice.", "MEMBER_OF PERSON:Tom Hale -> ORGANIZATION:Arsenal", true},
		{"a letter cut from a club's name", "R's manager Tom Hale said the loan was a risk.", "MEMBER_OF PERSON:Tom Hale -> ORGANIZATION:R", false},
		{"the speaker told", "Tom Hale told the BBC the deal was done.", "APPEARED_ON PERSON:Tom Hale -> OUTLET:BBC", true},
		{"the speaker in a relative clause", "It was a first for Anne Berg, 49, who told the BBC she was glad.", "APPEARED_ON PERSON:Anne Berg -> OUTLET:BBC", true},
		{"a side of a match in a city", "Tickets sold out for Sweden's friendly match with Norway in Oslo next week.", "LOCATED_IN PLACE:Norway -> PLACE:Oslo", false},
		{"a list of towns in countries with an article", "The posts include Denver in the US, Milan in Italy and Seville in Spain, with six more planned.", "LOCATED_IN PLACE:United States -> PLACE:Milan", false},
		{"a side of talks in a city", "The minister will hold talks with Norway in Oslo on fishing quotas.", "LOCATED_IN PLACE:Norway -> PLACE:Oslo", false},
		{"a town in a country after with", "She grew up with cousins in Bergen in Norway.", "LOCATED_IN PLACE:Bergen -> PLACE:Norway", true},
		{"a firm's branch someone ran", "He made the loans while running Kestrel Bank in Oslo, the court heard.", "LOCATED_IN ORGANIZATION:Kestrel Bank -> PLACE:Oslo", false},
		{"a one-seat body someone ran", "He worked at the Royal Garden Hotel in Oslo for years.", "LOCATED_IN PLACE:Royal Garden Hotel -> PLACE:Oslo", true},
		{"a firm in a city with no one working there", "Kestrel Bank in Oslo reported higher profits on Monday.", "LOCATED_IN ORGANIZATION:Kestrel Bank -> PLACE:Oslo", true},
		{"a name cut at and", "Tom Hale, director of the Oslo Roads and Transport Department, said the rule was old.", "LEADER_OF PERSON:Tom Hale -> ORGANIZATION:Oslo Roads", false},
		{"a name cut at a comma", "Anne Berg, lecturer at the Institute for Soil, Water and Crop Science at Harlow University, spoke.", "MEMBER_OF PERSON:Anne Berg -> ORGANIZATION:Institute for Soil", false},
		{"two bodies joined by and", "Tom Hale, director of the Kestrel Bank and Vexa Group, spoke.", "LEADER_OF PERSON:Tom Hale -> ORGANIZATION:Kestrel Bank", true},
		{"a firm's new name at a sentence end", "The group changed its name to Vexa Inc. Former Kestrel chief executive Tom Hale is to face trial.", "LEADER_OF PERSON:Tom Hale -> ORGANIZATION:Vexa Inc. Former Kestrel", false},
		{"a product in a list of firms' products", "The success of products such as Kestrel's Vexa, Pellnor's Z-Disc and Tarvo's Game Orb have boosted demand for toys.", "MEMBER_OF PERSON:Game Orb -> ORGANIZATION:Tarvo", false},
		{"a product the article numbers", "Pellnor's Web Ranger has a new rival in the Vexa browser.\n\nThe decision to make Web Ranger 7 was seen as a U-turn.", "MEMBER_OF PERSON:Web Ranger -> ORGANIZATION:Pellnor", false},
		{"people in a list of possessives", "Fans cheered Leeds's Tom Hale, Kestrel's Anne Berg and Tarvo's Ola Lind.", "MEMBER_OF PERSON:Ola Lind -> ORGANIZATION:Tarvo", true},
		{"a country in a city", "Their defeats include France in Paris in March.", "LOCATED_IN PLACE:France -> PLACE:Paris", false},
		{"a city in a country", "The firm has a plant in Lyon in France.", "LOCATED_IN PLACE:Lyon -> PLACE:France", true},
		{"a party in a region of countries", "He accused the party of a pact with the Kestrel Party in Europe.", "LOCATED_IN GROUP:Kestrel Party -> PLACE:Europe", false},
		{"a party in a country", "The Kestrel Party in Norway won the vote.", "LOCATED_IN GROUP:Kestrel Party -> PLACE:Norway", true},
		{"a plural possessive inside a name", "The Kestrel Workers' Union leader Tom Hale said no.", "LEADER_OF PERSON:Tom Hale -> ORGANIZATION:Kestrel Workers' Union", true},
		{"a firm's office after a role and its field", "\"Rates will rise,\" said Anne Berg, senior economist for energy at Kestrel Securities in Oslo.", "LOCATED_IN ORGANIZATION:Kestrel Securities -> PLACE:Oslo", false},
		{"a firm's office after a person's name", "\"Rates will rise,\" said Tom Hale of Kestrel Securities in Oslo.", "LOCATED_IN ORGANIZATION:Kestrel Securities -> PLACE:Oslo", false},
		{"a firm in a city after a deal", "He struck a deal with Kestrel Securities in Oslo last year.", "LOCATED_IN ORGANIZATION:Kestrel Securities -> PLACE:Oslo", true},
		{"a header that put a side ahead", "Tom Hale headed Kestrel United into the lead before the break.", "LEADER_OF PERSON:Tom Hale -> ORGANIZATION:Kestrel United", false},
		{"a firm someone heads", "Anne Berg heads Kestrel Securities.", "LEADER_OF PERSON:Anne Berg -> ORGANIZATION:Kestrel Securities", true},
		{"a body before a list of places", "Anne Berg, lecturer at the Institute of Physics, spoke in Oslo and Bergen.", "MEMBER_OF PERSON:Anne Berg -> ORGANIZATION:Institute of Physics", true},
		{"a headline's side of talks", "Kestrel Motors in France link talks", "LOCATED_IN ORGANIZATION:Kestrel Motors -> PLACE:France", false},
		{"a firm in a country", "Kestrel Motors in France cut jobs.", "LOCATED_IN ORGANIZATION:Kestrel Motors -> PLACE:France", true},
		{"a likeness named by dubbed", "The Kestrel jail has been dubbed Britain's Alcatraz by critics.", "LOCATED_IN ORGANIZATION:Alcatraz -> PLACE:United Kingdom", false},
		{"a likeness named by likened to", "The Kestrel jail has been likened to Britain's Alcatraz by critics.", "LOCATED_IN ORGANIZATION:Alcatraz -> PLACE:United Kingdom", false},
		{"a possessive place with no likeness", "Britain's Alcatraz is a jail.", "LOCATED_IN ORGANIZATION:Alcatraz -> PLACE:United Kingdom", true},
		{"a lone event head", "Kestrel and Vexa will show new phones at the annual mobile Expo in Oslo in May.", "LOCATED_IN PLACE:Expo -> PLACE:Oslo", false},
		{"a country's leader in apposition", "Norway's president, Tom Hale, said sales rose.", "LEADER_OF PERSON:Tom Hale -> PLACE:Norway", true},
		{"a subject after a title", "In a letter to Kestrel Bank's chief, Hale wrote that sales rose.", "LEADER_OF PERSON:Hale -> ORGANIZATION:Kestrel Bank", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ex, names := extractText(t, tt.text)
			got := relationStrings(ex, names)
			if slices.Contains(got, tt.rel) != tt.want {
				t.Errorf("relationships %q: %q found = %v, want %v", got, tt.rel, !tt.want, tt.want)
			}
		})
	}
}

// TestContextKinds checks that a name the tagger reads as a place is an
// organisation after a country's possessive or a business role.
func TestContextKinds(t *testing.T) {
	tests := []struct {
		name, text, entity string
	}{
		{"country possessive", "France's Ubisoft warned of lower profits.", "ORGANIZATION:Ubisoft"},
		{"chief executive of", "Jon Berg, chief executive of Pellnor, said the firm would grow.", "ORGANIZATION:Pellnor"},
		{"place head word stays", "Police closed Madrid's Gran Via on Monday.", "PLACE:Madrid"},
		{"an editor's publication", "Tom Hale, film editor of the Harlow Media Review, praised the film.", "OUTLET:Harlow Media Review"},
		{"an editor's one-word publication", "\"He has a chance,\" said Tom Hale, film editor of Kestrel. The film opens next week.", "OUTLET:Kestrel"},
		{"an analyst's firm", "Jon Berg, an analyst at Pellnor, said shares would fall.", "ORGANIZATION:Pellnor"},
		{"a firm named in apposition", "Shares in broker Pellnor fell on Monday.", "ORGANIZATION:Pellnor"},
		{"a newspaper named in apposition", "The claims were printed by the newspaper Harlow Media Review on Monday.", "OUTLET:Harlow Media Review"},
		{"a channel after its name", "The film was shown on the Pellnor channel on Monday.", "OUTLET:Pellnor"},
		{"a channel owning a programme", "Tom Hale told Pellnor Two's Night Desk programme he would stay.", "OUTLET:Pellnor Two"},
		{"a broadcaster's numbered channel", "The minister told NBC Four's Night Desk on Sunday that she would stay.", "OUTLET:NBC Four"},
		{"a square is a place", "Crowds gathered in London's Kestrel Square on Monday.", "PLACE:Kestrel Square"},
		{"an airport after a possessive", "The jet landed at London's Harrowby airport on Monday.", "PLACE:Harrowby"},
		{"a port after a possessive", "The ship sailed from Colombia's Kestrelmar port on Friday.", "PLACE:Kestrelmar"},
		{"a stake in a firm", "Pellnor sold its plant. Investors bought a stake in Pellnor on Monday. Pellnor will close.", "ORGANIZATION:Pellnor"},
		{"a firm's noun before a mention typed a body", "Jon Berg, president of Tolvane, said the phone was a step. The software firm Tolvane will sell it in June. Tolvane hopes to grow.", "ORGANIZATION:Tolvane"},
		{"a radio station named by its band", "Kestrel FM in Leeds hired Tom Hale as a presenter on Monday.", "OUTLET:Kestrel FM"},
		{"a president of a name no gazetteer knows", "Tom Hale, president of Tolvane, said sales fell.", "ORGANIZATION:Tolvane"},
		{"a head of a name no gazetteer knows", "Ann Lee, head of Tolvane, which sells garden tools, said prices would rise.", "ORGANIZATION:Tolvane"},
		{"a president of a known country", "Tom Hale, president of Norway, said it was bad for trade.", "PLACE:Norway"},
		{"an economist's firm named Group", "\"Prices rose,\" said Tom Hale, deputy chief economist at Kestrel Financial Group.", "ORGANIZATION:Kestrel Financial Group"},
		{"a Group's president before his name", "The move follows a decision by the brother of Vexa Group president Anne Berg to resign.", "ORGANIZATION:Vexa Group"},
		{"a group with a spokesman stays a group", "A spokesman for the Crescent Martyrs Group said the attack was theirs.", "GROUP:Crescent Martyrs Group"},
		{"the object of who heads", "Mary Lowe, who heads Harlow Media, said sales rose.", "ORGANIZATION:Harlow Media"},
		{"a numbered channel in one word", "The minister told NBC4's Night Desk on Sunday that she would stay.", "OUTLET:NBC4"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, names := extractText(t, tt.text)
			got := slices.Collect(maps.Values(names))
			if !slices.Contains(got, tt.entity) {
				t.Errorf("entities %q lack %q", got, tt.entity)
			}
		})
	}
}

// TestNameShapes checks the word shapes that tell a person's full name
// and an organisation's name from products and titles.
func TestNameShapes(t *testing.T) {
	tests := []struct {
		name        string
		person, org bool
	}{
		{"Anne Hansen", true, false},
		{"Ola de Berg", true, false}, // a particle in lower case
		{"Vexa robots", false, false},
		{"Vexa 3", false, false},
		{"Vexa", false, false},
		{"Kestrel Cranes Inc.", true, true},
		{"University of Tromso", true, true}, // the shape of a name; the kind is checked apart
		{"Court of Appeals", true, true},
		{"Silent Harbour", true, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := fullPersonName(tt.name); got != tt.person {
				t.Errorf("fullPersonName(%q) = %v, want %v", tt.name, got, tt.person)
			}
			if got := orgName(tt.name); got != tt.org {
				t.Errorf("orgName(%q) = %v, want %v", tt.name, got, tt.org)
			}
		})
	}
}

// TestNameShaped checks which entity names may be relationship endpoints.
func TestNameShaped(t *testing.T) {
	tests := []struct {
		name string
		want bool
	}{
		{"Bank of the North", true},
		{"al-Shabaab", true},
		{"eBay", true},
		{"Ola de Berg", true},
		{"Supper with Kestrel", true},
		{"The Scot was Harlow", false},
		{"Jos&", false},
		{"1971", false},
		{"Vexa robots", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := nameShaped(tt.name); got != tt.want {
				t.Errorf("nameShaped(%q) = %v, want %v", tt.name, got, tt.want)
			}
		})
	}
}

// TestCommonFirstWord checks that a name whose first word the article
// writes in lower case is read as a thing's name, not a person's.
func TestCommonFirstWord(t *testing.T) {
	d := newDoc(nil, &graph.Article{ID: "a", Text: "The game sold well. Kestrel's Game Box and Anne Berg's book did not."})
	for name, want := range map[string]bool{"Game Box": true, "Anne Berg": false, "Kestrel": false} {
		if got := d.commonFirstWord(name); got != want {
			t.Errorf("commonFirstWord(%q) = %v, want %v", name, got, want)
		}
	}
}

// TestLoneEventHead checks that one word heading events' names, cut from
// its event by the tagger, is told from a name that holds more.
func TestLoneEventHead(t *testing.T) {
	tests := []struct {
		name, in string
		want     bool
	}{
		{"an expo alone", "Expo", true},
		{"a fair alone in capitals", "FAIR", true},
		{"a whole event's name", "Kestrel Games Expo", false},
		{"a firm", "Kestrel", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := loneEventHead(tt.in); got != tt.want {
				t.Errorf("loneEventHead(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

package extract

import (
	"slices"
	"testing"
)

// TestClaimRepairs checks speakers heading their source phrase, inverted
// attributions, acts that are not speech, and contents cut before a second
// attribution. Each case gives the claim expected for its sentence as
// "speakers | cue | text" (one of its claims), or "" for no claim.
func TestClaimRepairs(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"person heads the phrase", "Harbor City sporting director Lars Eng has denied that the coach quit over money.", "PERSON:Lars Eng | has denied | the coach quit over money"},
		{"coach of a country", `"We will keep going," said Norland coach Piet Vos.`, "PERSON:Piet Vos | said | We will keep going"},
		{"inverted cue", "The deal will close in May, said Mr Hollis.", "PERSON:Mr Hollis | said | The deal will close in May"},
		{"declined to comment", "The firm declined to comment on the report.", ""},
		{"pleaded guilty", "Ana Ruiz pleaded guilty to charges that she stole the files.", ""},
		{"passive expectation", "The Norland winger is expected to be fit for the final.", ""},
		{"content before a second attribution", "Dana Ruiz denied the port would close, insisting that jobs were safe.", "PERSON:Dana Ruiz | denied | the port would close"},
		{"role of an organisation", "The chairman of the Harbor Institute said the index rose in May.", " | said | the index rose in May"},
		{"prefixed role after an organisation", "Voters were split on Monday. The Harbor Party chairman said the vote would be close.", " | said | the vote would be close"},
		{"evidential appear", "Harbor City appear to have won the race for the striker.", ""},
		{"appearing somewhere", "Mayor Dana Ruiz appeared on the balcony at noon.", ""},
		{"act on a thing", "Mayor Dana Ruiz criticised the new budget for the harbour.", ""},
		{"planning", "The Norland board is planning a campaign against the claims.", ""},
		{"refused to", "The Norland winger refused to apologise for the foul.", ""},
		{"defending champion", "Lars Eng will meet Piet Vos, while defending champion Tom Hale faces Ana Ruiz.", ""},
		{"gerund subject", "Adding more memory and a larger disk will raise the price.", ""},
		{"person after a possessive", `"The film will win," said the Observer's Tom Hale.`, "PERSON:Tom Hale | said | The film will win"},
		{"it is the organisation", "Kestrel Bank cut its rates on Monday. It said demand for loans had fallen sharply.", "ORGANIZATION:Kestrel Bank | said | demand for loans had fallen sharply"},
		{"content cut after its subject", "Norland coach Piet Vos says no official offer has been received from the club.", "PERSON:Piet Vos | says | no official offer has been received from the club"},
		{"likely to", "Creditors of Kestrel Bank are likely to see their share fall to 6%.", ""},
		{"ruled out of", "Norland winger Tom Hale has been ruled out of the final with a knee injury.", ""},
		{"they are the organisations that spoke", "Kestrel Bank said profits had risen. They said demand for loans had fallen sharply.", "ORGANIZATION:Kestrel Bank | said | demand for loans had fallen sharply"},
		{"descriptor before an inverted speaker", "Demand is rising fast, said security firm Kestrel, which ran the poll.", "ORGANIZATION:Kestrel | said | Demand is rising fast"},
		{"auxiliary between speaker and cue", "Kestrel Bank has denied to Reuters that it made an offer.", "ORGANIZATION:Kestrel Bank | has denied | it made an offer"},
		{"prepositional addressee", "Kestrel Bank confirmed to the Harbor Post that it had sold the unit.", "ORGANIZATION:Kestrel Bank | confirmed | it had sold the unit"},
		{"person before an organisation's apposition", `Tom Hale, spokesman for the ruling body the Norland Athletics Federation, which banned her, said: "We cannot comment."`, "PERSON:Tom Hale | said | We cannot comment"},
		{"subject of a coordinated cue", "Tom Hale, of the Norland Athletics Federation, was away on Monday but said he would vote.", "PERSON:Tom Hale | said | he would vote"},
		{"goes on the run", "Photographer Tom Hale then goes on the run from agents who burgle his home.", ""},
		{"naming", "One recruit calls himself Heretic.", ""},
		{"decided against", "Ana Ruiz also decided against competing in the Norland Open.", ""},
		{"impersonal passive belief", "Before the final it was widely believed he would pick older players.", ""},
		{"impersonal passive suggestion", "It has been suggested that the council will raise fees.", ""},
		{"passive expectation of a named body", "The regulator is expected to rule on the merger within weeks.", ""},
		{"passive accusation", "Two former directors of Kestrel Bank are accused of hiding losses from investors.", ""},
		{"conference was told", "The Harbor conference was told the ferry would stop in May.", ""},
		{"polled is no speech", "Most of the shops polled for the study have no plans to close.", ""},
		{"pronoun after a sentence opening with a preposition", `Ann Lee won the prize for playing the singer Tom Hale. Of Hale, she said: "He was a giant of the stage."`, "PERSON:Ann Lee | said | He was a giant of the stage"},
		{"pronoun after two coordinated objects", `Tom Hale says his side must stop the duo Piet Vos and Lars Eng. "We have to be sharper at the line-out," he added.`, "PERSON:Tom Hale | added | We have to be sharper at the line-out"},
		{"pronoun after a sentence opening with and", `The film won four prizes. And Tom Hale, who had two nominations, thanked director Piet Vos. "You took a chance on me," he said.`, "PERSON:Tom Hale | said | You took a chance on me"},
		{"pronoun after a possessor in apposition", `Tom Hale praised the plan. Piet Vos's deputy Ann Lee was less keen. "It will cost too much," she said.`, "PERSON:Ann Lee | said | It will cost too much"},
		{"pronoun after a possessor inside a sentence", `Tom Hale was less keen on the plan, given Piet Vos's record. "It will cost too much," he said.`, "PERSON:Tom Hale | said | It will cost too much"},
		{"pronoun after a person named before a quote", `Tom Hale denied that he had misled Piet Vos. Mr Vos "kept the accounts," he told the court.`, "PERSON:Tom Hale | told | Mr Vos kept the accounts"},
		{"pronoun after a colon", `Tom Hale spoke first. Ann Lee added: "The fees will stay," she said.`, "PERSON:Ann Lee | said | The fees will stay"},
		{"pronoun not the person its quote names", `Coach Piet Vos spoke on Friday. Winger Tom Hale is fit again after three months out. "Hale is the best winger we have, but he may tire late on," he said.`, "PERSON:Piet Vos | said | Hale is the best winger we have, but he may tire late on"},
		{"pronoun not the person named in a speaker's content", `Tom Hale ran the club for a decade. Mr Vos said the sale was a mistake and Lars Eng had misled the board. "We were never told the price," he said.`, "PERSON:Mr Vos | said | We were never told the price"},
		{"pronoun after a point of view", `Ann Lee spoke first. For Tom Hale, who built the site, the idea grew out of frustration. "I could never find anything," he said.`, "PERSON:Tom Hale | said | I could never find anything"},
		{"pronoun after a person named in the content", `Tom Hale met the press after the vote. Ann Lee's plans were never party policy, he said.`, "PERSON:Tom Hale | said | Ann Lee's plans were never party policy"},
		{"pronoun after the subject of a reported clause", `Tom Hale had suggested that Piet Vos would meet his target. He also stressed that rates would not rise.`, "PERSON:Tom Hale | also stressed | rates would not rise"},
		{"passive report", "Profits at Kestrel Bank rose but were said to have been hit by rate rises.", ""},
		{"addressee after told", "Mayor Dana Ruiz told the Harbor Post the ferry would stop in May.", "PERSON:Mayor Dana Ruiz | told | the ferry would stop in May"},
		{"named programme after told", "Dana Ruiz told Norland Radio's Morning Show programme she would not resign.", "PERSON:Dana Ruiz | told | she would not resign"},
		{"addressee before that", "Tom Hale told a council committee that the bridge was unsafe.", "PERSON:Tom Hale | told | the bridge was unsafe"},
		{"told to leave", "Tom Hale told the guards to open the gate.", "PERSON:Tom Hale | told | the guards to open the gate"},
		{"negated saying", "Kestrel Bank would not say whether the branch would close.", ""},
		{"not only said", "Kestrel Bank not only said the branch would close but sold it.", "ORGANIZATION:Kestrel Bank | not only said | the branch would close but sold it"},
		{"seemed keen", "Tom Hale seemed keen not to rule out a move to the club.", ""},
		{"hoping to", "Kestrel Bank is hoping to sell the branch by May.", ""},
		{"had seen", "Ana Ruiz had seen her shares fall by half in a week.", ""},
		{"quote running on over an unclosed piece", `The quarter was weak. "Sales slowed," said Tom Hale, economist at Kestrel Bank. "Spending held up, due to the games. "The light is amber." Taxes may rise.`, "PERSON:Tom Hale | said | Sales slowed. Spending held up, due to the games. The light is amber"},
		{"apposition after according to", "Sales, according to Tom Hale, chief economist at Kestrel Bank, will fall this year.", "PERSON:Tom Hale | according to | Sales will fall this year"},
		{"addressee with its article left out", "Tom Hale told The Harbor Post the council's plans were a mistake.", "PERSON:Tom Hale | told | the council's plans were a mistake"},
		{"asked at the start", "Asked whether he would stand again, Tom Hale smiled.", ""},
		{"cue word inside a name", "Tom Hale, spokesman for Norland Says No, said the decision to get personal was wrong.", ""},
		{"spokesman of a body typed person", "A Defra spokesman said the report was welcome.", " | said | the report was welcome"},
		{"speaker after the cue, content after its comma", "Sales are slow. But, said Mr Hale, the new model would sell well in May.", "PERSON:Mr Hale | said | the new model would sell well in May"},
		{"wanting a thing", "Buyers who want a machine they can upgrade will look elsewhere.", ""},
		{"quote completing a clause", `The new bridge is "a waste of public money", said Tom Hale.`, "PERSON:Tom Hale | said | The new bridge is a waste of public money"},
		{"quote after a colon keeps to the quote", `Tom Hale had one view: "The bridge is a waste," he said.`, "PERSON:Tom Hale | said | The bridge is a waste"},
		{"he is the last speaker, not a person named as an object", `Coach Piet Vos said the club was ready. The club sold the striker to Tom Hale on Monday. "We had no choice," he said.`, "PERSON:Piet Vos | said | We had no choice"},
		{"he is the subject named after the last speaker", `Coach Piet Vos said the club was ready. Later Tom Hale arrived at the ground. "We had no choice," he said.`, "PERSON:Tom Hale | said | We had no choice"},
		{"reported speech stops at its sentence", `Coach Piet Vos said the club was ready for the new season. The club sold the striker to Tom Hale on Monday.`, "PERSON:Piet Vos | said | the club was ready for the new season"},
		{"addressee of tell", `Senator Lena Marsh told the transport minister that the ferry would stop in May.`, "PERSON:Lena Marsh | told | the ferry would stop in May"},
		{"which is the body before its comma", `Farm incomes fell in May. Lending slowed at Kestrel Bank, which said on Monday that demand for loans had fallen.`, "ORGANIZATION:Kestrel Bank | said | demand for loans had fallen"},
		{"participle shares the subject", `Kestrel Bank has rejected the charge, saying the loans were made in good faith.`, "ORGANIZATION:Kestrel Bank | saying | the loans were made in good faith"},
		{"participle after an adverb and a person", `Earlier, Mayor Dana Ruiz opened the new bridge, saying it would cut journeys by half.`, "PERSON:Mayor Dana Ruiz | saying | it would cut journeys by half"},
		{"addressee before that after warned", `Tom Hale warned the council committee that the bridge was unsafe.`, "PERSON:Tom Hale | warned | the bridge was unsafe"},
		{"who right after a body", `The ruling was overturned by the Norland Court of Appeal who said the ban had been lawful.`, "ORGANIZATION:Norland Court of Appeal | said | the ban had been lawful"},
		{"second attribution", "Furthermore, 16% said that none of their cards had been replaced, while 30% said only some had.", " | said | none of their cards had been replaced"},
		{"content before the speaker's own comma cue", "Dana Ruiz said the port would stay open, she insisted, and no jobs would go.", "PERSON:Dana Ruiz | said | the port would stay open"},
		{"parenthetical cue inside the content", "Tom Hale has no doubt it is the mayor who, he claims, is rushing the plan through the council.", "PERSON:Tom Hale | has no doubt | it is the mayor who, he claims, is rushing the plan through the council"},
		{"content before a cue after and", "Dana Ruiz said the port would stay open and urged the council to act.", "PERSON:Dana Ruiz | said | the port would stay open"},
		{"reduced passive accusation", "Two Kestrel Bank directors accused of hiding losses from investors resigned on Monday.", ""},
		{"second cue of the same speaker", "Mayor Dana Ruiz said the ferry would stop in May and added that the bridge was unsafe.", "PERSON:Mayor Dana Ruiz | said | the ferry would stop in May"},
		{"a contrasted attribution is not content", "Most fans expect Harbor City to win the cup, but many think the final will be close.", " | expect | Harbor City to win the cup"},
		{"and that goes on with the content", "Tom Hale said the bridge was unsafe and that the council had known it for years.", "PERSON:Tom Hale | said | the bridge was unsafe and that the council had known it for years"},
		{"the spokesman of a person", "Tom Hale's spokesman said the minister would not resign.", " | said | the minister would not resign"},
		{"the lawyers of a person", "Lawyers for the firm were in court. Tom Hale's lawyers said he had done nothing wrong.", " | said | he had done nothing wrong"},
		{"a spokeswoman of a firm", "A Kestrel spokeswoman said the branch would close in May.", " | said | the branch would close in May"},
		{"founder in apposition", "Ana Ruiz, the bank's founder, said the branch would close in May.", "PERSON:Ana Ruiz | said | the branch would close in May"},
		{"subject taken for a piece of content", `The firm, which is to receive a large payment from the club next year, said it is "looking at a number of new deals as a result of this money".`, ` | said | it is "looking at a number of new deals as a result of this money`},
		{"content goes on after a dash aside", "Tom Hale noted that spending on a single new bridge - the main cost - could run to $40m.", "PERSON:Tom Hale | noted | spending on a single new bridge - the main cost - could run to $40m"},
		{"no one is no speaker", "Sadly, no one in the village knows when the bridge will reopen.", ""},
		{"content before the narrator's amid", "Tom Hale said the plan was sound, amid reports that the council would drop it.", "PERSON:Tom Hale | said | the plan was sound"},
		{"content before the speaker's without", "Kestrel Bank says sales rose by a fifth in May, without giving figures for the year.", "ORGANIZATION:Kestrel Bank | says | sales rose by a fifth in May"},
		{"a coordinated predicate of the content's subject stays", "Tom Hale said the council had met and had agreed to the plan.", "PERSON:Tom Hale | said | the council had met and had agreed to the plan"},
		{"a without inside a quote stays", `Tom Hale said: "We will win, without doubt."`, "PERSON:Tom Hale | said | We will win, without doubt"},
		{"according to, then the speaker's title", "According to Tom Hale, chairman of the Harbor Institute, work on the bridge will begin in May.", "PERSON:Tom Hale | According to | work on the bridge will begin in May"},
		{"according to, then a relative clause on the speaker", `"Sales will rise," according to Tom Hale, director of Kestrel, which tracks the market.`, "PERSON:Tom Hale | according to | Sales will rise"},
		{"person owned by a joint firm", "Smith and Jones's analyst Ana Ruiz said rates would rise in May.", "PERSON:Ana Ruiz | said | rates would rise in May"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ex, names := extractText(t, "Report\n\n"+tt.text)
			var got []string
			for _, c := range ex.Claims {
				got = append(got, speakerNames(c, names)+" | "+c.Cue.Text+" | "+c.Text)
			}
			if tt.want == "" {
				if len(got) > 0 {
					t.Errorf("claims %q, want none", got)
				}
				return
			}
			if !slices.Contains(got, tt.want) {
				t.Errorf("claims %q, want %q among them", got, tt.want)
			}
		})
	}
}

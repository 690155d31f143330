package extract

import (
	"strings"
	"testing"
)

func TestRelationPatterns(t *testing.T) {
	tests := []struct {
		name string
		text string
		want string // one relationship that must be found
	}{
		{"clashes between", "There were fresh clashes between the Taliban and ISKP on Monday.", "RIVAL_OF GROUP:Islamic State Khorasan Province -> GROUP:Taliban"},
		{"clashed with", "Hamas clashed with Fatah in the camp.", "RIVAL_OF GROUP:Fatah -> GROUP:Hamas"},
		{"battles between the two groups", "Hamas and Fatah held talks. Battles between the two groups resumed.", "RIVAL_OF GROUP:Fatah -> GROUP:Hamas"},
		{"rival of", "Hezbollah is a bitter rival of the Islamic State.", "RIVAL_OF GROUP:Hezbollah -> GROUP:Islamic State"},
		{"branch apposition", "ISWAP, an affiliate of the Islamic State, seized the town.", "BRANCH_OF GROUP:Islamic State West Africa Province -> GROUP:Islamic State"},
		{"emerged as a branch", "Over two years IS-K has emerged as a feared branch of the wider Islamic State movement.", "BRANCH_OF GROUP:Islamic State Khorasan Province -> GROUP:Islamic State"},
		{"affiliate premodifier", "The al-Qaeda affiliate al-Shabaab claimed the attack.", "BRANCH_OF GROUP:al-Shabaab -> GROUP:al-Qaeda"},
		{"member apposition", "Omar Farah, a senior member of al-Shabaab, was arrested.", "MEMBER_OF PERSON:Omar Farah -> GROUP:al-Shabaab"},
		{"spokesman premodifier", "Taliban spokesman Zabihullah Mujahid denied the report.", "MEMBER_OF PERSON:Zabihullah Mujahid -> GROUP:Taliban"},
		{"joined", "Tobias Lind joined the Labour Party in 2010.", "MEMBER_OF PERSON:Tobias Lind -> GROUP:Labour Party"},
		{"allied with", "The Houthis have allied with Hezbollah, officials say.", "ALLIED_WITH GROUP:Hezbollah -> GROUP:Houthis"},
		{"formed an alliance", "The Reform Front and the Green Unity Party formed an alliance.", "ALLIED_WITH GROUP:Green Unity Party -> GROUP:Reform Front"},
		{"attacked", "Al-Shabaab attacked the Somali National Army near the border.", "ATTACKED GROUP:al-Shabaab -> GROUP:Somali National Army"},
		{"attacked by", "The convoy of the Northern Defence Army was ambushed by the Crescent Martyrs Front.", "ATTACKED GROUP:Crescent Martyrs Front -> GROUP:Northern Defence Army"},
		{"strikes on by", "Strikes on the Haqqani Network by Pakistan continued.", "ATTACKED PLACE:Pakistan -> GROUP:Haqqani Network"},
		{"bombings by despite", "Despite heavy bombings by the U.S., ISKP survived.", "ATTACKED PLACE:United States -> GROUP:Islamic State Khorasan Province"},
		{"episode brought together", "In an episode of Newsnight, Anna Berg brought together analyst Karl Huber and lecturer Sara Lind.", "HOSTED PERSON:Anna Berg -> PROGRAM:Newsnight"},
		{"episode guests", "In an episode of Newsnight, Anna Berg brought together analyst Karl Huber and lecturer Sara Lind.", "APPEARED_ON PERSON:Sara Lind -> PROGRAM:Newsnight"},
		{"hosted by", "Newsnight, which is hosted by Anna Berg, returns tonight.", "HOSTED PERSON:Anna Berg -> PROGRAM:Newsnight"},
		{"host premodifier", "Newsnight host Anna Berg asked the minister twice.", "HOSTED PERSON:Anna Berg -> PROGRAM:Newsnight"},
		{"speaking on", "Speaking on Newsnight, analyst Karl Huber disagreed.", "APPEARED_ON PERSON:Karl Huber -> PROGRAM:Newsnight"},
		{"told outlet", "Analyst Karl Huber told Reuters that talks had stalled.", "APPEARED_ON PERSON:Karl Huber -> OUTLET:Reuters"},
		{"based in", "The Centre for Rural Studies is based in Kabul.", "LOCATED_IN ORGANIZATION:Centre for Rural Studies -> PLACE:Kabul"},
		{"leader apposition", "Jawed Sultani, leader of the Eastern Ridge Brigades, spoke.", "LEADER_OF PERSON:Jawed Sultani -> GROUP:Eastern Ridge Brigades"},
		{"leader premodifier", "Taliban leader Hibatullah Akhundzada issued a decree.", "LEADER_OF PERSON:Hibatullah Akhundzada -> GROUP:Taliban"},
		{"programme of outlet", "Farakhabar, a debate programme broadcast by TOLOnews, aired the interview.", "PART_OF PROGRAM:FARAKHABAR -> OUTLET:TOLOnews"},
		{"outlet possessive programme", "He spoke on the BBC's Newsnight last week.", "PART_OF PROGRAM:Newsnight -> OUTLET:BBC"},
		{"rifts with", "Hamas has long exploited the growing rifts with Fatah.", "RIVAL_OF GROUP:Fatah -> GROUP:Hamas"},
		{"rivals pair", "Hamas and Fatah are bitter rivals.", "RIVAL_OF GROUP:Fatah -> GROUP:Hamas"},
		{"rivals premodifier", "Talks between rivals Hamas and Fatah stalled.", "RIVAL_OF GROUP:Fatah -> GROUP:Hamas"},
		{"split from", "The Eastern Ridge Brigades, which split from the TTP, claimed the attack.", "BRANCH_OF GROUP:Eastern Ridge Brigades -> GROUP:Tehrik-i-Taliban Pakistan"},
		{"alliance between", "The alliance between Hamas and Hezbollah worried Israel.", "ALLIED_WITH GROUP:Hamas -> GROUP:Hezbollah"},
		{"ally noun", "The Houthis, an ally of Hezbollah, fired missiles.", "ALLIED_WITH GROUP:Hezbollah -> GROUP:Houthis"},
		{"claimed responsibility", "The Crescent Martyrs Front claimed responsibility for the bombing of the Northern Defence Army base.", "ATTACKED GROUP:Crescent Martyrs Front -> GROUP:Northern Defence Army"},
		{"attack possessive", "Al-Shabaab's attack on the Somali National Army killed ten.", "ATTACKED GROUP:al-Shabaab -> GROUP:Somali National Army"},
		{"under fire from", "The Northern Defence Army came under fire from the Crescent Martyrs Front.", "ATTACKED GROUP:Crescent Martyrs Front -> GROUP:Northern Defence Army"},
		{"bombings by against", "Bombings by ISKP against the Taliban rose in 2022.", "ATTACKED GROUP:Islamic State Khorasan Province -> GROUP:Taliban"},
		{"host apposition", "Anna Berg, the host of Newsnight, asked twice.", "HOSTED PERSON:Anna Berg -> PROGRAM:Newsnight"},
		{"host verb", "Anna Berg presents Newsnight on weekdays.", "HOSTED PERSON:Anna Berg -> PROGRAM:Newsnight"},
		{"guests on", "Guests on Newsnight included analyst Karl Huber and lecturer Sara Lind.", "APPEARED_ON PERSON:Sara Lind -> PROGRAM:Newsnight"},
		{"group in place", "The Taliban in Kabul rejected the offer.", "LOCATED_IN GROUP:Taliban -> PLACE:Kabul"},
		{"place possessive", "Afghanistan's Taliban rejected the offer.", "LOCATED_IN GROUP:Taliban -> PLACE:Afghanistan"},
		{"leads", "Jawed Sultani leads the Eastern Ridge Brigades.", "LEADER_OF PERSON:Jawed Sultani -> GROUP:Eastern Ridge Brigades"},
		{"leader copula", "Anne Berg is chief executive of Kestrel Holdings, the firm said.", "LEADER_OF PERSON:Anne Berg -> ORGANIZATION:Kestrel Holdings"},
		{"leader departure", "Tom Hale stepped down as chairman of Vexa Bank on Monday.", "LEADER_OF PERSON:Tom Hale -> ORGANIZATION:Vexa Bank"},
		{"runs in a relative clause", "Mary Lowe, who runs Harlow Media, said sales rose.", "LEADER_OF PERSON:Mary Lowe -> ORGANIZATION:Harlow Media"},
		{"a vice president of a field at", "Nina Park, vice president of marketing at Harlow Media, said the launch slipped.", "MEMBER_OF PERSON:Nina Park -> ORGANIZATION:Harlow Media"},
		{"a general manager at", "\"It works,\" said Nina Park, general manager at Harlow Media.", "MEMBER_OF PERSON:Nina Park -> ORGANIZATION:Harlow Media"},
		{"a chief officer at", "Nina Park, chief technology officer at Kestrel Holdings, said the outage was short.", "MEMBER_OF PERSON:Nina Park -> ORGANIZATION:Kestrel Holdings"},
		{"the head of a body's unit", "Nina Park, head of the Harlow Institute's data team, said the survey was sound.", "MEMBER_OF PERSON:Nina Park -> ORGANIZATION:Harlow Institute"},
		{"a partner at a firm", "\"The ruling is narrow,\" said Ola Berg, a partner at Hale Lind Partners.", "MEMBER_OF PERSON:Ola Berg -> ORGANIZATION:Hale Lind Partners"},
		{"a club named with its suffix", "Tom Hale, chairman of Sunderland FC, said the ground would be sold.", "LEADER_OF PERSON:Tom Hale -> ORGANIZATION:Sunderland FC"},
		{"pair signed a partnership", "Kestrel Holdings and Vexa Bank have signed a partnership to sell loans.", "ALLIED_WITH ORGANIZATION:Kestrel Holdings -> ORGANIZATION:Vexa Bank"},
		{"parent premodifier", "Vexa Bank's parent company Kestrel Holdings reported a loss.", "BRANCH_OF ORGANIZATION:Vexa Bank -> ORGANIZATION:Kestrel Holdings"},
		{"parent of", "Kestrel Holdings, the parent company of Vexa Bank, reported a loss.", "BRANCH_OF ORGANIZATION:Vexa Bank -> ORGANIZATION:Kestrel Holdings"},
		{"fired rockets into", "Hamas fired rockets into Israel on Tuesday.", "ATTACKED GROUP:Hamas -> PLACE:Israel"},
		{"board of", "Sara Lind was appointed to the board of Vexa Bank last year.", "MEMBER_OF PERSON:Sara Lind -> ORGANIZATION:Vexa Bank"},
		{"killer premodifier", "He met the Tom Hale killer Ola Berg in prison.", "ATTACKED PERSON:Ola Berg -> PERSON:Tom Hale"},
		{"on trial for a killing", "In 1902, Ola Berg went on trial for the murder of Tom Hale.", "ATTACKED PERSON:Ola Berg -> PERSON:Tom Hale"},
		{"an age before the victim", "Ola Berg was charged with killing 58-year-old Tom Hale.", "ATTACKED PERSON:Ola Berg -> PERSON:Tom Hale"},
		{"a club's player in apposition", "Tom Hale, the Kestrel Rovers striker, was injured.", "MEMBER_OF PERSON:Tom Hale -> ORGANIZATION:Kestrel Rovers"},
		{"a club's manager", "Kestrel Rovers manager Tom Hale was pleased.", "MEMBER_OF PERSON:Tom Hale -> ORGANIZATION:Kestrel Rovers"},
		{"person of organisation", "Tomas Berglund of the Nordic Fisheries Agency said stocks were low.", "MEMBER_OF PERSON:Tomas Berglund -> ORGANIZATION:Nordic Fisheries Agency"},
		{"organisation possessive person", "The Labour Party's Tobias Lind said the vote was close.", "MEMBER_OF PERSON:Tobias Lind -> GROUP:Labour Party"},
		{"apposition organisation role", "Anne Hansen, a Nordic Fisheries Agency spokeswoman, said stocks were low.", "MEMBER_OF PERSON:Anne Hansen -> ORGANIZATION:Nordic Fisheries Agency"},
		{"apposition organisation leader", "Anne Hansen, Nordic Fisheries Agency chairman, said stocks were low.", "LEADER_OF PERSON:Anne Hansen -> ORGANIZATION:Nordic Fisheries Agency"},
		{"town, country", "The plant in Tromso, Norway, closed on Monday.", "LOCATED_IN PLACE:Tromso -> PLACE:Norway"},
		{"owned by", "Harlow Media is owned by the Kestrel Group, the filing showed.", "BRANCH_OF ORGANIZATION:Harlow Media -> GROUP:Kestrel Group"},
		{"completed takeover", "The Kestrel Group has bought Harlow Media for $2bn.", "BRANCH_OF ORGANIZATION:Harlow Media -> GROUP:Kestrel Group"},
		{"subsidiary apposition", "Vexa Software, a subsidiary of the Kestrel Group, said sales rose.", "BRANCH_OF ORGANIZATION:Vexa Software -> GROUP:Kestrel Group"},
		{"works for", "Anne Berg, who works for Harlow Media, said prices fell.", "MEMBER_OF PERSON:Anne Berg -> ORGANIZATION:Harlow Media"},
		{"joint venture with", "The Kestrel Group signed a joint venture with Harlow Media in March.", "ALLIED_WITH GROUP:Kestrel Group -> ORGANIZATION:Harlow Media"},
		{"deal between", "The deal between Harlow Media and Vexa Software was approved.", "ALLIED_WITH ORGANIZATION:Harlow Media -> ORGANIZATION:Vexa Software"},
		{"appointed chief executive", "Tom Hale was named chief executive of Harlow Media last week.", "LEADER_OF PERSON:Tom Hale -> ORGANIZATION:Harlow Media"},
		{"organisation of a place", "The cranes were built by Kestrel Cranes Inc. of Houston, the report said.", "LOCATED_IN ORGANIZATION:Kestrel Cranes Inc. -> PLACE:Houston"},
		{"rank between force and name", "Navy Lt. Anne Berg said the ship was safe.", "MEMBER_OF PERSON:Anne Berg -> ORGANIZATION:Navy"},
		{"remain a commissioner of", "Tom Hale will remain a commissioner of the Nordic Fisheries Agency.", "MEMBER_OF PERSON:Tom Hale -> ORGANIZATION:Nordic Fisheries Agency"},
		{"expert on at", "Anne Berg, an expert on missiles at Harlow University, disagreed.", "MEMBER_OF PERSON:Anne Berg -> ORGANIZATION:Harlow University"},
		{"capitalised director", "Harlow Media Director Tom Hale told reporters that sales rose.", "MEMBER_OF PERSON:Tom Hale -> ORGANIZATION:Harlow Media"},
		{"killing of by", "The killing of Tom Hale by Karl Huber shocked the town.", "ATTACKED PERSON:Karl Huber -> PERSON:Tom Hale"},
		{"assassin of", "Karl Huber, the convicted assassin of Tom Hale, was denied parole.", "ATTACKED PERSON:Karl Huber -> PERSON:Tom Hale"},
		{"possessive killer", "Tom Hale's killer, Karl Huber, was arrested on Monday.", "ATTACKED PERSON:Karl Huber -> PERSON:Tom Hale"},
		{"convicted of murdering", "Karl Huber was convicted of murdering Tom Hale in 1990.", "ATTACKED PERSON:Karl Huber -> PERSON:Tom Hale"},
		{"shot titled person", "Karl Huber, who shot President Tom Hale, fled.", "ATTACKED PERSON:Karl Huber -> PERSON:Tom Hale"},
		{"abbreviated states in a list", "Floods hit Dodge City, Kan., and Tulsa, Okla., on Monday.", "LOCATED_IN PLACE:Dodge City -> PLACE:Kan"},
		{"leader title in apposition", "Harlow Media's new chief executive, Tom Hale, said sales rose.", "LEADER_OF PERSON:Tom Hale -> ORGANIZATION:Harlow Media"},
		{"who heads", "Mary Lowe, who heads Harlow Media, said sales rose.", "LEADER_OF PERSON:Mary Lowe -> ORGANIZATION:Harlow Media"},
		{"told an outlet's programme", "Tom Hale told Kestrel TV's Morning Show programme that he would stay.", "APPEARED_ON PERSON:Tom Hale -> PROGRAM:Morning Show"},
		{"claimed responsibility for attacks", "The Crescent Martyrs Front claimed responsibility for the attack on the Northern Defence Army.", "ATTACKED GROUP:Crescent Martyrs Front -> GROUP:Northern Defence Army"},
	}
	used := map[string]bool{}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ex, names := extractText(t, tt.text)
			got := relationStrings(ex, names)
			if !contains(got, tt.want) {
				t.Errorf("relationships %q lack %q", got, tt.want)
			}
			for _, r := range ex.Relationships {
				used[strings.TrimPrefix(r.Citation.Extractor, "rules/"+version+":")] = true
			}
		})
	}
	for _, p := range relPatterns {
		if !used[p.name] {
			t.Errorf("pattern %q is exercised by no test case", p.name)
		}
	}
}

func TestNoRelationWithoutPattern(t *testing.T) {
	tests := []struct{ name, text string }{
		{"mere co-occurrence", "The Taliban and ISKP were both mentioned in the report."},
		{"same group twice", "The Islamic State Khorasan (IS-K), a branch of the Islamic State Khorasan Province, grew."},
		{"not guilty", "Karl Huber was found not guilty of murdering Tom Hale."},
		{"a noun between two names", "Karl Huber, who shot Kestrel Bank guard Tom Hale, was arrested."},
		{"an event is no seat", "The Kestrel Awards in London drew large crowds."},
		{"wrong kinds for hosting", "In an episode of Newsnight, the Taliban brought together Hamas and Fatah."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ex, names := extractText(t, tt.text)
			if got := relationStrings(ex, names); len(got) != 0 {
				t.Errorf("unexpected relationships %q", got)
			}
		})
	}
}

func TestAttackForms(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"cameo verb", "The Crescent Martyrs Front besieged the Northern Defence Army for a week.",
			"ATTACKED GROUP:Crescent Martyrs Front -> GROUP:Northern Defence Army"},
		{"cameo passive", "The Northern Defence Army was ambushed by the Crescent Martyrs Front near the river.",
			"ATTACKED GROUP:Crescent Martyrs Front -> GROUP:Northern Defence Army"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ex, names := extractText(t, tt.text)
			got := relationStrings(ex, names)
			for _, g := range got {
				if g == tt.want {
					return
				}
			}
			t.Errorf("relations %v lack %q", got, tt.want)
		})
	}
}

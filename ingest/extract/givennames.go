package extract

import "strings"

// A person's gender decides which pronoun may stand for them: "he said"
// after "Anna Berg and Tom Hale" is Tom Hale. Titles and roles ("Ms",
// "spokeswoman") give it where the article writes them (genderCue); a
// person named only by given name and surname gets it from a common given
// name that is rarely borne by the other gender. Names borne by both
// ("Jordan", "Kim", "Jean") are left out, so such a person keeps no
// gender and either pronoun may stand for them, as before.

// femaleNames are given names borne almost only by women.
var femaleNames = setOf("alice", "alicia", "alison", "amanda", "amy", "andrea", "angela", "angelina", "ann", "anna",
	"anne", "annie", "barbara", "beatrice", "betty", "beverley", "brenda", "bridget", "carla", "carly", "carol",
	"caroline", "catherine", "cherie", "cheryl", "christina", "christine", "claire", "clare", "condoleezza", "courteney",
	"cynthia", "daphne", "deborah", "debbie", "diana", "diane", "donna", "doris", "dorothy", "elaine", "eleanor",
	"elizabeth", "ellen", "emily", "emma", "erica", "estelle", "eva", "fiona", "frances", "gemma", "georgina", "gillian",
	"gloria", "hannah", "harriet", "hazel", "heather", "helen", "helena", "hillary", "imelda", "isabel", "jacqui",
	"jacqueline", "jane", "janet", "janice", "jennifer", "jessica", "joan", "joanna", "joanne", "josephine", "joyce",
	"judith", "judy", "julia", "julie", "karen", "kate", "katherine", "kathleen", "kathryn", "kathy", "kelly", "kylie",
	"laura", "lauren", "linda", "lisa", "liz", "louise", "lucy", "lynne", "madonna", "margaret", "maria", "marie",
	"marion", "martina", "mary", "maureen", "melanie", "michelle", "miranda", "monica", "nancy", "natalie", "nicola",
	"nicole", "olivia", "patricia", "paula", "pauline", "penelope", "rachel", "rebecca", "rose", "ruth", "sally",
	"samantha", "sandra", "sarah", "serena", "sharon", "sheila", "shirley", "sophie", "stella", "susan", "suzanne",
	"tessa", "theresa", "tracey", "valerie", "vanessa", "venus", "victoria", "virginia", "wendy", "yvonne", "zoe")

// maleNames are given names borne almost only by men.
var maleNames = setOf("adam", "alan", "alastair", "alexander", "alistair", "andrew", "andy", "anthony",
	"arnold", "arsene", "barry", "ben", "bill", "bob", "brian", "bruce", "carl", "charles", "christopher",
	"colin", "craig", "dan", "daniel", "darren", "david", "dennis", "derek", "des", "donald", "douglas", "duncan",
	"ed", "edward", "eddie", "eric", "frank", "gareth", "gary", "geoff", "george", "gerhard", "gordon", "graham",
	"greg", "harry", "henry", "howard", "hugh", "iain", "ian", "jack", "jacques", "james", "jason", "jeff", "jeremy",
	"jim", "joe", "john", "jonathan", "jose", "joseph", "keith", "ken", "kenneth", "kevin", "larry", "lewis",
	"mark", "martin", "matt", "matthew", "michael", "mick", "mike", "neil", "nick", "nigel", "oliver", "patrick",
	"paul", "peter", "philip", "phil", "ray", "richard", "rob", "robert", "roger", "ronnie", "roy", "russell",
	"ryan", "scott", "sean", "simon", "stephen", "steve", "steven", "stuart", "thomas", "tim", "timothy",
	"tom", "tommy", "tony", "vladimir", "walter", "wayne", "william")

// givenNameGender returns 'f' or 'm' for a name of two words or more
// whose first word is a given name of one gender, else 0.
func givenNameGender(name string) byte {
	words := strings.Fields(name)
	if len(words) < 2 {
		return 0
	}
	first := strings.ToLower(words[0])
	switch {
	case femaleNames[first]:
		return 'f'
	case maleNames[first]:
		return 'm'
	}
	return 0
}

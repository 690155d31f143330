package extract

import (
	"strings"

	"github.com/newsgraph/newsgraph/graph"
)

// Word lists the rules are built on. They describe English news usage in
// general; none of them names an entity.

// titles are capitalised words written before a person's name. The ones
// that say something about the person are kept as roles.
var titles = map[string]string{
	"mr": "", "mrs": "", "ms": "", "miss": "", "dr": "", "sir": "", "dame": "", "lord": "", "lady": "", "baroness": "", "baron": "",
	"president": "president", "minister": "minister", "premier": "premier", "chancellor": "chancellor",
	"gen": "general", "general": "general", "col": "colonel", "colonel": "colonel", "lt": "lieutenant",
	"lieutenant": "lieutenant", "maj": "major", "major": "major", "capt": "captain", "captain": "captain",
	"sgt": "sergeant", "sergeant": "sergeant", "adm": "admiral", "admiral": "admiral", "commander": "commander",
	"prof": "professor", "professor": "professor", "sen": "senator", "senator": "senator", "rep": "representative",
	"gov": "governor", "governor": "governor", "mayor": "mayor", "judge": "judge", "justice": "justice",
	"ambassador": "ambassador", "secretary": "secretary", "king": "king", "queen": "queen", "prince": "prince",
	"princess": "princess", "sheikh": "sheikh", "mullah": "mullah", "maulvi": "maulvi", "mawlawi": "mawlawi",
	"imam": "imam", "pope": "pope", "emir": "emir", "chief": "chief", "speaker": "speaker", "envoy": "envoy",
}

// roleNouns are lower-case nouns that, right before a name, give its role:
// "political analyst Dana Whitfield", "host X", "spokesman X".
var roleNouns = setOf("expert", "experts", "analyst", "lecturer", "professor", "host", "presenter", "anchor",
	"journalist", "reporter", "correspondent", "spokesman", "spokeswoman", "spokesperson", "commander",
	"leader", "minister", "official", "researcher", "scholar", "academic", "author", "writer", "activist",
	"lawyer", "diplomat", "ambassador", "president", "chairman", "chairwoman", "director", "editor",
	"economist", "strategist", "commentator", "chief", "founder", "general", "cleric", "militant", "fighter",
	"envoy", "negotiator", "secretary", "governor", "senator", "lawmaker", "candidate", "mayor", "judge",
	"prosecutor", "officer", "historian", "specialist", "adviser", "advisor", "consultant", "columnist",
	"blogger", "emir", "deputy", "representative", "member", "head", "singer", "actor", "actress", "coach",
	"player", "striker", "winger", "midfielder", "defender", "goalkeeper", "manager", "executive", "chancellor", "premier", "mp", "colonel", "captain",
	"administrator", "boss")

// roleModifiers may precede a role noun inside the role ("university
// lecturer", "former president"); adjectives ending in -al, -ic, -ary and
// similar are accepted without being listed.
var roleModifiers = setOf("university", "security", "military", "defense", "defence", "foreign", "senior",
	"former", "deputy", "chief", "program", "programme", "show", "news", "terrorism", "counterterrorism",
	"policy", "independent", "veteran", "longtime", "prominent", "leading", "well-known", "local", "government",
	"opposition", "party", "army", "police", "intelligence", "rights", "peace", "talk", "radio", "television",
	"tv", "taliban", "group", "vice", "prime", "finance", "interior", "health", "education", "justice",
	"affairs", "relations", "media", "election", "campaign", "law", "think-tank", "retired", "acting", "interim")

// expertRoles mark the people a group speaker such as "the experts" or
// "analysts" refers to.
var expertRoles = setOf("expert", "analyst", "lecturer", "professor", "researcher", "scholar", "academic",
	"commentator", "specialist", "strategist", "economist", "historian", "guest", "panelist")

// officialRoles mark the people "officials" refers to.
var officialRoles = setOf("official", "minister", "spokesman", "spokeswoman", "spokesperson", "governor",
	"president", "secretary", "ambassador", "envoy", "commander", "general", "chief", "mayor", "director")

// groupSpeakers are plural nouns standing for several earlier-named
// people; the value selects which of them.
var groupSpeakers = map[string]map[string]bool{
	"experts": expertRoles, "analysts": expertRoles, "panelists": expertRoles, "guests": expertRoles,
	"commentators": expertRoles, "scholars": expertRoles, "researchers": expertRoles, "specialists": expertRoles,
	"panellists": expertRoles, "officials": officialRoles, "authorities": officialRoles,
	// Spoken events stand for the people who spoke in them: "the
	// discussion pointed to ..." is what its guests said.
	"discussion": expertRoles, "conversation": expertRoles, "debate": expertRoles, "panel": expertRoles,
	"roundtable": expertRoles, "dialogue": expertRoles,
	// Speakers the article names no one for: the claim keeps its source
	// text and no speaker entity.
	"elders": nil, "residents": nil, "witnesses": nil, "sources": nil, "diplomats": nil, "observers": nil,
	"critics": nil, "villagers": nil, "activists": nil, "police": nil, "source": nil, "official": nil,
	"spokesman": nil, "spokeswoman": nil, "spokesperson": nil, "witness": nil, "resident": nil, "diplomat": nil,
}

// headWords are capitalised last words that type a name: "... Party",
// "... Ministry", "... Province".
var headWords = map[string]graph.EntityKind{
	"party": graph.Group, "front": graph.Group, "army": graph.Group, "movement": graph.Group,
	"brigade": graph.Group, "brigades": graph.Group, "militia": graph.Group, "militias": graph.Group,
	"network": graph.Group, "group": graph.Group, "alliance": graph.Group, "coalition": graph.Group,
	"jihad": graph.Group, "mujahideen": graph.Group, "battalion": graph.Group, "battalions": graph.Group,
	"forces": graph.Group, "guard": graph.Group, "guards": graph.Group, "corps": graph.Group,
	"taliban": graph.Group, "rebels": graph.Group, "league": graph.Group,
	"ministry": graph.Organization, "department": graph.Organization, "agency": graph.Organization,
	"university": graph.Organization, "college": graph.Organization, "institute": graph.Organization,
	"foundation": graph.Organization, "bank": graph.Organization, "company": graph.Organization,
	"corporation": graph.Organization, "inc": graph.Organization, "corp": graph.Organization,
	"ltd": graph.Organization, "association": graph.Organization, "commission": graph.Organization,
	"court": graph.Organization, "parliament": graph.Organization, "assembly": graph.Organization,
	"senate": graph.Organization, "congress": graph.Organization, "police": graph.Organization,
	"office": graph.Organization, "council": graph.Organization, "committee": graph.Organization,
	"union": graph.Organization, "organization": graph.Organization, "organisation": graph.Organization,
	// "Org", the clipped "organisation", heads a body's name too; the
	// tagger reads "the Kestrel Org" by its first word ("Sea", a place).
	"org":    graph.Organization,
	"school": graph.Organization, "service": graph.Organization, "authority": graph.Organization,
	"board": graph.Organization, "federation": graph.Organization, "club": graph.Organization,
	"group's": graph.Organization, "fund": graph.Organization, "programme": graph.Program, "program": graph.Program,
	"news": graph.Outlet, "times": graph.Outlet, "post": graph.Outlet, "journal": graph.Outlet,
	"herald": graph.Outlet, "gazette": graph.Outlet, "tribune": graph.Outlet, "telegraph": graph.Outlet,
	"radio": graph.Outlet, "tv": graph.Outlet, "television": graph.Outlet, "broadcasting": graph.Outlet, "fm": graph.Outlet,
	"press": graph.Outlet, "show": graph.Program, "hour": graph.Program,
	"province": graph.Place, "city": graph.Place, "county": graph.Place, "district": graph.Place,
	"region": graph.Place, "valley": graph.Place, "river": graph.Place, "mountains": graph.Place,
	"island": graph.Place, "islands": graph.Place, "street": graph.Place, "square": graph.Place,
	"airport": graph.Place, "sea": graph.Place, "ocean": graph.Place, "desert": graph.Place,
	"village": graph.Place, "town": graph.Place, "strait": graph.Place, "gulf": graph.Place,
	"republic": graph.Place, "kingdom": graph.Place, "emirates": graph.Place,
	"centre": graph.Organization, "center": graph.Organization,
	// Sites and buildings: "Nizhny Novgorod Stadium", "Shandao Station".
	// CoNLL train types such names LOC (hospital 11 of 12, bridge 8 of 9,
	// museum 2 of 2, station 1 of 1), as do GUM and OntoNotes (FAC); the
	// institution inside ("the hospital said") is a metonymy the graph
	// does not split.
	"hospital": graph.Place, "stadium": graph.Place, "arena": graph.Place, "station": graph.Place,
	"museum": graph.Place, "mosque": graph.Place, "cathedral": graph.Place, "temple": graph.Place,
	"tower": graph.Place, "towers": graph.Place, "bridge": graph.Place, "hotel": graph.Place,
	"memorial": graph.Place, "planetarium": graph.Place, "avenue": graph.Place, "road": graph.Place,
	"lake": graph.Place, "complex": graph.Place,
	// Company names end in what the firm does or how it is held; the
	// tagger reads "Jupiter Research" as a person and "Kestrel Holdings"
	// as a place where the head word was rare in its training news.
	"research": graph.Organization, "holdings": graph.Organization, "partners": graph.Organization,
	"associates": graph.Organization, "consulting": graph.Organization, "consultancy": graph.Organization,
	"securities": graph.Organization, "technologies": graph.Organization, "communications": graph.Organization,
	"electronics": graph.Organization, "pharmaceuticals": graph.Organization, "motors": graph.Organization,
	"airlines": graph.Organization, "airways": graph.Organization, "plc": graph.Organization,
	"llc": graph.Organization, "laboratories": graph.Organization, "industries": graph.Organization,
	"insurance": graph.Organization, "software": graph.Organization, "systems": graph.Organization,
	"society": graph.Organization, "ministries": graph.Organization, "magazine": graph.Outlet, "newspaper": graph.Outlet,
	// A plural trade after a name is a firm of that trade ("Kestrel
	// Stockbrokers", "Vexa Solicitors").
	"stockbrokers": graph.Organization, "brokers": graph.Organization, "solicitors": graph.Organization,
	"accountants": graph.Organization, "investments": graph.Organization,
}

// siteHeads are the head words of sites and natural features, which also
// retype a name the tagger read as an organisation. A street, a county or
// a country it reads as an organisation is usually a metonymy or a
// namesake ("Downing Street said", "Notts County"), and is left alone; so
// is a name an organisation's head begins ("University of the Highlands
// and Islands").
var siteHeads = setOf("hospital", "stadium", "arena", "station", "museum", "mosque", "cathedral", "temple",
	"tower", "towers", "bridge", "hotel", "memorial", "planetarium", "complex", "airport",
	"mountain", "mountains", "sea", "ocean", "gulf", "strait", "desert", "valley", "river", "lake",
	"island", "islands", "peninsula", "canyon", "square", "street")

// qualifiedSites are head words that make a site only after one of the
// given words ("Ocala National Forest", "Ellington Air Force Base", not
// "Nottingham Forest", "MTV Base"), and administrative units named in two
// words ("Phitsanulok Province", not "Islamic State West Africa
// Province").
var qualifiedSites = map[string]map[string]bool{
	"forest": setOf("national", "state"), "park": setOf("national", "state", "memorial"),
	"base": setOf("force", "air", "naval", "army", "military", "marine"),
}

// unitSites are administrative heads that make a two-word name a place.
var unitSites = setOf("province", "district", "region", "prefecture", "governorate")

// personSites are the site heads that are not also surnames ("Shirley
// Temple", "Bruce Arena"): they retype a name the tagger read as a person.
var personSites = setOf("hospital", "stadium", "station", "museum", "mosque", "cathedral", "hotel",
	"planetarium", "airport")

// venueWords make a centre a site rather than an institute: "Kennedy
// Space Center", "Metro Toronto Convention Centre", but "European Policy
// Centre", "Disaster Research Center".
var venueWords = setOf("space", "convention", "conference", "exhibition", "shopping", "trade", "arts", "art",
	"science", "visitor", "visitors", "sports", "leisure", "civic", "community", "heritage", "cultural",
	"performing", "garden", "aquatics", "events", "entertainment")

// placePrepositions before an unknown capitalised name suggest a place.
var placePrepositions = setOf("in", "from", "near", "across", "outside", "inside", "throughout", "to", "into", "toward", "towards")

// placeVerbs before "to" make the name after it a destination: "moved to X".
var placeVerbs = setOf("moved", "move", "moving", "fled", "flee", "fleeing", "travelled", "traveled", "went",
	"go", "going", "returned", "return", "returning", "came", "come", "deployed", "sent", "flew", "drove",
	"headed", "marched", "advanced", "migrated", "relocated", "back", "way", "road", "route", "trip", "visit")

// compass words start place names, not personal names: "East Jerusalem".
var compass = setOf("north", "south", "east", "west", "central", "upper", "lower", "greater", "new", "old",
	"northern", "southern", "eastern", "western", "downtown", "outer", "inner")

// connectors may join the capitalised words of one name: "Bank of England",
// "Islamic State of Iraq and the Levant", "Osama bin Laden".
var connectors = setOf("of", "de", "du", "des", "la", "le", "van", "von", "der", "bin", "ibn", "al", "el", "for", "the", "and", "da", "di")

// commonCapitalised are capitalised words that are not names on their own,
// whatever their position.
var commonCapitalised = setOf("the", "a", "an", "in", "on", "at", "this", "that", "these", "those", "it",
	"he", "she", "they", "we", "i", "you", "but", "and", "or", "however", "despite", "unlike", "one", "as",
	"after", "before", "while", "when", "if", "his", "her", "their", "its", "our", "my", "your", "there",
	"here", "what", "who", "why", "how", "where", "which", "some", "many", "most", "all", "both", "each",
	"such", "also", "not", "no", "yes", "for", "with", "by", "from", "to", "of", "so", "yet", "then", "than",
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
	"march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
	"mr", "mrs", "ms", "dr", "prof", "according", "meanwhile", "during", "since", "until", "although",
	"though", "because", "amid", "among", "over", "under", "between", "against", "about", "into", "through",
	"minister", "president", "government", "state", "date", "updated", "published", "read", "more", "watch",
	"tv", "ceo", "am", "pm", "gmt", "utc", "ok", "faq", "pdf", "url", "eu-", "last", "next", "first",
	"every", "other", "another", "any", "further", "still", "now", "today", "yesterday", "tomorrow", "earlier",
	"later", "even", "only", "just", "already", "instead", "thus", "therefore", "indeed", "once", "twice")

// ampersandNouns are abbreviations of common nouns that the tokenizer
// keeps whole, as it keeps "AT&T": research and development, questions
// and answers, mergers and acquisitions, and the like. They name nothing.
var ampersandNouns = setOf("r&d", "q&a", "m&a", "b&b", "p&l", "r&b", "a&e", "g&t")

// speechVerbs introduce reported speech and follow or precede a quote.
var speechVerbs = setOf("said", "says", "say", "told", "tells", "warned", "warns", "argued", "argues",
	"emphasized", "emphasised", "emphasizes", "emphasises", "underscored", "underscores", "noted", "notes",
	"stated", "states", "claimed", "claims", "added", "adds", "explained", "explains", "insisted", "insists",
	"suggested", "suggests", "stressed", "stresses", "believes", "believed", "asserted", "asserts",
	"acknowledged", "acknowledges", "admitted", "admits", "announced", "announces", "declared", "declares",
	"maintained", "maintains", "contended", "contends", "observed", "observes", "highlighted", "highlights",
	"cautioned", "cautions", "predicted", "predicts", "pointed", "points", "wrote", "writes", "reported",
	"reports", "denied", "denies", "confirmed", "confirms", "alleged", "alleges", "urged", "urges",
	"concluded", "concludes", "asked", "asks", "replied", "replies", "recalled", "recalls", "thinks",
	"thought", "estimated", "estimates", "countered", "counters", "remarked", "remarks", "continued", "tweeted",
	// verbs that close a quotation in news copy ("“Quiet,” he demanded")
	"demanded", "demands", "answered", "answers", "responded", "responds", "quipped", "quips", "joked", "jokes",
	"shouted", "shouts", "yelled", "yells", "exclaimed", "exclaims", "wondered", "wonders", "mused", "muses",
	"conceded", "concedes", "vowed", "vows", "promised", "promises", "pleaded", "pleads", "boasted", "boasts",
	"complained", "complains", "lamented", "laments", "retorted", "retorts", "snapped", "interjected",
	"recounted", "recounts", "testified", "testifies", "whispered", "whispers")

// nominalCues take a noun phrase rather than a clause as their content:
// "the experts emphasized the complexity of ...".
var nominalCues = setOf("emphasized", "emphasised", "underscored", "highlighted", "stressed", "emphasizes",
	"emphasises", "underscores", "highlights", "stresses", "warned", "noted")

// groupAnaphors are noun phrases that refer back to one group or
// organisation: "the group", "the militants".
var groupAnaphors = setOf("group", "organization", "organisation", "movement", "militants", "militia",
	"faction", "entity", "outfit", "insurgents", "network")

// prefixHeads are capitalised first words that type a name: "University
// of X", "Radio X", "Mount X".
var prefixHeads = map[string]graph.EntityKind{
	"university": graph.Organization, "ministry": graph.Organization, "bank": graph.Organization,
	"department": graph.Organization, "institute": graph.Organization, "radio": graph.Outlet,
	"mount": graph.Place, "lake": graph.Place, "fort": graph.Place, "port": graph.Place,
}

// modifierParticiples end the hyphenated modifiers written before a name
// ("the Gaza-based", "the Republican-controlled", "the state-owned"),
// which are no part of it.
var modifierParticiples = setOf("based", "led", "controlled", "backed", "owned", "run", "funded", "dominated",
	"allied", "linked", "sponsored", "affiliated", "headquartered", "listed", "registered", "born", "aligned")

// modifierCompound reports whether w is such a modifier: "Gaza-based".
func modifierCompound(w string) bool {
	i := strings.LastIndexAny(w, "-‑")
	return i > 0 && modifierParticiples[lowerASCII(w[i+1:])]
}

package storetest

import (
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/graph"
)

// The fixture world: three short articles we wrote about invented groups,
// people and places. They overlap the way real coverage does: the same
// rivalry reported twice with the endpoints swapped, one statement carried by
// two outlets, an entity known by an acronym, names in Cyrillic and with
// diacritics, an undated article.

var (
	// dateValley is given in a non-UTC zone and with nanoseconds, so that the
	// suite sees stores return UTC truncated to the microsecond.
	dateValley  = time.Date(2025, 3, 4, 14, 0, 0, 123456789, time.FixedZone("+0430", 4*3600+1800))
	dateCoastal = time.Date(2025, 3, 10, 18, 0, 0, 0, time.UTC)
)

// The entity ids of the fixture world.
var (
	idNVF       = graph.EntityID(graph.Group, graph.CanonicalKey("Northern Valley Front"))
	idBrigade   = graph.EntityID(graph.Group, graph.CanonicalKey("Mountain Brigade"))
	idAlliance  = graph.EntityID(graph.Group, graph.CanonicalKey("Eastern Alliance"))
	idPort      = graph.EntityID(graph.Place, graph.CanonicalKey("Port Alden"))
	idZoe       = graph.EntityID(graph.Person, graph.CanonicalKey("Zoë Ábrahám"))
	idVolkov    = graph.EntityID(graph.Person, graph.CanonicalKey("Dmitri Volkov"))
	idUniv      = graph.EntityID(graph.Organization, graph.CanonicalKey("Київський університет"))
	idEvening   = graph.EntityID(graph.Program, graph.CanonicalKey("Evening Hour"))
	idWeekend   = graph.EntityID(graph.Program, graph.CanonicalKey("Evening Hour Weekend"))
	idRadio     = graph.EntityID(graph.Outlet, graph.CanonicalKey("Radio Alden"))
	claimSpread = graph.ClaimID(graph.NormalizeClaim("the clashes would spread beyond the valley"))
	claimWeaker = graph.ClaimID(graph.NormalizeClaim("The front is weaker than it looks"))
	relRivalry  = graph.RelationshipID(graph.RivalOf, idNVF, idBrigade)
	relBranch   = graph.RelationshipID(graph.BranchOf, idNVF, idAlliance)
	relAppeared = graph.RelationshipID(graph.AppearedOn, idZoe, idEvening)
)

const textValley = `Fighters of the Northern Valley Front (NVF) clashed with the Mountain Brigade near Port Alden on Monday. ` +
	`The NVF is a branch of the Eastern Alliance, officials say. ` +
	`Political analyst Zoë Ábrahám told Evening Hour that the clashes would spread beyond the valley. ` +
	`"The front is weaker than it looks," the analyst said.`

// valley is the first article; withoutQuote drops its last claim, its
// appearance on the programme and a mention, as a corrected extraction would.
func valley(t testing.TB, withoutQuote bool) *graph.Extraction {
	b := article(t, "https://valley-herald.example/2025/03/clashes", "Valley Herald", "Clashes near Port Alden", dateValley, textValley)
	nvf := b.entity(graph.Group, "Northern Valley Front", "NVF")
	b.with(nil, map[string]string{"wikidata": "Q99999901"})
	brigade := b.entity(graph.Group, "Mountain Brigade")
	alliance := b.entity(graph.Group, "Eastern Alliance")
	port := b.entity(graph.Place, "Port Alden")
	zoe := b.entity(graph.Person, "Zoë Ábrahám")
	b.with([]string{"political analyst"}, nil)
	evening := b.entity(graph.Program, "Evening Hour")
	b.mention(nvf, "Northern Valley Front", 0, "").
		mention(nvf, "NVF", 0, "").
		mention(brigade, "Mountain Brigade", 0, "").
		mention(port, "Port Alden", 0, "").
		inContext(graph.Organization).
		mention(nvf, "NVF", 1, "").
		mention(alliance, "Eastern Alliance", 0, "").
		mention(zoe, "Zoë Ábrahám", 0, "political analyst").
		mention(evening, "Evening Hour", 0, "")
	b.relationship(graph.RivalOf, nvf, brigade, "clashed with the Mountain Brigade", "clashed with", 0.8).
		relationship(graph.BranchOf, nvf, alliance, "The NVF is a branch of the Eastern Alliance", "a branch of", 0.9).
		claim("the clashes would spread beyond the valley", "Political analyst Zoë Ábrahám", "told", false,
			[]string{zoe}, []string{nvf, brigade}, 0.8)
	if !withoutQuote {
		b.mention(zoe, "the analyst", 0, "")
		b.relationship(graph.AppearedOn, zoe, evening, "Zoë Ábrahám told Evening Hour", "told", 0.7)
		b.claim("The front is weaker than it looks", "the analyst", "said", true, []string{zoe}, []string{nvf}, 0.9)
	}
	return b.build()
}

const textCoastal = `The Mountain Brigade and the Northern Valley Front fought again outside Port Alden. ` +
	`Professor Dmitri Volkov of Київський університет said the clashes would spread beyond the valley. ` +
	`He hosts Evening Hour on Radio Alden.`

func coastal(t testing.TB) *graph.Extraction {
	b := article(t, "https://coastal-post.example/news/4411", "The Coastal Post", "Fighting resumes", dateCoastal, textCoastal)
	brigade := b.entity(graph.Group, "Mountain Brigade")
	nvf := b.entity(graph.Group, "Northern Valley Front")
	port := b.entity(graph.Place, "Port Alden")
	volkov := b.entity(graph.Person, "Dmitri Volkov")
	b.with([]string{"professor"}, nil)
	univ := b.entity(graph.Organization, "Київський університет", "Kyiv University")
	evening := b.entity(graph.Program, "Evening Hour")
	radio := b.entity(graph.Outlet, "Radio Alden")
	b.mention(brigade, "Mountain Brigade", 0, "").
		mention(nvf, "Northern Valley Front", 0, "").
		mention(port, "Port Alden", 0, "").
		mention(volkov, "Dmitri Volkov", 0, "professor").
		mention(univ, "Київський університет", 0, "").
		mention(evening, "Evening Hour", 0, "").
		mention(radio, "Radio Alden", 0, "")
	// The rivalry again, written the other way round.
	b.relationship(graph.RivalOf, brigade, nvf, "The Mountain Brigade and the Northern Valley Front fought", "fought", 0.6).
		relationship(graph.MemberOf, volkov, univ, "Dmitri Volkov of Київський університет", "of", 0.6).
		relationship(graph.Hosted, volkov, evening, "He hosts Evening Hour", "hosts", 0.7).
		relationship(graph.PartOf, evening, radio, "Evening Hour on Radio Alden", "on", 0.5).
		claim("the clashes would spread beyond the valley", "Professor Dmitri Volkov of Київський університет", "said", false,
			[]string{volkov}, []string{brigade, nvf}, 0.5)
	return b.build()
}

const textUndated = `Residents of Port Alden reported quiet streets, and the NVF did not comment. ` +
	`Evening Hour Weekend will air a special. Evening Hour Weekend listeners called in! ` +
	`Evening Hour Weekend hosts read their messages.`

// undated has no publication date: it is dated by its ingest date.
func undated(t testing.TB) *graph.Extraction {
	b := article(t, "", "VALLEY HERALD", "Quiet streets", time.Time{}, textUndated)
	port := b.entity(graph.Place, "Port Alden")
	nvf := b.entity(graph.Group, "Northern Valley Front")
	weekend := b.entity(graph.Program, "Evening Hour Weekend")
	b.mention(port, "Port Alden", 0, "").
		mention(nvf, "NVF", 0, "").
		mention(weekend, "Evening Hour Weekend", 0, "").
		mention(weekend, "Evening Hour Weekend", 1, "").
		mention(weekend, "Evening Hour Weekend", 2, "")
	return b.build()
}

// world returns the three articles in the order they are usually written.
func world(t testing.TB) []*graph.Extraction {
	return []*graph.Extraction{valley(t, false), coastal(t), undated(t)}
}

package extract

import (
	"strings"

	g "github.com/newsgraph/newsgraph/graph"
)

// A relation pattern is a regular expression over a sentence abstract (see
// abstract). Macros:
//
//	{X} {Y} {P} {H} {A} {B}  an entity slot, with an optional article and an
//	                         optional acronym apposition ("E1 , or E2 ,")
//	{W}                      up to three lower-case filler words
//	{F}                      up to eight filler items that are not entities
//	{R}                      up to three role words before a name
//	{T}                      an optional age and title before a name ("58-year-old", "President", "Sen .")
//
// The trigger words are captured by the groups "t" and "t2".
type relPattern struct {
	name  string
	expr  string
	keys  []string // the sentence must contain one of these words
	out   []relOut
	roles map[string]string // slot group -> role it gives the entity
}

type relOut struct {
	typ      g.RelationType
	src, tgt string // slot group names
	conf     float64
}

func one(t g.RelationType, src, tgt string, conf float64) []relOut {
	return []relOut{{t, src, tgt, conf}}
}

var relPatterns = []relPattern{
	// RIVAL_OF
	{name: "rival-between", keys: []string{"between"}, out: one(g.RivalOf, "x", "y", 0.8),
		expr: `(?P<t>(?:clash|clashes|battle|battles|fighting|rivalry|rivalries|war|conflict|tensions?|hostilit(?:y|ies)|feud|infighting|skirmish(?:es)?|fight) between) {X} and {Y}`},
	{name: "rival-verb", keys: []string{"clash", "fought", "fight", "battl", "feud", "war"}, out: one(g.RivalOf, "x", "y", 0.75),
		expr: `{X} (?:has |have |had |is |are |was |were |has been |have been )?(?:repeatedly |also |often |reportedly )?(?P<t>clashed|clashes|clash|clashing|fought|fights|fight|fighting|battled|battles|battling|feuded|at war) (?:with |against )(?:the |its |their )?(?:rival )?{Y}`},
	{name: "rival-noun", keys: []string{"rival", "enem", "foe", "opponent"}, out: one(g.RivalOf, "x", "y", 0.7),
		expr: `{X} (?:'s |, |is |was |are |were )(?:a |an |the |its |their )?(?:[a-z-]+ )?(?P<t>rivals?|arch-rivals?|archrivals?|enemy|enemies|foes?|opponents?) (?:of |to )?(?:the )?{Y}`},
	{name: "rivals-pair", keys: []string{"rival", "enem", "foe"}, out: one(g.RivalOf, "x", "y", 0.7),
		expr: `{X} and {Y} (?:, |are |were |have long been |remain )(?:[a-z-]+ )?(?P<t>rivals|enemies|foes)`},
	{name: "rivals-premodifier", keys: []string{"rival"}, out: one(g.RivalOf, "x", "y", 0.7),
		expr: `(?P<t>rivals|rival groups|rival factions) {X} and {Y}`},
	{name: "rift-with", keys: []string{"rift", "feud", "rivalry", "hostil", "tension"}, out: one(g.RivalOf, "x", "y", 0.55),
		expr: `{X} {F}(?P<t>rifts?|feud|rivalry|hostility|tensions?) with {Y}`},
	// BRANCH_OF
	{name: "branch-apposition", keys: []string{"branch", "affiliate", "wing", "offshoot", "franchise", "chapter", "faction", "splinter", "arm", "subsidiar", "unit", "division"}, out: one(g.BranchOf, "x", "y", 0.85),
		expr: `{X} , (?:(?:a|an|the|its) )?{W}(?P<t>branch|affiliate|wing|offshoot|franchise|chapter|arm|faction|splinter group|splinter|subsidiary|unit|division) of {W}{Y}`},
	{name: "branch-copula", keys: []string{"branch", "affiliate", "wing", "offshoot", "franchise", "chapter", "faction", "splinter", "arm", "subsidiar", "unit", "division"}, out: one(g.BranchOf, "x", "y", 0.85),
		expr: `{X} (?:has |have |had )?(?:long |since |also )?(?:emerged as|is|was|became|become|serves as|operates as|functions as|remains|began as|started as) (?:a|an|the|its) {W}(?P<t>branch|affiliate|wing|offshoot|franchise|chapter|arm|faction|splinter group|subsidiary|unit|division) of {W}{Y}`},
	{name: "branch-premodifier", keys: []string{"branch", "affiliate", "wing", "offshoot", "franchise", "subsidiar"}, out: one(g.BranchOf, "x", "y", 0.75),
		expr: `{Y} (?:'s )?(?:local |regional |[a-z]+-owned |wholly-owned )?(?P<t>affiliate|branch|offshoot|franchise|wing|subsidiary) (?:, )?{X}`},
	// Ownership and completed takeovers of one organisation by another
	// (relationPlausible asks for two organisations): "X, owned by Y",
	// "Y has bought X", "Y completed its takeover of X".
	{name: "branch-owned-by", keys: []string{"owned by", "controlled by"}, out: one(g.BranchOf, "x", "y", 0.75),
		expr: `{X} (?:, )?(?:which is |which was |is |was |are |were |has been |is now |was then )?(?:now |wholly |majority |partly |jointly |largely |also )?(?P<t>owned by|controlled by) {Y}`},
	{name: "branch-acquired", keys: []string{"bought", "acquired", "took over", "taken over", "takeover", "purchase", "acquisition"}, out: one(g.BranchOf, "x", "y", 0.65),
		expr: `{Y} (?:has |had |have |finally |recently |already |last year |eventually )*(?P<t>bought|acquired|took over|taken over|completed (?:its |the |a )?(?:[a-z-]+ )?(?:takeover|purchase|acquisition) of) {X}`},
	// A parent named by its child: "Kestrel's parent company Vexa",
	// "Vexa, the parent company of Kestrel", "Vexa, which owns Kestrel"
	// (relationPlausible and kindsOf ask for two bodies).
	{name: "branch-parent", keys: []string{"parent", "owner", "owns"}, out: one(g.BranchOf, "x", "y", 0.7),
		expr: `{X} 's (?:[a-z-]+ )?(?P<t>parent company|parent group|parent firm|parent|owner) (?:, )?{Y}`},
	{name: "branch-parent-of", keys: []string{"parent", "owner", "owns"}, out: one(g.BranchOf, "x", "y", 0.7),
		expr: `{Y} , (?:the |its |which is the )?(?:[a-z-]+ )?(?P<t>parent company of|parent group of|parent firm of|parent of|owner of|which owns|which also owns|which already owns) {X}`},
	{name: "branch-split", keys: []string{"split", "broke", "splinter", "affiliated"}, out: one(g.BranchOf, "x", "y", 0.7),
		expr: `{X} (?:, which |which |that )?(?:has |had )?(?P<t>split from|split off from|broke away from|splintered from|is affiliated with|was affiliated with|are affiliated with) {Y}`},
	// MEMBER_OF
	{name: "member-apposition", roles: map[string]string{"x": triggerRole}, keys: []string{"member", "fighter", "militant", "spokes", "official", "operative", "recruit", "supporter", "lawmaker", "mp", "senator", "commissioner", "economist", "analyst", "executive", "professor", "lecturer", "researcher", "scientist", "correspondent", "editor", "employee", "engineer", "prosecutor", "trader", "strategist", "advis", "manager", "officer"}, out: one(g.MemberOf, "x", "y", 0.75),
		expr: `{X} , (?:a |an |the )?{W}(?P<t>members?|fighters?|militants?|spokesman|spokeswoman|spokesperson|officials?|operatives?|recruits?|supporters?|lawmaker|mp|senator|commissioner|economist|analyst|executive|professor|lecturer|researcher|scientist|correspondent|editor|employee|engineer|prosecutor|trader|strategist|adviser|advisor|manager|officer) (?:of|for|with|from|at) (?:[a-z-]+ ){0,2}{Y}`},
	{name: "member-premodifier", roles: map[string]string{"x": triggerRole}, keys: []string{"member", "fighter", "militant", "spokes", "official", "operative", "lawmaker", "mp", "senator", "commander", "commissioner", "economist", "analyst", "executive", "correspondent", "editor", "engineer", "strategist", "director", "secretary", "chancellor",
		"manager", "coach", "striker", "midfielder", "defender", "winger", "goalkeeper", "keeper", "full-back", "fly-half", "scrum-half", "flanker"}, out: one(g.MemberOf, "x", "y", 0.7),
		expr: `{Y} (?:'s )?(?:senior |former |top |local |new |veteran |assistant |first-team )?(?P<t>member|fighter|militant|commander|spokesman|spokeswoman|spokesperson|official|operative|lawmaker|mp|senator|commissioner|economist|analyst|executive|correspondent|editor|engineer|strategist|director|secretary|chancellor|manager|coach|striker|midfielder|defender|winger|goalkeeper|keeper|full-back|fly-half|scrum-half|flanker) (?:[a-z]{2,4} ?\. )?{X}`},
	// A military rank between a force and a name: "Navy Capt. X", "the
	// Kestrel Brigade's Col. X" (kindsOf keeps places out: "U.S. Gen. X").
	{name: "member-rank", roles: map[string]string{"x": triggerRole}, keys: []string{"capt.", "lt.", "sgt.", "gen.", "col.", "adm.", "cmdr.", "cpl.", "pvt.", "captain ", "lieutenant ", "sergeant ", "colonel ", "admiral ", "corporal "}, out: one(g.MemberOf, "x", "y", 0.65),
		expr: `{Y} (?:'s )?(?P<t>capt|lt|sgt|gen|col|adm|cmdr|cpl|pvt|captain|lieutenant|sergeant|colonel|admiral|corporal)(?: ?\.)? {X}`},
	// "Greg Thayer of the U.S. Forest Service", "Boston University's
	// Michael Papagiannis", "Jack Frazier, Rotary Club president": a
	// person of an organisation works for it (relationPlausible asks for a
	// person).
	{name: "member-of", keys: []string{"of"}, out: one(g.MemberOf, "x", "y", 0.6),
		expr: `{X} (?:, )?(?P<t>of) (?:the [a-z]+ )?{Y} (?:,|\.|said|says|told|and|who|in|\(|;|"|$)`},
	{name: "member-possessive", keys: []string{"'s"}, out: one(g.MemberOf, "x", "y", 0.6),
		expr: `{Y} (?P<t>'s) {X}`},
	{name: "member-apposition-premodifier", roles: map[string]string{"x": triggerRole}, keys: []string{","}, out: one(g.MemberOf, "x", "y", 0.65),
		expr: `{X} , (?:a |an |the )?(?:former |senior |top )?{Y} (?:'s )?(?:[a-z]+ )?(?P<t>spokesman|spokeswoman|spokesperson|official|executive|economist|analyst|director|meteorologist|engineer|researcher|scientist|correspondent|editor|member|commissioner|lawmaker|mp|senator|professor|lecturer|officer|lawyer|attorney|employee|manager|coach|striker|midfielder|defender|winger|goalkeeper|keeper|full-back|fly-half|scrum-half|flanker) (?:,|\.|said|says|told|and|who|in|at|for|on|with|responsible|$)`},
	{name: "leader-apposition-premodifier", roles: map[string]string{"x": triggerRole}, keys: []string{","}, out: one(g.LeaderOf, "x", "y", 0.7),
		expr: `{X} , (?:the |a |an )?(?:new )?{Y} (?:'s )?(?P<t>president|chairman|chairwoman|chief executive|leader|head|chief|founder|secretary-general|director general|director-general|managing director|boss) (?:,|\.|said|says|told|and|who|$)`},
	{name: "member-verb", keys: []string{"join", "member", "defect", "allegiance", "fight"}, out: one(g.MemberOf, "x", "y", 0.7),
		expr: `{X} (?:has |have |had |later |reportedly )?(?P<t>joined|is a member of|was a member of|are members of|were members of|became a member of|defected to|pledged allegiance to|swore allegiance to|fights for|fought for) {Y}`},
	// "X will remain a commissioner of Y", "X was an economist at Y".
	{name: "member-copula", roles: map[string]string{"x": triggerRole}, keys: []string{"member", "spokes", "official", "executive", "economist", "analyst", "professor", "lecturer", "researcher", "scientist", "correspondent", "editor", "employee", "engineer", "commissioner", "director", "advis", "lawyer", "manager"}, out: one(g.MemberOf, "x", "y", 0.65),
		expr: `{X} (?:is |was |are |were |has been |had been |will be |will remain |remains |remained |became |becomes |is now |was once )(?:a |an |the )(?:former |senior |top |chief |longtime |[a-z]+al |[a-z]+ic )?(?P<t>spokesman|spokeswoman|spokesperson|official|executive|economist|analyst|professor|lecturer|researcher|scientist|correspondent|editor|employee|engineer|commissioner|director|adviser|advisor|lawyer|manager) (?:of|for|at|with) {Y}`},
	// "X, a professor of economics at Y", "X, an expert on missiles at Y",
	// "X, vice president of sales at Y": the role's own complement, then
	// the employer (a division's president is the firm's member).
	{name: "member-role-at", roles: map[string]string{"x": triggerRole}, keys: []string{"professor ", "expert ", "lecturer ", "researcher ", "scientist ", "fellow ", "director ", "head ", "analyst ", "economist ", "specialist ", "engineer ", "consultant ", "manager ", "curator ", "editor ", "correspondent ", "president ", "officer ", "partner "}, out: one(g.MemberOf, "x", "y", 0.65),
		expr: `{X} , (?:a |an |the )?{W}(?P<t>professor|expert|lecturer|researcher|scientist|fellow|director|head|analyst|economist|specialist|engineer|consultant|manager|curator|editor|correspondent|president|officer|partner) (?:of|on|in|for) (?:[a-z-]+ ){1,4}(?:at|with) {Y}`},
	// "X, director of Y's research centre": the head of a body's unit is
	// the body's member. A unit with a name of its own ("director of
	// Kestrelia's Vexa Theatre") may not be Y's.
	{name: "member-role-of-unit", roles: map[string]string{"x": triggerRole}, keys: []string{"director ", "head ", "chief ", "chairman ", "chairwoman ", "president ", "manager ", "officer ", "economist ", "analyst ", "spokes", "editor ", "secretary "}, out: one(g.MemberOf, "x", "y", 0.65),
		expr: `{X} , (?:a |an |the )?{W}(?P<t>director|head|chief|chairman|chairwoman|president|manager|officer|economist|analyst|spokesman|spokeswoman|spokesperson|editor|secretary) of (?:the )?{Y} 's (?:[a-z][a-z-]* ){1,4}(?:,|\.|said|says|told|and|who|$)`},
	// "X, a partner at Y": a partner of a firm of lawyers or accountants
	// (only a person: firms are partners of firms).
	{name: "member-partner-at", roles: map[string]string{"x": triggerRole}, keys: []string{"partner at"}, out: one(g.MemberOf, "x", "y", 0.7),
		expr: `{X} , (?:a |an |the )?(?:senior |managing |equity |executive |founding )?(?P<t>partner) at (?:the )?(?:[a-z]+ )?(?:firm )?{Y}`},
	// Employment and playing for a club: "X, who works for Y", "X signed
	// for Y", "X is employed by Y".
	// "X was appointed to the board of Y", "X sits on the board of Y".
	{name: "member-board", roles: map[string]string{"x": "board member"}, keys: []string{"board of"}, out: one(g.MemberOf, "x", "y", 0.65),
		expr: `{X} (?:, who |who )?(?:has |had |have |was |were |is |will |has been |had been |will be |also )*(?:appointed|named|elected|nominated|sits|sat|sitting|serves|served|serving|joined|join|joins) (?:to |on )?(?:the )?(?P<t>board of) (?:directors of )?{Y}`},
	{name: "member-works-for", keys: []string{"works for", "worked for", "working for", "signed for", "plays for", "played for", "playing for", "employed by"}, out: one(g.MemberOf, "x", "y", 0.7),
		expr: `{X} (?:, who |who |, )?(?:has |had |now |still |also |currently |previously |once )*(?P<t>works for|worked for|working for|signed for|plays for|played for|playing for|is employed by|was employed by) {Y}`},
	// ALLIED_WITH
	{name: "ally-between", keys: []string{"alliance", "cooperation", "partnership", "pact", "ties"}, out: one(g.AlliedWith, "x", "y", 0.75),
		expr: `(?P<t>alliance|cooperation|partnership|pact|ties|collaboration) between {X} and {Y}`},
	{name: "ally-verb", keys: []string{"allied", "aligned", "sided", "cooperat", "partner", "teamed", "joined forces", "alliance"}, out: one(g.AlliedWith, "x", "y", 0.8),
		expr: `{X} (?:has |have |had |is |are |was |were |closely )?(?P<t>allied|aligned|sided|cooperated|cooperating|cooperates|partnered|teamed up|joined forces|formed an alliance|forged an alliance) with {Y}`},
	{name: "ally-pair", keys: []string{"alliance", "forces", "cooperate", "allies", "allied"}, out: one(g.AlliedWith, "x", "y", 0.75),
		expr: `{X} and {Y} (?:have |had |later )?(?P<t>formed an alliance|forged an alliance|joined forces|agreed to cooperate|are allies|were allies|allied|are allied)`},
	// Business deals: "a joint venture between X and Y", "X signed a
	// partnership with Y" (relationPlausible keeps people out: a player's
	// contract with a club is no alliance).
	{name: "ally-deal-between", keys: []string{"venture", "partnership", "tie-up", "deal", "agreement"}, out: one(g.AlliedWith, "x", "y", 0.7),
		expr: `(?P<t>joint venture|partnership|tie-up|deal|agreement|alliance) (?:between|of) {X} and {Y}`},
	{name: "ally-deal-with", keys: []string{"venture", "partnership", "tie-up", "deal", "agreement", "alliance", "pact"}, out: one(g.AlliedWith, "x", "y", 0.7),
		expr: `{X} (?:has |have |had |is |are |was |were |also |recently |already |now )*(?:signed|agreed|struck|formed|set up|sealed|launched|announced|entered|entered into|created|established|forged|reached) (?:a |an |its |the |their )?(?:[a-z0-9-]+ ){0,2}(?P<t>joint venture|partnership|tie-up|deal|agreement|alliance|pact) with {Y}`},
	// "X and Y signed a partnership", "X and Y have formed a joint
	// venture" (organisations and states only, as ally-deal-with).
	{name: "ally-pair-deal", keys: []string{"venture", "partnership", "tie-up", "alliance", "pact"}, out: one(g.AlliedWith, "x", "y", 0.7),
		expr: `{X} and {Y} (?:have |had |has |also |recently |now |jointly )*(?:signed|agreed|struck|formed|set up|sealed|launched|announced|entered into|created|established|forged|reached) (?:a |an |the |their )?(?:[a-z0-9-]+ ){0,2}(?P<t>joint venture|partnership|tie-up|alliance|pact)`},
	{name: "ally-noun", keys: []string{"ally", "allies"}, out: one(g.AlliedWith, "x", "y", 0.7),
		expr: `{X} (?:'s |, (?:an? |the |a close |a key )?|(?:is |was |are |were )(?:an? |the )?(?:close |key |longtime |staunch )?)(?P<t>ally|allies)(?: of)? {Y}`},
	// ATTACKED
	// The verbs include CAMEO 2.0 classes 18-20 (assault, fight, mass
	// violence; Phoenix dictionaries, MIT), in the past tense.
	{name: "attack-verb", keys: []string{"attack", "bomb", "struck", "shell", "raid", "ambush", "target", "assault", "invad", "storm", "kill", "kidnap", "abduct", "fire", "strike", "launched", "carried", "assassinat", "besieg", "massacr", "shot", "stabb", "pound", "ransack", "overr", "torture", "terroriz", "gunned", "murder", "strangl", "slew"}, out: one(g.Attacked, "x", "y", 0.75),
		expr: `{X} (?:, who |who )?(?:has |have |had |reportedly |allegedly |then |also |later |repeatedly )*(?P<t>shot and killed|shot and mortally wounded|shot and wounded|shot dead|gunned down|murdered|strangled|slew|attacked|bombed|bombarded|struck|shelled|raided|ambushed|targeted|assaulted|invaded|stormed|killed|kidnapped|abducted|assassinated|besieged|massacred|shot|stabbed|pounded|ransacked|overran|tortured|terrorized|terrorised|fired on|fired at|opened fire on|opened fire at|launched (?:an |a |new |fresh |several |multiple )?(?:[a-z-]+ )?(?:attacks?|strikes?|assaults?|offensive|raids?) (?:on|against)|carried out (?:an |a |the )?(?:[a-z-]+ )?(?:attacks?|bombings?|strikes?|raids?) (?:on|against)) {T}{Y}`},
	// "X fired rockets into Y", "X launched missiles at Y".
	{name: "attack-missiles", keys: []string{"rocket", "missile", "shell", "mortar", "grenade", "bomb"}, out: one(g.Attacked, "x", "y", 0.7),
		expr: `{X} (?:has |have |had |reportedly |also |then )*(?P<t>fired|launched|lobbed|dropped) (?:a |an |two |three |several |dozens of |more |new )?(?:[a-z-]+ )?(?:rockets?|missiles?|shells|mortars?|mortar rounds|grenades?|bombs?) (?:at|into|on|against) {Y}`},
	{name: "attack-passive", keys: []string{"by"}, out: one(g.Attacked, "x", "y", 0.75),
		expr: `{Y} (?:was|were|has been|have been|had been|is|are|being) (?:[a-z]+ )?(?P<t>attacked|bombed|bombarded|targeted|struck|shelled|raided|ambushed|hit|invaded|stormed|killed|kidnapped|abducted|assassinated|besieged|massacred|shot|stabbed|pounded|overrun|tortured|murdered|gunned down|slain|strangled) (?:to death |dead |in (?:the |his |her )?[a-z]+ )?by {X}`},
	// Killings named by a noun or a gerund: "the assassination of Y by
	// X", "X, the assassin of Y", "Y's killer, X", "X was convicted of
	// murdering Y", "X, serving life for killing Y".
	{name: "attack-killing-of-by", keys: []string{"by"}, out: one(g.Attacked, "x", "y", 0.7),
		expr: `(?P<t>(?:assassination|murder|killing|slaying|shooting|stabbing) of) {T}{Y} by {X}`},
	{name: "attack-assassin-of", keys: []string{"assassin", "killer", "murderer"}, out: one(g.Attacked, "x", "y", 0.7),
		expr: `{X} , (?:the |a |an )?(?:convicted |accused |alleged |confessed |self-confessed |suspected )?(?P<t>assassin|killer|murderer) of {T}{Y}`},
	{name: "attack-possessive-killer", keys: []string{"assassin", "killer", "murderer"}, out: one(g.Attacked, "x", "y", 0.7),
		expr: `{Y} (?:'s )?(?:convicted |accused |alleged |confessed )?(?P<t>assassin|killer|murderer) (?:, )?{X}`},
	{name: "attack-convicted-of", keys: []string{"murder", "killing", "assassinat", "slaying"}, out: one(g.Attacked, "x", "y", 0.65),
		expr: `{X} (?:, who |who |, )?(?:was |is |has been |had been |were |are )?(?:accused|convicted|charged|found guilty|guilty|suspected|jailed|sentenced|sentenced to death|sentenced to life|imprisoned|pleaded guilty|pleads guilty|went on trial|goes on trial|stood trial|on trial|serving (?:[a-z0-9-]+ ){1,4}) (?:of |with |for |to |in )(?:the )?(?P<t>murdering|killing|assassinating|stabbing|murder of|killing of|assassination of|slaying of|shooting of|stabbing of) {T}{Y}`},
	{name: "attack-responsibility", keys: []string{"responsib"}, out: one(g.Attacked, "x", "y", 0.7),
		expr: `{X} (?:has |have |had )?(?:quickly |later |also )?(?P<t>claimed responsibility for|took responsibility for|claimed|accepted responsibility for) (?:the |an |a |this |last [a-z]+ 's |[a-z]+ 's )?(?:[a-z-]+ )?(?:attacks?|bombings?|strikes?|raids?|assaults?|ambush|blasts?|killings?|massacre|shooting) (?:on|of|against|targeting|in) {Y}`},
	{name: "attack-noun-on-by", keys: []string{"by"}, out: one(g.Attacked, "x", "y", 0.75),
		expr: `(?P<t>(?:attacks?|bombings?|strikes?|airstrikes?|air strikes|raids?|shelling|assaults?|offensive|counterattacks?|ambush(?:es)?) (?:on|against|targeting)) {Y}(?: 's(?: [a-z-]+){1,2})? by {X}`},
	{name: "attack-noun-by-on", keys: []string{"by"}, out: one(g.Attacked, "x", "y", 0.75),
		expr: `(?P<t>(?:attacks?|bombings?|strikes?|airstrikes?|air strikes|raids?|shelling|assaults?|offensive|counterattacks?|ambush(?:es)?) by) {X} (?:on|against|targeting) {Y}`},
	{name: "attack-possessive", keys: []string{"'s"}, out: one(g.Attacked, "x", "y", 0.7),
		expr: `{X} 's (?:[a-z-]+ )?(?P<t>attacks?|bombings?|strikes?|airstrikes?|raids?|offensive|assault|shelling) (?:on|against) {Y}`},
	{name: "attack-despite", keys: []string{"by"}, out: one(g.Attacked, "x", "y", 0.6),
		expr: `(?:despite|after|enduring|endured|suffered|suffering|facing|withstood|survived|weathered) {F}(?P<t>(?:attacks?|bombings?|strikes?|airstrikes?|raids?|counterattacks?|offensives?|assaults?|shelling) by) {X} , {Y}`},
	{name: "attack-under-fire", keys: []string{"under"}, out: one(g.Attacked, "x", "y", 0.7),
		expr: `{Y} (?:came|has come|have come|is|was|were|are|had come) under (?P<t>attack|fire) from {X}`},
	// HOSTED and APPEARED_ON
	{name: "episode-brought-together", keys: []string{"episode", "edition", "segment", "broadcast", "installment"},
		out:   []relOut{{g.Hosted, "h", "p", 0.8}, {g.AppearedOn, "a", "p", 0.8}, {g.AppearedOn, "b", "p", 0.8}},
		roles: map[string]string{"h": "host"},
		expr:  `(?P<t>(?:episode|edition|segment|installment|broadcast) of) {P} , {H} (?P<t2>brought together|hosted|welcomed|interviewed|spoke with|talked with|spoke to|talked to|sat down with|invited|moderated a debate between|moderated a discussion between|moderated) {R}{A}(?: ,)?(?: and {R}{B})?`},
	{name: "host-premodifier", keys: []string{"host", "presenter", "anchor", "moderator"}, out: one(g.Hosted, "h", "p", 0.8),
		roles: map[string]string{"h": "host"},
		expr:  `{P} (?:'s )?(?P<t>host|presenter|anchor|moderator) {H}`},
	{name: "host-apposition", keys: []string{"host", "presenter", "anchor", "moderator"}, out: one(g.Hosted, "h", "p", 0.8),
		roles: map[string]string{"h": "host"},
		expr:  `{H} , (?:the |a |an )?{W}(?P<t>host|presenter|anchor|moderator) of {P}`},
	{name: "hosted-by", keys: []string{"by"}, out: one(g.Hosted, "h", "p", 0.75),
		roles: map[string]string{"h": "host"},
		expr:  `{P} (?:, )?{F}(?P<t>hosted by|presented by|moderated by|anchored by) {R}{H}`},
	{name: "host-verb", keys: []string{"host", "present", "anchor"}, out: one(g.Hosted, "h", "p", 0.75),
		roles: map[string]string{"h": "host"},
		expr:  `{H} (?:, who |who )?(?P<t>hosts|hosted|presents|presented|anchors|anchored) {P}`},
	{name: "appeared-verb", keys: []string{"told", "on", "interview", "speaking", "spoke", "guest"}, out: one(g.AppearedOn, "a", "p", 0.7),
		expr: `{A} (?:, )?(?:[^E ]\S* ){0,4}?(?P<t>told|said on|speaking on|speaking to|appeared on|appearing on|was a guest on|a guest on|was interviewed on|in an interview with|spoke to|said in an interview with) {P}`},
	// "X told Kestrel Radio's Morning Show programme": the programme,
	// named after its outlet's possessive, is where X appeared.
	{name: "appeared-outlet-programme", keys: []string{"told", "on", "speaking", "spoke", "interview"}, out: one(g.AppearedOn, "a", "p", 0.7),
		expr: `{A} (?:, )?(?:[^E ]\S* ){0,4}?(?P<t>told|said on|speaking on|speaking to|appeared on|appearing on|was interviewed on|spoke to|said in an interview with) {Y} 's {P}`},
	{name: "appeared-fronted", keys: []string{"speaking", "appearing", "interview", "guest"}, out: one(g.AppearedOn, "a", "p", 0.7),
		expr: `(?P<t>speaking on|appearing on|in an interview with|speaking to|guests? on|a guest of|in an interview on) {P} , {R}{A}`},
	{name: "appeared-guests", keys: []string{"guest"}, out: []relOut{{g.AppearedOn, "a", "p", 0.7}, {g.AppearedOn, "b", "p", 0.7}},
		expr: `(?P<t>guests?) (?:on|of) {P} (?:, )?(?:included |were |was )?{R}{A}(?: ,)?(?: and {R}{B})?`},
	// PART_OF: a programme of an outlet.
	{name: "programme-of-outlet", keys: []string{"programme", "program", "show", "series", "broadcast"}, out: one(g.PartOf, "p", "y", 0.75),
		expr: `{P} , (?:a |an |the )?{W}(?P<t>programme|program|show|series) (?:broadcast |aired |produced |run )?(?:by|on|of) {Y}`},
	{name: "outlet-programme", keys: []string{"'s"}, out: one(g.PartOf, "p", "y", 0.7),
		expr: `{Y} (?P<t>'s) (?:[a-z-]+ )?(?:programme |program |show )?{P}`},
	// LOCATED_IN
	{name: "located-verb", keys: []string{"based", "headquarter", "located", "active", "operat", "entrenched", "stationed", "deployed", "present"}, out: one(g.LocatedIn, "x", "y", 0.7),
		expr: `{X} (?:, which is |, which |which |that |is |was |are |were |has been |remains )?(?:mainly |mostly |largely |primarily |also )?(?P<t>based|headquartered|located|active|operating|operates|operate|entrenched|stationed|deployed|present) (?:mainly |mostly |largely |primarily )?(?P<t2>in|across|throughout) {Y}`},
	// "Pacific Cranes Inc. of Houston", "the University of Leeds in
	// England": an organisation of a place (relationPlausible asks for an
	// organisation's name, not a person's).
	{name: "located-of", keys: []string{"of"}, out: one(g.LocatedIn, "x", "y", 0.55),
		expr: `{X} (?:, )?(?P<t>of) {Y} (?:,|\.|said|says|and|\(|;|"|which|has|had|was|is|$)`},
	{name: "located-in", keys: []string{"in"}, out: one(g.LocatedIn, "x", "y", 0.5),
		expr: `{X} (?P<t>in) {Y}`},
	{name: "located-possessive", keys: []string{"'s"}, out: one(g.LocatedIn, "x", "y", 0.6),
		expr: `{Y} (?P<t>'s) {X}`},
	// "McAllen, Texas", "Ottawa, Canada": a place and the larger place it
	// lies in; lists of places are ruled out in relationPlausible.
	{name: "located-comma", keys: []string{","}, out: one(g.LocatedIn, "x", "y", 0.55),
		expr: `{X} (?P<t>,) {Y}`},
	// LEADER_OF
	{name: "leader-apposition", roles: map[string]string{"x": triggerRole}, keys: []string{"leader", "head", "chief", "founder", "commander", "president", "chair", "emir", "minister", "director", "secretary", "governor", "mayor"}, out: one(g.LeaderOf, "x", "y", 0.8),
		expr: `{X} , (?:the |a |an )?{W}(?P<t>leader|head|chief|founder|co-founder|commander|president|chairman|chairwoman|emir|chief executive|prime minister|director|secretary-general|governor|mayor) of (?:[a-z-]+ )?{Y}`},
	{name: "leader-premodifier", roles: map[string]string{"x": triggerRole}, keys: []string{"leader", "chief", "head", "emir", "founder", "commander", "president", "minister", "chair", "governor", "secretary", "general", "director", "boss"}, out: one(g.LeaderOf, "x", "y", 0.75),
		expr: `{Y} (?:'s )?(?:supreme |top |new |former |late )?(?P<t>leader|chief executive|chief|head|emir|founder|commander|president|prime minister|chairman|chairwoman|governor|secretary-general|secretary general|general secretary|director general|director-general|managing director|boss) {X}`},
	// The title with its holder in apposition: "Kestrel's new chief
	// executive, Tom Hale, said". The name must close the apposition (a
	// comma, a full stop or a verb), else it may be the subject of the
	// next clause ("to Kestrel's chief, Hale wrote").
	{name: "leader-premodifier-apposition", roles: map[string]string{"x": triggerRole}, keys: []string{"leader", "chief", "head", "founder", "president", "chair", "governor", "secretary", "director", "boss"}, out: one(g.LeaderOf, "x", "y", 0.7),
		expr: `{Y} (?:'s )?(?:supreme |top |new |former |late )?(?P<t>leader|chief executive|chief|head|founder|president|chairman|chairwoman|governor|secretary-general|secretary general|general secretary|director general|director-general|managing director|boss) , {X} (?:,|\.|said|says|told|has|had|was|is|will|who|$)`},
	// Appointments: "X was named chief executive of Y", "X took over as
	// chairman of Y", "X became leader of Y".
	{name: "leader-appointed", roles: map[string]string{"x": triggerRole}, keys: []string{"appointed", "named", "elected", "became", "become", "becomes", "took over as", "takes over as", "installed as", "promoted to"}, out: one(g.LeaderOf, "x", "y", 0.75),
		expr: `{X} (?:, who |who )?(?:has |had |have |was |were |is |will |would |has been |had been |will be |later |then |recently |subsequently )*(?:appointed|named|elected|became|become|becomes|took over as|takes over as|installed as|promoted to)(?: as)? (?:the )?(?:new |interim |acting |first )?(?P<t>leader|chief executive|chief|head|president|chairman|chairwoman|managing director|director general|director-general|secretary-general|general secretary|boss|governor|mayor) of (?:the [a-z-]+ )?{Y}`},
	// "X is chief executive of Y", "X has been chairman of Y": the copula
	// with a leader's title; "X stepped down as chairman of Y", "X
	// resigned as its boss": a leader's leaving says whom he led.
	{name: "leader-copula", roles: map[string]string{"x": triggerRole}, keys: []string{"leader", "chief", "head", "president", "chair", "director", "secretary", "boss", "founder"}, out: one(g.LeaderOf, "x", "y", 0.7),
		expr: `{X} (?:, who |who )?(?:is |was |has been |had been |remains |remained |serves as |served as |will remain |is now |was then |is also |was also )(?:the )?(?:new |interim |acting |former |current |founding |outgoing )?(?P<t>leader|chief executive|chief|head|president|chairman|chairwoman|managing director|director general|director-general|secretary-general|general secretary|boss|founder|co-founder) of (?:the [a-z-]+ )?{Y}`},
	{name: "leader-departure", roles: map[string]string{"x": triggerRole}, keys: []string{"stepped down", "steps down", "step down", "resign", "quit", "retire", "ousted", "sacked", "fired", "dismissed", "replaced"}, out: one(g.LeaderOf, "x", "y", 0.7),
		expr: `{X} (?:, who |who )?(?:has |had |have |will |is to |is set to |was |is )?(?:stepped down|steps down|step down|resigned|resigns|resign|quit|quits|retired|retires|retire|ousted|sacked|fired|dismissed|replaced) as (?:the )?(?:interim |acting )?(?P<t>leader|chief executive|chief|head|president|chairman|chairwoman|managing director|director general|director-general|secretary-general|general secretary|boss|founder|co-founder) of (?:the [a-z-]+ )?{Y}`},
	{name: "leader-verb", keys: []string{"lead", "led", "head", "found", "command", "runs", "ran ", "chair"}, out: one(g.LeaderOf, "x", "y", 0.7),
		expr: `{X} (?:, who |who )?(?:now |still |also |currently |once )?(?P<t>leads|led|heads|headed|founded|co-founded|commands|commanded|runs|ran|chairs|chaired) {Y}`},
}

// compiledRel is a relation pattern ready to run.
type compiledRel struct {
	relPattern
	re     *filteredRegexp
	keyIdx []int // p.keys as indices into relKeys
}

// relKeys are the distinct key words of all relation patterns: many
// patterns share keys ("spokes", "executive"), and a sentence is searched
// for each once (keyCache).
var relKeys []string

var compiledRels = compileRels(relPatterns)

func compileRels(ps []relPattern) []compiledRel {
	out := make([]compiledRel, len(ps))
	index := map[string]int{}
	for i, p := range ps {
		for _, k := range p.keys {
			at, ok := index[k]
			if !ok {
				at = len(relKeys)
				index[k] = at
				relKeys = append(relKeys, k)
			}
			out[i].keyIdx = append(out[i].keyIdx, at)
		}
		expr := p.expr
		for _, n := range []string{"X", "Y", "P", "H", "A", "B"} {
			expr = strings.ReplaceAll(expr, "{"+n+"}", slotExpr(strings.ToLower(n)))
		}
		expr = strings.ReplaceAll(expr, "{W}", `(?:[a-z][a-z'-]* ){0,3}`)
		expr = strings.ReplaceAll(expr, "{F}", `(?:[^E ]\S* ){0,8}`)
		expr = strings.ReplaceAll(expr, "{R}", `(?:[a-z][a-z-]* ){0,3}`)
		expr = strings.ReplaceAll(expr, "{T}", `(?:[0-9]+-year-old )?(?:(?:the )?(?:president|sen|senator|rev|reverend|dr|mr|mrs|ms|gen|general|king|queen|prince|princess|pope)(?: \.)? )?`)
		out[i].relPattern = p
		out[i].re = mustCompileFiltered(`(?:^| )` + expr + `(?: |$)`)
	}
	return out
}

// slotExpr matches one entity slot named n, with an optional article and an
// optional acronym apposition ("E1 ( E2 )", "E1 , or E2 ,").
func slotExpr(n string) string {
	return `(?:(?:the|this) )?(?P<` + n + `>E\d+)(?: \( E\d+ \)| , or E\d+ ,?)?`
}

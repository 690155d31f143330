package extract

// cueWords are the reporting words of the attribution cues annotated in
// the PolNeAR training split (words seen in cues at least 40 times, function
// words removed): a fact list of English reporting vocabulary. A tagged
// cue without one of them is trusted less. The tagger's gate also takes
// the larger cueLexicon.
var cueWords = setOf(
	"said", "says", "told", "according", "say", "wrote", "called", "asked", "saying", "added", "support",
	"reported", "announced", "suggested", "noted", "argued", "statement", "expected", "calling", "show",
	"described", "endorsed", "shows", "found", "tweeted", "showed", "criticized", "think", "declined",
	"continued", "seemed", "accused", "adding", "call", "want", "wants", "talking", "calls", "sought",
	"declared", "telling", "responded", "refused", "know", "appeared", "acknowledged", "supported", "released",
	"referring", "offered", "criticism", "pointed", "believe", "explained", "agreed", "interview", "supporting",
	"expressed", "voted", "seems", "cited", "proposed", "writes", "urged", "spoke", "concluded", "claimed",
	"appears",
)

package extract

// "Figures show that ...", "the survey showed ...": a record shows what
// it holds, and news reports it as the record's statement. A person who
// "shows" something demonstrates it by what they do ("the striker showed
// his class", "the singer shows he knows it"): the writer's inference, not
// speech. And "show" is as often the noun ("the chat show host"). So a
// cue of showing, proving or demonstrating is a listed reporting cue only
// when its source is a record.

// showForms are the forms of the verbs of showing by evidence.
var showForms = formsOf([]string{"show", "prove", "demonstrate"})

func init() {
	for _, f := range []string{"shown", "proven"} {
		showForms[f] = true
	}
}

// recordNouns head the sources that show by evidence: documents, data and
// the studies that produce them.
var recordNouns = setOf("figure", "figures", "data", "statistics", "stats", "report", "reports", "survey", "surveys",
	"study", "studies", "poll", "polls", "research", "results", "result", "findings", "evidence", "analysis",
	"documents", "document", "papers", "records", "record", "minutes", "e-mails", "emails", "e-mail", "email",
	"letter", "letters", "memo", "memos", "numbers", "estimates", "accounts", "tests", "test", "trial", "trials",
	"experiment", "experiments", "review", "audit", "census", "index", "indicators", "transcript", "files",
	"report's", "research's", "trend", "trends", "calculations", "projections", "forecasts")

// showCue reports whether cue [k0, k1) is a verb of showing.
func (d *doc) showCue(k0, k1 int) bool {
	for k := k0; k < k1; k++ {
		if showForms[d.lower[k]] {
			return true
		}
	}
	return false
}

// recordSource reports whether the source phrase of spk is headed by a
// record noun ("official figures", "a report last month", "the
// survey, conducted by ..."): its first record noun stands before any
// comma or relative word. A source resolved to the body a record comes
// from ("figures from the central bank") counts too.
func (d *doc) recordSource(spk *speaker) bool {
	if t := spk.t0 - 1; t >= 1 && recordLinks[d.lower[t]] {
		for k := t - 1; k >= 0 && k >= t-3 && isWordToken(d.words[k]); k-- {
			if recordNouns[d.lower[k]] {
				return true
			}
		}
	}
	for t := spk.t0; t < spk.t1; t++ {
		w := d.lower[t]
		if w == "," || relativeWords[w] {
			return false
		}
		if recordNouns[w] {
			return true
		}
	}
	return false
}

// recordLinks join a record to the body it comes from.
var recordLinks = setOf("from", "of", "by", "for")

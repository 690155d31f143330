package eval

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/newsgraph/newsgraph/graph"
)

// CoNLLSentence is one sentence of CoNLL-2003 data.
type CoNLLSentence struct {
	Tokens []string
	Labels []string // BIO
	Doc    int      // index of the document (-DOCSTART- block)
}

// LoadCoNLL reads conllpp/conllpp_<split>.txt under dataDir.
func LoadCoNLL(dataDir, split string) ([]CoNLLSentence, error) {
	path := filepath.Join(dataDir, "conllpp", "conllpp_"+split+".txt")
	f, err := os.Open(path)
	if err != nil {
		if os.IsNotExist(err) {
			return nil, fmt.Errorf("%s: %w", path, ErrAbsent)
		}
		return nil, err
	}
	defer f.Close()
	var out []CoNLLSentence
	cur := CoNLLSentence{}
	doc := 0
	flush := func() {
		if len(cur.Tokens) > 0 {
			cur.Doc = doc
			out = append(out, cur)
		}
		cur = CoNLLSentence{}
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for line := 1; sc.Scan(); line++ {
		fields := strings.Fields(sc.Text())
		switch {
		case len(fields) == 0:
			flush()
		case fields[0] == "-DOCSTART-":
			flush()
			doc++
		case len(fields) < 2:
			return nil, fmt.Errorf("%s:%d: want token and label", path, line)
		default:
			cur.Tokens = append(cur.Tokens, fields[0])
			cur.Labels = append(cur.Labels, fields[len(fields)-1])
		}
	}
	flush()
	return out, sc.Err()
}

// conllMicro names the micro-averaged rows a CoNLL result carries.
var conllMicro = []struct {
	name  string
	types []string
}{
	{"micro PER+ORG+LOC", []string{"PER", "ORG", "LOC"}},
	{"micro all", nil},
}

func conllRows(t Table) []Row {
	var rows []Row
	for _, ty := range t.Types() {
		rows = append(rows, Row{Name: ty, PRF: t.ByType[ty]})
	}
	for _, m := range conllMicro {
		rows = append(rows, Row{Name: m.name, PRF: t.Micro(m.types...)})
	}
	return rows
}

// CoNLL scores a sentence tagger on the CoNLL-2003 dev split:
// entity-level exact match per type, as conlleval counts.
func CoNLL(dataDir string, tagger Tagger) (Result, error) {
	const dataset, task = "conllpp/dev", "tagger entity mentions, exact match (conlleval)"
	sents, err := LoadCoNLL(dataDir, "dev")
	if err != nil {
		if isAbsent(err) {
			return absent(dataset, task, err), nil
		}
		return Result{}, err
	}
	res := Result{Dataset: dataset, Task: task, Docs: len(sents)}
	var t Table
	if err := tagCoNLL(tagger, sents, &res, &t); err != nil {
		return Result{}, err
	}
	res.Rows = conllRows(t)
	return res, nil
}

// tagCoNLL tags sents (in document order), a document at a time, and
// scores them into t.
func tagCoNLL(tagger Tagger, sents []CoNLLSentence, res *Result, t *Table) error {
	for lo := 0; lo < len(sents); {
		hi := lo
		for hi < len(sents) && sents[hi].Doc == sents[lo].Doc {
			hi++
		}
		toks := make([][]string, hi-lo)
		for i, s := range sents[lo:hi] {
			toks[i] = s.Tokens
			res.Words += len(s.Tokens)
		}
		tm := startTimer()
		preds := tagDocument(tagger, toks)
		tm.stop(res)
		for i, s := range sents[lo:hi] {
			if len(preds[i]) != len(s.Tokens) {
				return fmt.Errorf("eval: tagger returned %d labels for %d tokens", len(preds[i]), len(s.Tokens))
			}
			t.ScoreBIO(s.Labels, preds[i])
		}
		lo = hi
	}
	return nil
}

// kindToCoNLL maps newsgraph entity kinds onto CoNLL types. Programmes have
// no CoNLL type and count as MISC.
func kindToCoNLL(k graph.EntityKind) string {
	switch k {
	case graph.Person:
		return "PER"
	case graph.Place:
		return "LOC"
	case graph.Group, graph.Organization, graph.Outlet:
		return "ORG"
	}
	return "MISC"
}

// CoNLLExtract scores a whole-text extractor's mentions on CoNLL-2003 dev
// (extractCoNLL).
func CoNLLExtract(ctx context.Context, dataDir string, x Extractor) (Result, error) {
	const dataset, task = "conllpp/dev", "extractor mentions as PER/ORG/LOC, exact match"
	sents, err := LoadCoNLL(dataDir, "dev")
	if err != nil {
		if isAbsent(err) {
			return absent(dataset, task, err), nil
		}
		return Result{}, err
	}
	res := Result{Dataset: dataset, Task: task}
	var t Table
	extractCoNLL(ctx, x, "conll-dev", sents, &res, &t)
	res.Rows = conllRows(t)
	res.Notes = append(res.Notes, conllKindsNote)
	return res, nil
}

// conllKindsNote says how extractor kinds are scored as CoNLL types.
const conllKindsNote = "kinds mapped: PERSON→PER, PLACE→LOC, GROUP/ORGANIZATION/OUTLET→ORG, PROGRAM→MISC"

// extractCoNLL runs x on the documents of sents (sentences in document
// order) and scores its mentions into t. Each document is rebuilt as text
// (tokens joined by spaces, one sentence per line); a mention counts when
// its character span covers exactly the tokens of a gold entity of the
// mapped type. Article ids are prefix-doc.
func extractCoNLL(ctx context.Context, x Extractor, prefix string, sents []CoNLLSentence, res *Result, t *Table) {
	for lo := 0; lo < len(sents); {
		hi := lo
		for hi < len(sents) && sents[hi].Doc == sents[lo].Doc {
			hi++
		}
		doc := sents[lo:hi]
		lo = hi
		res.Docs++
		var b strings.Builder
		var starts, ends []int // code-point offsets per token, all sentences
		var gold []string
		pos := 0
		for si, s := range doc {
			if si > 0 {
				b.WriteByte('\n')
				pos++
			}
			for ti, tok := range s.Tokens {
				if ti > 0 {
					b.WriteByte(' ')
					pos++
				}
				starts = append(starts, pos)
				b.WriteString(tok)
				pos += len([]rune(tok))
				ends = append(ends, pos)
			}
			gold = append(gold, s.Labels...)
			gold = append(gold, "O") // sentence break: no entity spans it
			starts = append(starts, pos)
			ends = append(ends, pos)
		}
		ex := runExtractor(ctx, x, article(fmt.Sprintf("%s-%d", prefix, doc[0].Doc), b.String()), res)
		pred := make([]string, len(gold))
		for i := range pred {
			pred[i] = "O"
		}
		if ex != nil {
			kinds := map[string]graph.EntityKind{}
			for _, e := range ex.Entities {
				kinds[e.ID] = e.Kind
			}
			for _, m := range ex.Mentions {
				labelTokens(pred, starts, ends, m.Citation.Start, m.Citation.End, kindToCoNLL(kinds[m.EntityID]))
			}
		}
		t.ScoreBIO(gold, pred)
	}
}

// labelTokens marks the tokens whose characters lie inside [start, end)
// with a BIO chunk of type typ, if they are all still unlabelled.
func labelTokens(labels []string, starts, ends []int, start, end int, typ string) {
	first, last := -1, -1
	for i := range starts {
		if starts[i] >= start && ends[i] <= end && ends[i] > starts[i] {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first < 0 {
		return
	}
	for i := first; i <= last; i++ {
		if labels[i] != "O" {
			return
		}
	}
	labels[first] = "B-" + typ
	for i := first + 1; i <= last; i++ {
		labels[i] = "I-" + typ
	}
}

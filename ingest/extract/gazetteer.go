package extract

import (
	"bufio"
	"embed"
	"fmt"
	"strings"
	"unicode"

	"github.com/newsgraph/newsgraph/graph"
)

//go:generate go run ./internal/gazgen -data ../../../shared/eval-data -out gazetteer/derived.tsv

// The curated list holds facts the team verified by hand; the derived list
// is generated from public dictionaries by internal/gazgen (see NOTICE).
// Curated entries win over derived ones that share a name or alias.
//
//go:embed gazetteer/curated.tsv gazetteer/derived.tsv
var gazetteerFS embed.FS

var gazetteerFiles = []string{"gazetteer/curated.tsv", "gazetteer/derived.tsv"}

// gazEntry is one known entity.
type gazEntry struct {
	Kind    graph.EntityKind
	Name    string
	Aliases []string
	QID     string
	Parent  string // the outlet of a programme
	// PlaceType is a place's granularity where the source data says:
	// placeCountry, placeSubnational (a city or region inside one
	// country), placeRegion (a continent or a region spanning countries;
	// curated only) or empty.
	PlaceType string
	Curated   bool
}

// Place types of gazetteer entries (the sixth column).
const (
	placeCountry     = "country"
	placeSubnational = "subnational"
	placeRegion      = "region"
)

// gazAlias is one name form of an entry, as matched in text.
type gazAlias struct {
	entry   *gazEntry
	exact   string // non-empty when the form must match case-exactly (acronyms)
	primary bool   // the form is the entry's own name
	// capEnd: the form's last word has a capital ("Noranda Aluminum", not
	// "Bakassi boys"), so text must write it with one, unless it is a
	// body's head word ("the Labour party"): "Noranda aluminum" is the
	// firm and a metal.
	capEnd bool
}

// gazetteer indexes name forms by their lower-cased token sequence.
type gazetteer struct {
	entries []*gazEntry
	forms   map[string]gazAlias // "islamic state khorasan" -> entry
	maxLen  map[string]int      // first token (lower case) -> longest form in tokens
	byName  map[string]*gazEntry
}

func loadGazetteer() (*gazetteer, error) {
	g := &gazetteer{forms: map[string]gazAlias{}, maxLen: map[string]int{}, byName: map[string]*gazEntry{}}
	for i, name := range gazetteerFiles {
		data, err := gazetteerFS.ReadFile(name)
		if err != nil {
			return nil, err
		}
		if err := g.parse(string(data), i == 0); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
	}
	return g, nil
}

func (g *gazetteer) parse(data string, curated bool) error {
	sc := bufio.NewScanner(strings.NewReader(data))
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		l := sc.Text()
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		f := strings.Split(l, "\t")
		for len(f) < 6 {
			f = append(f, "")
		}
		e := &gazEntry{Kind: graph.EntityKind(f[0]), Name: f[1], QID: f[3], Parent: f[4], PlaceType: f[5], Curated: curated}
		if e.PlaceType != "" && (e.Kind != graph.Place || e.PlaceType != placeCountry && e.PlaceType != placeSubnational && e.PlaceType != placeRegion) {
			return fmt.Errorf("line %d: bad place type %q", line, e.PlaceType)
		}
		if !e.Kind.Valid() || e.Name == "" {
			return fmt.Errorf("line %d: bad kind or empty name", line)
		}
		if f[2] != "" {
			e.Aliases = strings.Split(f[2], "|")
		}
		key := string(e.Kind) + "\x00" + graph.CanonicalKey(e.Name)
		if _, dup := g.byName[key]; dup {
			continue
		}
		if c := g.curatedForm(e.Name, e.Kind); c != nil && !curated {
			// A derived entry named like a curated one ("Russian
			// Federation") lends its aliases to it; not its place type,
			// which the curated list states itself ("Great Britain" is
			// listed under the United Kingdom's record, as if a part of it).
			for _, a := range e.Aliases {
				g.add(a, c, false)
			}
			continue
		}
		g.byName[key] = e
		g.entries = append(g.entries, e)
		g.add(e.Name, e, true)
		for _, a := range e.Aliases {
			g.add(a, e, false)
		}
	}
	return sc.Err()
}

func (g *gazetteer) add(form string, e *gazEntry, primary bool) {
	key := formKey(form)
	if key == "" {
		return
	}
	first, _, _ := strings.Cut(key, " ")
	if old, taken := g.forms[key]; taken {
		// Curated entries keep their forms; otherwise an entry's own name
		// beats another entry's alias ("Shining Path").
		if old.entry.Curated || old.primary || !primary {
			return
		}
	}
	words := strings.Fields(form)
	a := gazAlias{entry: e, primary: primary, capEnd: len(words) > 1 && hasUpperOrDigit(words[len(words)-1])}
	if isAcronym(form) || mixedAcronym(form) {
		a.exact = strings.Join(strings.Fields(form), " ")
	}
	g.forms[key] = a
	if n := strings.Count(key, " ") + 1; n > g.maxLen[first] {
		g.maxLen[first] = n
	}
}

// curatedForm returns the curated entry of the given kind that has form
// as a name or alias, if any.
func (g *gazetteer) curatedForm(form string, kind graph.EntityKind) *gazEntry {
	a, ok := g.forms[formKey(form)]
	if !ok || !a.entry.Curated || a.entry.Kind != kind {
		return nil
	}
	return a.entry
}

// formKey is the lower-cased token sequence a form is indexed under.
func formKey(form string) string {
	toks := tokenize(form)
	words := make([]string, len(toks))
	for i, t := range toks {
		words[i] = strings.ToLower(form[t.B0:t.B1])
	}
	return strings.Join(words, " ")
}

// entry returns the entry of the given kind and name, if any.
func (g *gazetteer) entry(kind graph.EntityKind, name string) *gazEntry {
	return g.byName[string(kind)+"\x00"+graph.CanonicalKey(name)]
}

// mixedAcronym reports whether s is a short form with several capitals,
// such as "LeT" or "JeM", which must not match the word "let".
func mixedAcronym(s string) bool {
	n, upper := 0, 0
	for _, r := range s {
		n++
		if unicode.IsUpper(r) {
			upper++
		}
	}
	return n <= 5 && upper >= 2
}

// isAcronym reports whether s is written in capitals only ("IS-K", "U.S.",
// "ISKP"): such forms match case-exactly so that "us" or "Is" do not.
func isAcronym(s string) bool {
	letters, upper := 0, 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		}
	}
	return letters > 0 && letters == upper && letters <= 8
}

package eval

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// GUMMention is one gold mention of a GUM document.
type GUMMention struct {
	Entity     string // entity (coreference cluster) id within the document
	Type       string // person, organization, place, event, ...
	Start, End int    // code points
	Head       [2]int // code-point span of the head word, or of the name around it
	Named      bool   // the head is a proper noun
}

// GUMDoc is one GUM news document: its text, sentences and mentions.
type GUMDoc struct {
	Name      string
	Text      string
	Sentences [][]GUMToken
	Mentions  []GUMMention
}

// GUMToken is one syntactic word and its code-point span in the text.
type GUMToken struct {
	Form       string
	Start, End int
}

// LoadGUM reads gum-news/dep/*.conllu.
func LoadGUM(dataDir string) ([]GUMDoc, error) {
	dir := filepath.Join(dataDir, "gum-news", "dep")
	if err := checkDir(dir); err != nil {
		return nil, err
	}
	paths, err := filepath.Glob(filepath.Join(dir, "*.conllu"))
	if err != nil {
		return nil, err
	}
	sort.Strings(paths)
	var docs []GUMDoc
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			return nil, err
		}
		d, err := ParseGUM(f)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		d.Name = strings.TrimSuffix(filepath.Base(p), ".conllu")
		docs = append(docs, d)
	}
	return docs, nil
}

type conlluWord struct {
	span   [2]int // code points in the document
	upos   string
	deprel string // universal relation to the head, without subtype
	head   int    // sentence-local index of the head word, 0 for root
	misc   string
}

// ParseGUM reads one CoNLL-U document with CorefUD-style Entity= brackets
// (as GUM distributes them). Sentences are joined by newlines, with a
// blank line at each "# newpar".
func ParseGUM(r io.Reader) (GUMDoc, error) {
	var doc GUMDoc
	var text strings.Builder
	pos := 0 // code points written
	write := func(s string) {
		text.WriteString(s)
		pos += utf8.RuneCountInString(s)
	}
	type open struct {
		id, typ string
		start   int // word index in doc
	}
	var words []conlluWord
	var stack []open
	var sentText string
	sentStart, cursor := 0, 0 // code-point offsets of the sentence, and the alignment cursor in it (bytes)
	sentFirstWord := 0
	mwtEnd := 0
	var mwtSpan [2]int
	var mwtForm string
	mwtCursor := 0 // bytes into mwtForm
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	align := func(form string) ([2]int, error) {
		j := strings.Index(sentText[cursor:], form)
		if j < 0 {
			return [2]int{}, fmt.Errorf("token %q not in sentence text", form)
		}
		start := sentStart + utf8.RuneCountInString(sentText[:cursor+j])
		cursor += j + len(form)
		return [2]int{start, start + utf8.RuneCountInString(form)}, nil
	}
	for line := 1; sc.Scan(); line++ {
		l := sc.Text()
		switch {
		case l == "":
			continue
		case strings.HasPrefix(l, "# newpar") && !strings.HasPrefix(l, "# newpar_"):
			if pos > 0 {
				write("\n")
			}
			continue
		case strings.HasPrefix(l, "# text = "):
			if pos > 0 {
				write("\n")
			}
			sentText = strings.TrimPrefix(l, "# text = ")
			sentStart, cursor = pos, 0
			sentFirstWord = len(words)
			mwtEnd = 0
			doc.Sentences = append(doc.Sentences, nil)
			write(sentText)
			continue
		case strings.HasPrefix(l, "#"):
			continue
		}
		cols := strings.Split(l, "\t")
		if len(cols) != 10 {
			return doc, fmt.Errorf("line %d: want 10 columns", line)
		}
		if a, b, ok := strings.Cut(cols[0], "-"); ok { // multiword token: align its surface
			end, err := strconv.Atoi(b)
			if _, err2 := strconv.Atoi(a); err != nil || err2 != nil {
				return doc, fmt.Errorf("line %d: bad range %q", line, cols[0])
			}
			if mwtSpan, err = align(cols[1]); err != nil {
				return doc, fmt.Errorf("line %d: %w", line, err)
			}
			mwtEnd, mwtForm, mwtCursor = end, cols[1], 0
			continue
		}
		if strings.Contains(cols[0], ".") {
			continue // empty nodes carry no text
		}
		id, err := strconv.Atoi(cols[0])
		if err != nil {
			return doc, fmt.Errorf("line %d: bad id %q", line, cols[0])
		}
		head, _ := strconv.Atoi(cols[6])
		rel, _, _ := strings.Cut(cols[7], ":")
		w := conlluWord{upos: cols[3], deprel: rel, head: head, misc: cols[9]}
		if id <= mwtEnd {
			// A word of a contraction ("Lee" of "Lee's") gets its part of
			// the surface when it is spelled there, else all of it.
			w.span = mwtSpan
			if j := strings.Index(mwtForm[mwtCursor:], cols[1]); j >= 0 {
				start := mwtSpan[0] + utf8.RuneCountInString(mwtForm[:mwtCursor+j])
				w.span = [2]int{start, start + utf8.RuneCountInString(cols[1])}
				mwtCursor += j + len(cols[1])
			}
		} else if w.span, err = align(cols[1]); err != nil {
			return doc, fmt.Errorf("line %d: %w", line, err)
		}
		if len(doc.Sentences) == 0 {
			return doc, fmt.Errorf("line %d: word before any \"# text\" line", line)
		}
		ns := len(doc.Sentences) - 1
		doc.Sentences[ns] = append(doc.Sentences[ns], GUMToken{Form: cols[1], Start: w.span[0], End: w.span[1]})
		if head > 0 {
			w.head = sentFirstWord + head - 1
		} else {
			w.head = -1
		}
		words = append(words, w)
		wi := len(words) - 1
		ent := miscField(cols[9], "Entity")
		for i := 0; i < len(ent); {
			if ent[i] == '(' {
				j := i + 1
				for j < len(ent) && ent[j] != '(' && ent[j] != ')' {
					j++
				}
				fields := strings.Split(ent[i+1:j], "-")
				if len(fields) < 2 {
					return doc, fmt.Errorf("line %d: bad entity %q", line, ent)
				}
				o := open{id: fields[0], typ: fields[1], start: wi}
				if j < len(ent) && ent[j] == ')' {
					doc.Mentions = append(doc.Mentions, closeMention(o.id, o.typ, o.start, wi, words))
					j++
				} else {
					stack = append(stack, o)
				}
				i = j
				continue
			}
			j := strings.IndexByte(ent[i:], ')')
			if j < 0 {
				return doc, fmt.Errorf("line %d: bad entity %q", line, ent)
			}
			id := ent[i : i+j]
			k := len(stack) - 1
			for k >= 0 && stack[k].id != id {
				k--
			}
			if k < 0 {
				return doc, fmt.Errorf("line %d: closing unopened entity %s", line, id)
			}
			o := stack[k]
			stack = append(stack[:k], stack[k+1:]...)
			doc.Mentions = append(doc.Mentions, closeMention(o.id, o.typ, o.start, wi, words))
			i += j + 1
		}
	}
	if err := sc.Err(); err != nil {
		return doc, err
	}
	if len(stack) > 0 {
		return doc, fmt.Errorf("entity %s never closed", stack[0].id)
	}
	doc.Text = text.String()
	return doc, nil
}

// closeMention builds the mention over words [from, to]. Its head is the
// word whose syntactic head lies outside the span, widened, when it is a
// proper noun, to the run of proper nouns around it: UD makes the first
// word of a flat name its head, and either part of "Donald Trump" names
// the mention. A common-noun head with a name in apposition ("English
// captain Harry Kane", where UD heads the mention by "captain") is named
// by that name: the mention is a named one, and the name is what a name
// tagger finds in it.
func closeMention(id, typ string, from, to int, words []conlluWord) GUMMention {
	m := GUMMention{Entity: id, Type: typ, Start: words[from].span[0], End: words[to].span[1]}
	head := from
	for i := from; i <= to; i++ {
		if h := words[i].head; h < from || h > to {
			head = i
			break
		}
	}
	if words[head].upos != "PROPN" {
		for i := from; i <= to; i++ {
			if words[i].head == head && words[i].upos == "PROPN" && (words[i].deprel == "appos" || words[i].deprel == "flat") {
				head = i
				break
			}
		}
	}
	m.Named = words[head].upos == "PROPN"
	lo, hi := head, head
	for m.Named && lo > from && words[lo-1].upos == "PROPN" {
		lo--
	}
	for m.Named && hi < to && words[hi+1].upos == "PROPN" {
		hi++
	}
	m.Head = [2]int{words[lo].span[0], words[hi].span[1]}
	return m
}

func miscField(misc, key string) string {
	for _, kv := range strings.Split(misc, "|") {
		if k, v, ok := strings.Cut(kv, "="); ok && k == key {
			return v
		}
	}
	return ""
}

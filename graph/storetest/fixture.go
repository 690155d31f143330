package storetest

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/graph"
)

// builder assembles an extraction over an article text the way an extractor
// would: it finds each cited phrase in the text and derives code-point
// offsets, sentences and ids from it, so fixtures stay readable.
type builder struct {
	t testing.TB
	x graph.Extraction
}

func article(t testing.TB, url, outlet, title string, published time.Time, text string) *builder {
	t.Helper()
	a := graph.Article{
		URL:         url,
		Title:       title,
		Outlet:      outlet,
		PublishedAt: published,
		IngestedAt:  ingestDate,
		ContentHash: graph.ContentHash(text),
		Text:        text,
	}
	a.ID = graph.ArticleID(url, a.ContentHash)
	return &builder{t: t, x: graph.Extraction{Article: a}}
}

// ingestDate is when every fixture article claims to have been ingested; a
// store keeps a non-zero IngestedAt given on first write.
var ingestDate = time.Date(2025, 3, 20, 8, 0, 0, 0, time.UTC)

// entity declares an entity and returns its id.
func (b *builder) entity(kind graph.EntityKind, name string, aliases ...string) string {
	id := graph.EntityID(kind, graph.CanonicalKey(name))
	b.x.Entities = append(b.x.Entities, graph.Entity{ID: id, Kind: kind, Name: name, Aliases: aliases})
	return id
}

// with sets roles and external ids on the last declared entity.
func (b *builder) with(roles []string, ext map[string]string) *builder {
	e := &b.x.Entities[len(b.x.Entities)-1]
	e.Roles, e.ExternalIDs = roles, ext
	return b
}

// cite builds a citation of the nth (0-based) occurrence of phrase.
func (b *builder) cite(phrase string, nth int, trigger string, conf float64) graph.Citation {
	b.t.Helper()
	start, end := b.find(phrase, nth)
	idx, sentence := b.sentence(start)
	return graph.Citation{
		ArticleID:     b.x.Article.ID,
		SentenceIndex: idx,
		SentenceText:  sentence,
		Start:         start,
		End:           end,
		Trigger:       trigger,
		Extractor:     "storetest/v1",
		Confidence:    conf,
	}
}

func (b *builder) span(phrase string, nth int) graph.Span {
	start, end := b.find(phrase, nth)
	return graph.Span{Start: start, End: end, Text: phrase}
}

// find returns the code-point span of the nth occurrence of phrase.
func (b *builder) find(phrase string, nth int) (start, end int) {
	b.t.Helper()
	text := b.x.Article.Text
	from := 0
	for i := 0; ; i++ {
		j := strings.Index(text[from:], phrase)
		if j < 0 {
			b.t.Fatalf("fixture: occurrence %d of %q not in article %s", nth, phrase, b.x.Article.URL)
		}
		if i == nth {
			start = utf8.RuneCountInString(text[:from+j])
			return start, start + utf8.RuneCountInString(phrase)
		}
		from += j + len(phrase)
	}
}

// sentence returns the index and text of the sentence holding code point at;
// sentences end with ". ", "! " or "? ".
func (b *builder) sentence(at int) (int, string) {
	runes := []rune(b.x.Article.Text)
	idx, begin := 0, 0
	for i := 0; i < len(runes); i++ {
		end := i == len(runes)-1 || (strings.ContainsRune(".!?", runes[i]) && runes[i+1] == ' ')
		if !end {
			continue
		}
		if at <= i {
			return idx, string(runes[begin : i+1])
		}
		idx, begin = idx+1, i+2
	}
	return idx, ""
}

func (b *builder) mention(entityID, surface string, nth int, role string) *builder {
	b.t.Helper()
	b.x.Mentions = append(b.x.Mentions, graph.Mention{
		EntityID: entityID, Text: surface, Role: role, Citation: b.cite(surface, nth, surface, 0.9),
	})
	return b
}

// inContext gives the last mention a kind in context (as if the article
// used the town for its council): the stores keep it as written.
func (b *builder) inContext(k graph.EntityKind) *builder {
	b.x.Mentions[len(b.x.Mentions)-1].KindInContext = k
	return b
}

func (b *builder) relationship(t graph.RelationType, source, target, phrase, trigger string, conf float64) *builder {
	b.t.Helper()
	b.x.Relationships = append(b.x.Relationships, graph.RelationshipEvidence{
		Type: t, SourceID: source, TargetID: target, Citation: b.cite(phrase, 0, trigger, conf),
	})
	return b
}

// claim adds claim evidence whose content is text, said by source with cue.
func (b *builder) claim(text, source, cue string, verbatim bool, speakers, about []string, conf float64) *builder {
	b.t.Helper()
	b.x.Claims = append(b.x.Claims, graph.ClaimEvidence{
		ClaimID:    graph.ClaimID(graph.NormalizeClaim(text)),
		Text:       text,
		Verbatim:   verbatim,
		Source:     b.span(source, 0),
		Cue:        b.span(cue, 0),
		SpeakerIDs: speakers,
		AboutIDs:   about,
		Citation:   b.cite(text, 0, cue, conf),
	})
	return b
}

func (b *builder) build() *graph.Extraction {
	x := b.x
	return &x
}

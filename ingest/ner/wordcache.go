package ner

import (
	"maps"
	"strings"
	"sync"
	"sync/atomic"
)

// The word cache. Tagging is bound by weight-table lookups, which miss
// the processor's caches; most of a token's static features read one word
// alone (the word, its shape, affixes, clusters and case statistics as the
// current token, and the neighbours' forms at -2..+2), and words repeat: a
// few thousand word types make most of the running text. So a model keeps,
// per word type, the word's token (analysed, with the lexicon's marks) and
// the summed weights of every feature that reads that word alone, at each
// of the five window positions. Scoring a token then adds five cached rows
// and looks up only the features that read two words or the sentence
// (bigrams, gazetteer marks, context and stacked labels, labels so far).
// Weights are integers (16-bit rows summed into 32 bits), so the sums are
// exact in any order: the labels are those of staticKeys, bit for bit
// (TestCachedKeysCoverStaticKeys checks the split of the templates).

// Window positions of a word relative to the token being scored.
const (
	atC = iota // the token itself
	atM1
	atP1
	atM2
	atP2
	numAt
)

// wordFeats is what a model knows of one word type.
type wordFeats struct {
	word string
	base wordBase
	at   [numAt][numLabels]int32
	// after holds the features on the previous label and this word, after
	// the labels of cachedPrev (labelcache.go).
	after [len(cachedPrev)]labelRow
	used  atomic.Bool // looked up in the snapshot since the snapshot before
}

// wordCacheMax bounds the word types a model caches (576 bytes each,
// 4.5 MB). When a new snapshot would pass it, the words not looked up since
// the snapshot before make room: news keeps bringing new names, which a
// long-running server must not hoard, and a folder or a feed changes
// topic, so the words worth keeping change too. The bound is a trade: on
// the BBC folder's ingest, caches of twice as many words (25 MB of live
// heap for the three fast models) took the process's peak memory 60 MB
// higher, past 500 MB.
const wordCacheMax = 1 << 13

// wordCache is shared by the goroutines that tag with one model. Lookups
// read an immutable map snapshot without locking; new words wait in
// pending, under mu, until enough of them make a new snapshot.
type wordCache struct {
	once    sync.Once
	pads    [2]wordFeats // padLeft, padRight
	snap    atomic.Pointer[map[string]*wordFeats]
	mu      sync.Mutex
	pending map[string]*wordFeats
}

// padFeats returns the cached rows of the pads before (0) and after (1)
// the sentence.
func (m *Model) padFeats() *[2]wordFeats {
	c := &m.words
	c.once.Do(func() {
		for j, p := range [2]token{padLeft, padRight} {
			c.pads[j].base = compact(&p.tokenBase)
			m.sumWord(&c.pads[j], &p)
		}
	})
	return &c.pads
}

// lookupWord returns the cached features of w, or computes and caches
// them.
func (m *Model) lookupWord(w string) *wordFeats {
	c := &m.words
	if snap := c.snap.Load(); snap != nil {
		if e := (*snap)[w]; e != nil {
			if !e.used.Load() { // read first: most are set, and a write would bounce the line between cores
				e.used.Store(true)
			}
			return e
		}
	}
	c.mu.Lock()
	e := c.pending[w]
	c.mu.Unlock()
	if e != nil {
		return e
	}
	e = &wordFeats{}
	m.fillWord(e, strings.Clone(w))
	c.add(e)
	return e
}

// add caches e, making a new snapshot when the pending words reach a
// quarter of the snapshot (so copying costs a constant per word). A
// snapshot that would pass wordCacheMax keeps, of the old one, only the
// words used since the snapshot before (and no more than leave room for
// the pending ones).
func (c *wordCache) add(e *wordFeats) {
	c.mu.Lock()
	defer c.mu.Unlock()
	var old map[string]*wordFeats
	if p := c.snap.Load(); p != nil {
		old = *p
	}
	if c.pending == nil {
		c.pending = map[string]*wordFeats{}
	}
	c.pending[e.word] = e
	if len(c.pending) < min(max(256, len(old)/4), wordCacheMax/4) {
		return
	}
	replace := len(old)+len(c.pending) > wordCacheMax
	room := wordCacheMax - len(c.pending)
	next := make(map[string]*wordFeats, min(len(old), room)+len(c.pending))
	for w, o := range old {
		if len(next) >= room {
			break
		}
		if replace && !o.used.Swap(false) {
			continue
		}
		next[w] = o
	}
	maps.Copy(next, c.pending)
	c.snap.Store(&next)
	c.pending = nil
}

// fillWord sets e to the features of w.
func (m *Model) fillWord(e *wordFeats, w string) {
	var tk token
	m.lex.base(w, &tk)
	e.word, e.base = w, compact(&tk.tokenBase)
	m.sumWord(e, &tk)
	m.sumWordLabels(e, &tk.tokenBase)
}

// sumWord sets e's rows from the token tk of its word.
func (m *Model) sumWord(e *wordFeats, tk *token) {
	var buf [32]uint64
	for at := range numAt {
		var acc [numLabels]int32
		for _, k := range wordKeys(buf[:0], tk, at, m.lex.context) {
			if row := m.feats.get(k); row != nil {
				for l, q := range row {
					acc[l] += int32(q)
				}
			}
		}
		e.at[at] = acc
	}
}

// wordKeys appends the keys of the static features that read only the
// token t, standing at window position at of the token scored. Together
// with pairKeys they are staticKeys's keys.
func wordKeys(keys []uint64, t *token, at int, lean bool) []uint64 {
	switch at {
	case atC:
		keys = append(keys,
			key1(tBias, 0),
			key1(tLower, t.lower),
			key1(tShape, t.shape),
			key1(tShort, t.short),
			key1(tCluster, t.fine),
			key1(tClusterCoarse, t.coarse),
			key2(tClusterShape, t.coarse, t.short),
		)
		for k := 0; k < 4; k++ {
			keys = append(keys, key2(tSuffix, uint64(k), t.suf[k]))
		}
		for f := t.flags; f != 0; f &= f - 1 {
			keys = append(keys, key1(tFlag, uint64(f&-f)))
		}
		if !lean {
			keys = append(keys,
				key1(tWord, t.word),
				key2(tCaseBin, t.caseBin, uint64(t.flags&(flagTitle|flagAllCaps))),
			)
			for k := 0; k < 4; k++ {
				keys = append(keys, key2(tPrefix, uint64(k), t.pre[k]))
			}
		}
	case atM1:
		keys = append(keys, key1(tLowerM1, t.lower), key1(tShapeM1, t.shape), key1(tShortM1, t.short), key1(tClusterM1, t.fine))
		if !lean {
			keys = append(keys, key1(tWordM1, t.word), key2(tCaseBinM1, t.caseBin, t.short))
		}
	case atP1:
		keys = append(keys, key1(tLowerP1, t.lower), key1(tShapeP1, t.shape), key1(tShortP1, t.short), key1(tClusterP1, t.fine))
		if !lean {
			keys = append(keys, key1(tWordP1, t.word), key2(tCaseBinP1, t.caseBin, t.short))
		}
	case atM2:
		keys = append(keys, key1(tLowerM2, t.lower), key1(tShortM2, t.short))
	case atP2:
		keys = append(keys, key1(tLowerP2, t.lower), key1(tShortP2, t.short))
	}
	return keys
}

// pairKeys appends the keys of the static features at position i of toks
// that read more than one word, or the sentence: staticKeys's keys less
// those of wordKeys and contextKeys (whose sums decoding takes from a
// table, context.go).
func pairKeys(keys []uint64, toks []token, i int, headline, lean bool) []uint64 {
	c := &toks[i+2]
	m1, p1 := &toks[i+1], &toks[i+3]
	keys = append(keys,
		key2(tBigramM1, m1.lower, c.lower),
		key2(tBigramP1, c.lower, p1.lower),
		key3(tShortTri, m1.short, c.short, p1.short),
		key2(tLowerM1Shape, m1.lower, c.short),
		key2(tShapeLowerP1, c.short, p1.lower),
		key2(tSuffixM1, m1.suf[2], c.short),
		key2(tSuffixP1, p1.suf[2], c.short),
		key2(tFlagNext, uint64(p1.flags), uint64(c.flags)),
		key2(tClusterBiM1, m1.coarse, c.coarse),
		key2(tClusterBiP1, c.coarse, p1.coarse),
	)
	if !lean {
		keys = append(keys, key3(tCaseBinShape, c.caseBin, c.short, b2u(i == 0)))
		if i == 0 {
			keys = append(keys, key1(tFirstShape, c.shape))
		}
		if headline {
			keys = append(keys, key1(tHeadline, c.lower), key1(tHeadline, c.short+7))
		}
	}
	for g := 0; g < c.ngaz; g++ {
		keys = append(keys, key1(tGaz, c.gaz[g]), key2(tGazShape, c.gaz[g], c.short))
	}
	keys = cueWordKeys(keys, c)
	for g := 0; g < c.nstk; g++ {
		keys = append(keys, key1(tStack, c.stk[g]))
	}
	for g := 0; g < m1.ngaz; g++ {
		keys = append(keys, key1(tGazM1, m1.gaz[g]))
	}
	for g := 0; g < p1.ngaz; g++ {
		keys = append(keys, key1(tGazP1, p1.gaz[g]))
	}
	return keys
}

// wordTokens sets s.ents to the cached features of the words, with the
// pads around them, and, if annotate, s.toks to their tokens with the
// sentence's marks (as lexicon.annotate does).
func (m *Model) wordTokens(s *scratch, words []string, annotate bool) {
	n := len(words)
	pads := m.padFeats()
	s.ents[0], s.ents[1] = &pads[0], &pads[0]
	s.ents[n+2], s.ents[n+3] = &pads[1], &pads[1]
	for i, w := range words {
		e := m.lookupWord(w)
		s.ents[i+2] = e
		if annotate {
			s.toks[i+2] = token{tokenBase: e.base.expand()}
		}
	}
	if annotate {
		s.toks[0], s.toks[1] = padLeft, padLeft
		s.toks[n+2], s.toks[n+3] = padRight, padRight
		m.lex.markGazetteer(s.toks[2:n+2], nil)
	}
}

// staticScores returns the summed weights of the static features of
// position i: those of staticKeys.
func (m *Model) staticScores(s *scratch, i int, headline bool) [numLabels]int32 {
	acc := s.ents[i+2].at[atC]
	m1, p1, m2, p2 := &s.ents[i+1].at[atM1], &s.ents[i+3].at[atP1], &s.ents[i].at[atM2], &s.ents[i+4].at[atP2]
	for l := range acc {
		acc[l] += m1[l] + p1[l] + m2[l] + p2[l]
	}
	s.keys = pairKeys(s.keys[:0], s.toks, i, headline, m.lex.context)
	m.sumKeys(&acc, s.keys)
	if c := s.toks[i+2].ctxCase; c > 0 {
		row := &m.contextRows()[c-1]
		for l, v := range row {
			acc[l] += v
		}
	}
	return acc
}

// wordBase is what decoding reads of a cached word's token: a tokenBase
// without the prefixes and the suffixes other than the three-letter one,
// which only the cached rows read (wordKeys). It keeps a cache entry
// within 576 bytes.
type wordBase struct {
	word, lower, shape, short, suf2 uint64
	caseBin, fine, coarse           uint64
	flags                           uint32
}

func compact(t *tokenBase) wordBase {
	return wordBase{word: t.word, lower: t.lower, shape: t.shape, short: t.short, suf2: t.suf[2],
		caseBin: t.caseBin, fine: t.fine, coarse: t.coarse, flags: t.flags}
}

// expand returns the token base of b, prefixes and unused suffixes zero.
func (b *wordBase) expand() tokenBase {
	t := tokenBase{word: b.word, lower: b.lower, shape: b.shape, short: b.short,
		caseBin: b.caseBin, fine: b.fine, coarse: b.coarse, flags: b.flags}
	t.suf[2] = b.suf2
	return t
}

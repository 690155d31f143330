package ner

import (
	"unicode"
	"unicode/utf8"
)

// Features are never materialised as strings: each token's word, lowercase
// form, shapes and affixes are hashed once, and a feature key is a mix of a
// template number with those hashes. This keeps tagging allocation-free.

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func hashRune(h uint64, r rune) uint64 {
	h ^= uint64(r)
	h *= fnvPrime
	return h
}

// mix folds x into h; used to combine a template with token hashes.
func mix(h, x uint64) uint64 {
	h ^= x + 0x9e3779b97f4a7c15 + (h << 6) + (h >> 2)
	h *= 0xbf58476d1ce4e5b9
	h ^= h >> 31
	return h
}

func key1(t, a uint64) uint64    { return mix(mix(t*0x94d049bb133111eb, a), 1) }
func key2(t, a, b uint64) uint64 { return mix(mix(mix(t*0x94d049bb133111eb, a), b), 2) }
func key3(t, a, b, c uint64) uint64 {
	return mix(mix(mix(mix(t*0x94d049bb133111eb, a), b), c), 3)
}

// Token flags.
const (
	flagTitle     = 1 << iota // first letter upper, some lower
	flagAllCaps               // letters present, all upper
	flagHasDigit              // a digit somewhere
	flagAllDigit              // digits only (with . , separators)
	flagHyphen                // contains '-'
	flagPeriod                // contains '.'
	flagPunct                 // no letter or digit
	flagMixedCaps             // an upper letter after the first rune
	flagHasUpper              // any upper letter
	flagLong                  // more than 8 runes
	flagAmpersand             // contains '&' or an apostrophe
)

// token holds the hashes every template reads.
type token struct {
	tokenBase
	gaz   [2]uint64
	ngaz  int
	gmask uint8 // gazetteer types covering the token
	ctx   [numCtx]uint64
	nctx  int // context features, set only for context models
	// ctxCase is 1 + the contextCase index of ctx, or 0 (context.go).
	ctxCase int32
	// cueWords name the nearest cue-like words on either side (context.go).
	cueWords [2]uint64
	ncw      int
	stk      [numStk]uint64
	nstk     int // stacked features, set only for stacked models
}

// tokenBase is the part of a token that depends on its word alone (and
// the model's lexicon), whatever the sentence around it: what the word
// cache keeps (wordcache.go).
type tokenBase struct {
	word, lower, shape, short uint64
	pre, suf                  [4]uint64
	flags                     uint32
	caseBin                   uint64 // how often the lowercase form is capitalised, bucketed
	fine, coarse              uint64 // word clusters; 0 when unknown
}

// boundary hashes stand for positions before and after the sentence.
var (
	padLeft  = token{tokenBase: tokenBase{word: 0x1111, lower: 0x1111, shape: 0x1111, short: 0x1111, caseBin: 0x1111, fine: 0x1111, coarse: 0x1111}}
	padRight = token{tokenBase: tokenBase{word: 0x2222, lower: 0x2222, shape: 0x2222, short: 0x2222, caseBin: 0x2222, fine: 0x2222, coarse: 0x2222}}
)

func shapeOf(r rune) rune {
	switch {
	case unicode.IsUpper(r):
		return 'X'
	case unicode.IsLetter(r):
		return 'x'
	case unicode.IsDigit(r):
		return 'd'
	}
	return r
}

// analyse fills tk from the word w.
func analyse(w string, tk *token) {
	*tk = token{}
	hw, hl, hs, hss := uint64(fnvOffset), uint64(fnvOffset), uint64(fnvOffset), uint64(fnvOffset)
	var ring [4]rune
	n := 0
	var prevShape rune
	run := 0
	letters, uppers, digits, others := 0, 0, 0, 0
	for i := 0; i < len(w); {
		r, size := utf8.DecodeRuneInString(w[i:])
		for j := 0; j < size; j++ {
			hw ^= uint64(w[i+j])
			hw *= fnvPrime
		}
		i += size
		lr := unicode.ToLower(r)
		hl = hashRune(hl, lr)
		if n < 4 {
			tk.pre[n] = hl
		}
		ring[n%4] = lr
		s := shapeOf(r)
		if s == prevShape {
			run++
		} else {
			run = 1
			hss = hashRune(hss, s)
		}
		if run <= 4 {
			hs = hashRune(hs, s)
		}
		prevShape = s
		switch {
		case unicode.IsUpper(r):
			letters++
			uppers++
			if n > 0 {
				tk.flags |= flagMixedCaps
			}
		case unicode.IsLetter(r):
			letters++
		case unicode.IsDigit(r):
			digits++
		case r == '-':
			tk.flags |= flagHyphen
			others++
		case r == '.':
			tk.flags |= flagPeriod
			others++
		case r == '&' || r == '\'':
			tk.flags |= flagAmpersand
			others++
		default:
			others++
		}
		n++
	}
	if n == 0 {
		tk.word, tk.lower, tk.shape, tk.short = hw, hl, hs, hss
		tk.flags = flagPunct
		return
	}
	for k := 0; k < 4; k++ {
		if k >= n {
			tk.pre[k] = tk.pre[n-1]
			tk.suf[k] = tk.suf[n-1]
			continue
		}
		h := uint64(fnvOffset)
		for j := k; j >= 0; j-- {
			h = hashRune(h, ring[(n-1-j)%4])
		}
		tk.suf[k] = h
	}
	tk.word, tk.lower, tk.shape, tk.short = hw, hl, hs, hss
	first, _ := utf8.DecodeRuneInString(w)
	if uppers > 0 {
		tk.flags |= flagHasUpper
	}
	if unicode.IsUpper(first) && uppers < letters {
		tk.flags |= flagTitle
	}
	if letters > 0 && uppers == letters {
		tk.flags |= flagAllCaps
	}
	if digits > 0 {
		tk.flags |= flagHasDigit
		if letters == 0 {
			tk.flags |= flagAllDigit
		}
	}
	if letters == 0 && digits == 0 {
		tk.flags |= flagPunct
	}
	if n > 8 {
		tk.flags |= flagLong
	}
	if flagTitle&tk.flags == 0 {
		tk.flags &^= flagMixedCaps
	}
}

// Template numbers. They are part of the model format: renumbering them
// invalidates trained models.
const (
	tBias = iota + 1
	tWord
	tLower
	tShape
	tShort
	tPrefix
	tSuffix
	tLowerM1
	tLowerP1
	tLowerM2
	tLowerP2
	tShapeM1
	tShapeP1
	tShortM2
	tShortP2
	tBigramM1
	tBigramP1
	tShortTri
	tShortM1
	tShortP1
	tFlag
	tFirstShape
	tCaseBin
	tCaseBinShape
	tCaseBinM1
	tCaseBinP1
	tLowerM1Shape
	tShapeLowerP1
	tGaz
	tGazShape
	tGazM1
	tGazP1
	tHeadline
	tSuffixM1
	tSuffixP1
	tFlagNext
	tPrevTag
	tPrevTags
	tPrevTagLower
	tPrevTagShort
	tPrevTagShape
	tWordM1
	tWordP1
	tCluster
	tClusterCoarse
	tClusterM1
	tClusterP1
	tClusterBiM1
	tClusterBiP1
	tPrevTagCluster
	tClusterShape
	tContext // sentence-wide context, attribution models only
	tStack   // first-pass labels, stacked models only
	tCueWord // the nearest cue-like word on either side, attribution models only
)

// staticKeys appends the keys of the features that do not depend on
// predicted tags, for position i of toks (which has two pads each side).
// Lean models (the attribution taggers, which have context features)
// leave out the templates that tell names apart: case statistics, exact
// word forms beside the lowercase ones, prefixes, sentence-initial shape
// and headline casing. Each costs a table lookup per token, tagging speed
// is bound by lookups, and on held-out PolNeAR train articles the
// attribution scores are the same without them.
func staticKeys(keys []uint64, toks []token, i int, headline, lean bool) []uint64 {
	c := &toks[i+2]
	m1, m2, p1, p2 := &toks[i+1], &toks[i], &toks[i+3], &toks[i+4]
	keys = append(keys,
		key1(tBias, 0),
		key1(tLower, c.lower),
		key1(tShape, c.shape),
		key1(tShort, c.short),
		key1(tLowerM1, m1.lower),
		key1(tLowerP1, p1.lower),
		key1(tLowerM2, m2.lower),
		key1(tLowerP2, p2.lower),
		key1(tShapeM1, m1.shape),
		key1(tShapeP1, p1.shape),
		key1(tShortM1, m1.short),
		key1(tShortP1, p1.short),
		key1(tShortM2, m2.short),
		key1(tShortP2, p2.short),
		key2(tBigramM1, m1.lower, c.lower),
		key2(tBigramP1, c.lower, p1.lower),
		key3(tShortTri, m1.short, c.short, p1.short),
		key2(tLowerM1Shape, m1.lower, c.short),
		key2(tShapeLowerP1, c.short, p1.lower),
		key2(tSuffixM1, m1.suf[2], c.short),
		key2(tSuffixP1, p1.suf[2], c.short),
		key2(tFlagNext, uint64(p1.flags), uint64(c.flags)),
		key1(tCluster, c.fine),
		key1(tClusterCoarse, c.coarse),
		key2(tClusterShape, c.coarse, c.short),
		key1(tClusterM1, m1.fine),
		key1(tClusterP1, p1.fine),
		key2(tClusterBiM1, m1.coarse, c.coarse),
		key2(tClusterBiP1, c.coarse, p1.coarse),
	)
	for k := 0; k < 4; k++ {
		keys = append(keys, key2(tSuffix, uint64(k), c.suf[k]))
	}
	for f := c.flags; f != 0; f &= f - 1 {
		keys = append(keys, key1(tFlag, uint64(f&-f)))
	}
	if !lean {
		keys = append(keys,
			key1(tWord, c.word),
			key1(tWordM1, m1.word),
			key1(tWordP1, p1.word),
			key2(tCaseBin, c.caseBin, uint64(c.flags&(flagTitle|flagAllCaps))),
			key3(tCaseBinShape, c.caseBin, c.short, b2u(i == 0)),
			key2(tCaseBinM1, m1.caseBin, m1.short),
			key2(tCaseBinP1, p1.caseBin, p1.short),
		)
		for k := 0; k < 4; k++ {
			keys = append(keys, key2(tPrefix, uint64(k), c.pre[k]))
		}
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
	keys = cueWordKeys(contextKeys(keys, c), c)
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

// dynamicKeys appends the keys of the features on the two previous labels:
// labelKeys and wordLabelKeys (labelcache.go), in that order.
func dynamicKeys(keys []uint64, toks []token, i, prev, prev2 int) []uint64 {
	return wordLabelKeys(labelKeys(keys, prev, prev2), &toks[i+2].tokenBase, prev)
}

func b2u(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}

// isHeadline reports whether most letters-bearing tokens are upper case,
// as in wire-service headlines where case says nothing about names.
func isHeadline(toks []token) bool {
	caps, words := 0, 0
	for i := range toks {
		if toks[i].flags&(flagPunct|flagAllDigit) == 0 { // has letters
			words++
			if toks[i].flags&flagAllCaps != 0 {
				caps++
			}
		}
	}
	return words >= 2 && caps*10 >= words*7
}

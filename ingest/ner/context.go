package ner

import "sync"

// Context features let an attribution model see past its ±2 window: who
// speaks and what is said depend on a cue that may be a dozen words away
// ("“...,” the senator said") and on whether the token is inside
// quotation marks. The cue-like words are those the model's gazetteer
// holds as cues (type slot 1, AttrCue).

const numCtx = 6

const cueType = 1 // the gazetteer type slot of AttrCue

// distBucket buckets a token distance; 0 means none.
func distBucket(d int) uint64 {
	switch {
	case d <= 0:
		return 0
	case d == 1:
		return 1
	case d <= 3:
		return 2
	case d <= 7:
		return 3
	case d <= 15:
		return 4
	}
	return 5
}

// nearBucket buckets a positive token distance coarsely: 1 (up to 3), 2
// (up to 7) or 3.
func nearBucket(d int) uint64 {
	switch {
	case d <= 3:
		return 1
	case d <= 7:
		return 2
	}
	return 3
}

func isQuoteMark(w string) bool {
	switch w {
	case "\"", "“", "”", "``", "''":
		return true
	}
	return false
}

// addContext sets the context features of toks (no pads), whose words are
// given, after gazetteer marking. open says the sentence starts inside a
// quotation opened in an earlier sentence of its paragraph ("“A. B,” she
// said": B is quoted before any mark of its own sentence).
func addContext(toks []token, words []string, open bool) {
	n := len(toks)
	// nearest cue to the right, and quotation marks to the right
	right := make([]int, n)
	quoteRight := make([]int, n)
	next, nextQ := -1, -1
	for i := n - 1; i >= 0; i-- {
		right[i], quoteRight[i] = -1, -1
		if next >= 0 {
			right[i] = next - i
		}
		if nextQ >= 0 {
			quoteRight[i] = nextQ - i
		}
		if toks[i].gmask&(1<<cueType) != 0 {
			next = i
		}
		if isQuoteMark(words[i]) {
			nextQ = i
		}
	}
	last, quotes, thatAfterCue := -1, 0, false
	if open {
		quotes = 1
	}
	for i := range toks {
		tk := &toks[i]
		left := -1
		if last >= 0 {
			left = i - last
		}
		inQ := uint64(quotes & 1)
		thatBit := b2u(thatAfterCue)
		end := n - i
		if end > 4 {
			end = 4
		}
		cc := contextCase{left: distBucket(left), right: distBucket(right[i]), inQ: inQ,
			quoteRight: distBucket(quoteRight[i]), that: thatBit, end: uint64(end)}
		tk.ctx, tk.ctxCase = cc.values(), cc.index()+1
		tk.nctx = numCtx
		// Which word the cue is says more than where it is: a source
		// stands before "said", rarely before "voted".
		tk.ncw = 0
		if last >= 0 {
			tk.cueWords[tk.ncw] = mix(mix(7, toks[last].lower), nearBucket(left))
			tk.ncw++
		}
		if right[i] >= 0 {
			tk.cueWords[tk.ncw] = mix(mix(8, toks[i+right[i]].lower), nearBucket(right[i]))
			tk.ncw++
		}
		if isQuoteMark(words[i]) {
			quotes++
		}
		if tk.gmask&(1<<cueType) != 0 {
			last = i
			thatAfterCue = false
		} else if last >= 0 && (words[i] == "that" || words[i] == ":") {
			thatAfterCue = true
		}
	}
}

// contextCase is what the context features read of a token's place in
// the sentence, bucketed: distances to the nearest cue on the left and on
// the right, whether the token is inside quotation marks and how far the
// next mark is, whether "that" or a colon followed the last cue, and how
// near the sentence's end it is (1..4).
type contextCase struct {
	left, right, inQ, quoteRight, that, end uint64
}

// forEachContextCase calls f with every contextCase value, numContextCases
// of them.
func forEachContextCase(f func(contextCase)) {
	for left := range uint64(6) {
		for right := range uint64(6) {
			for inQ := range uint64(2) {
				for qr := range uint64(6) {
					for that := range uint64(2) {
						for end := uint64(1); end <= 4; end++ {
							f(contextCase{left, right, inQ, qr, that, end})
						}
					}
				}
			}
		}
	}
}

// numContextCases is the number of distinct contextCase values.
const numContextCases = 6 * 6 * 2 * 6 * 2 * 4

// values returns the context features' hashes.
func (c contextCase) values() [numCtx]uint64 {
	return [numCtx]uint64{
		mix(1, c.left),
		mix(2, c.right),
		mix(mix(3, c.inQ), c.quoteRight),
		mix(mix(mix(4, c.inQ), c.left), c.right),
		mix(mix(5, c.that), c.left),
		mix(mix(6, c.end), c.inQ),
	}
}

// index numbers c in [0, numContextCases).
func (c contextCase) index() int32 {
	return int32(((((c.left*6+c.right)*2+c.inQ)*6+c.quoteRight)*2+c.that)*4 + c.end - 1)
}

// contextKeys appends the keys of the context features of t.
func contextKeys(keys []uint64, t *token) []uint64 {
	for g := 0; g < t.nctx; g++ {
		keys = append(keys, key1(tContext, t.ctx[g]))
	}
	return keys
}

// cueWordKeys appends the keys of the nearest cue-like words of t.
func cueWordKeys(keys []uint64, t *token) []uint64 {
	for g := 0; g < t.ncw; g++ {
		keys = append(keys, key1(tCueWord, t.cueWords[g]))
	}
	return keys
}

// contextTable holds a context model's summed weights of the context
// features for every contextCase (235 KB): decoding adds one row where it
// would look up six features that take few values.
type contextTable struct {
	once sync.Once
	rows []labelRow
}

// contextRows returns m's context table, computing it on first use.
func (m *Model) contextRows() []labelRow {
	t := &m.ctxRows
	t.once.Do(func() {
		t.rows = make([]labelRow, numContextCases)
		var keys []uint64
		var tk token
		forEachContextCase(func(cc contextCase) {
			tk.ctx, tk.nctx = cc.values(), numCtx
			keys = contextKeys(keys[:0], &tk)
			m.sumKeys(&t.rows[cc.index()], keys)
		})
	})
	return t.rows
}

package ner

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

func isQuoteMark(w string) bool {
	switch w {
	case "\"", "“", "”", "``", "''":
		return true
	}
	return false
}

// addContext sets the context features of toks (no pads), whose words are
// given, after gazetteer marking.
func addContext(toks []token, words []string) {
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
		tk.ctx = [numCtx]uint64{
			mix(1, distBucket(left)),
			mix(2, distBucket(right[i])),
			mix(mix(3, inQ), distBucket(quoteRight[i])),
			mix(mix(mix(4, inQ), distBucket(left)), distBucket(right[i])),
			mix(mix(5, thatBit), distBucket(left)),
			mix(mix(6, uint64(end)), inQ),
		}
		tk.nctx = numCtx
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

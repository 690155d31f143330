package graph

import "strings"

// ClaimSimilarity scores how alike two claim texts are, in [0, 1]: the
// Jaccard similarity of their word bigram sets after NormalizeClaim. Both
// backends use it, so near-duplicate grouping does not depend on the store.
func ClaimSimilarity(a, b string) float64 {
	return NewClaimShingles(a).Similarity(NewClaimShingles(b))
}

// ClaimShingles is the set of word bigrams ClaimSimilarity compares. Build
// it once for a claim compared with many candidates.
type ClaimShingles map[string]struct{}

// NewClaimShingles returns the adjacent word pairs of the normalized text
// (its one word for a text of one word).
func NewClaimShingles(text string) ClaimShingles {
	w := strings.Fields(NormalizeClaim(text))
	set := make(ClaimShingles, len(w))
	if len(w) == 1 {
		set[w[0]] = struct{}{}
	}
	for i := 0; i+1 < len(w); i++ {
		set[w[i]+" "+w[i+1]] = struct{}{}
	}
	return set
}

// Similarity is the Jaccard index of two shingle sets: 1 for two empty
// sets.
func (a ClaimShingles) Similarity(b ClaimShingles) float64 {
	if len(a) == 0 && len(b) == 0 {
		return 1
	}
	inter := 0
	for k := range a {
		if _, ok := b[k]; ok {
			inter++
		}
	}
	union := len(a) + len(b) - inter
	if union == 0 {
		return 0
	}
	return float64(inter) / float64(union)
}

package graph

import "strings"

// ClaimSimilarity scores how alike two claim texts are, in [0, 1]: the
// Jaccard similarity of their word bigram sets after NormalizeClaim. Both
// backends use it, so near-duplicate grouping does not depend on the store.
func ClaimSimilarity(a, b string) float64 {
	sa, sb := bigrams(NormalizeClaim(a)), bigrams(NormalizeClaim(b))
	if len(sa) == 0 && len(sb) == 0 {
		return 1
	}
	inter := 0
	for k := range sa {
		if sb[k] {
			inter++
		}
	}
	union := len(sa) + len(sb) - inter
	if union == 0 {
		return 0
	}
	return float64(inter) / float64(union)
}

// bigrams returns the set of adjacent word pairs (single words for texts
// of one word).
func bigrams(s string) map[string]bool {
	w := strings.Fields(s)
	set := make(map[string]bool, len(w))
	if len(w) == 1 {
		set[w[0]] = true
	}
	for i := 0; i+1 < len(w); i++ {
		set[w[i]+" "+w[i+1]] = true
	}
	return set
}

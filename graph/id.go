package graph

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// ID prefixes tell an id's type at a glance and keep ids of different types
// from ever colliding.
const (
	articlePrefix      = "art_"
	entityPrefix       = "ent_"
	relationshipPrefix = "rel_"
	claimPrefix        = "clm_"
)

// hashID derives a deterministic id from a prefix and key parts. Both
// backends, and re-ingests of the same article, compute the same ids, which is
// what makes writes idempotent without a lookup.
func hashID(prefix string, parts ...string) string {
	h := sha256.New()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return prefix + hex.EncodeToString(h.Sum(nil)[:12])
}

// CanonicalKey folds a name to the key under which it is resolved: Unicode
// NFKC, case-folded, punctuation dropped except inside words, white space
// collapsed. "IS-K", "is-k" and "IS‑K" share a key; "ISK" does not.
func CanonicalKey(name string) string {
	name = norm.NFKC.String(name)
	var b strings.Builder
	space := false
	for _, r := range name {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
		case unicode.Is(unicode.Pd, r) || r == '\'' || r == '’' || r == '.' || r == '&':
			// Word-internal punctuation is kept so that "IS-K" and "ISK",
			// or "U.S." and "US", stay distinguishable when they must.
			if r == '’' {
				r = '\''
			} else if unicode.Is(unicode.Pd, r) {
				r = '-'
			}
			if b.Len() > 0 && !space {
				b.WriteRune(r)
			}
		default:
			space = true
		}
	}
	return strings.Trim(b.String(), "-'.& ")
}

// ArticleID returns the id of an article. An article with a URL is keyed by
// its URL, so a corrected version replaces the old one; an article without a
// URL is keyed by its content hash.
func ArticleID(url, contentHash string) string {
	if url != "" {
		return hashID(articlePrefix, "url", strings.TrimSpace(url))
	}
	return hashID(articlePrefix, "sha256", contentHash)
}

// ContentHash is the hex SHA-256 of an article's text.
func ContentHash(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:])
}

// EntityID returns the id of the entity of the given kind whose canonical
// key is key (see CanonicalKey).
func EntityID(kind EntityKind, key string) string {
	return hashID(entityPrefix, string(kind), key)
}

// RelationshipID returns the id of the relationship of type t between two
// entities. For undirected types the endpoints are ordered first, so
// RIVAL_OF(a, b) and RIVAL_OF(b, a) are one relationship.
func RelationshipID(t RelationType, source, target string) string {
	if !t.Directed() && target < source {
		source, target = target, source
	}
	return hashID(relationshipPrefix, string(t), source, target)
}

// ClaimID returns the id of a claim from its normalised text (see
// NormalizeClaim): the same statement carried by two articles is one claim
// with two citations.
func ClaimID(normalized string) string {
	return hashID(claimPrefix, normalized)
}

// NormalizeClaim reduces claim text to the form under which claims are
// identified: canonical key folding, so that case, quotes and punctuation do
// not split one claim into several.
func NormalizeClaim(text string) string {
	return CanonicalKey(text)
}

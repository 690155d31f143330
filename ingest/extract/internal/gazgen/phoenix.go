package main

import (
	"bufio"
	"os"
	"strings"
)

// phoenixRecord is one dictionary entry: its name line, codes and aliases.
type phoenixRecord struct {
	name    string
	codes   []string // "AFG", "AFGGOV 870930-871130"
	comment string
	aliases []string
}

// readPhoenix parses PETRARCH dictionary syntax and hands each record to
// keep.
func readPhoenix(path string, set *entrySet, keep func(*entrySet, *phoenixRecord)) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	var cur *phoenixRecord
	flush := func() {
		if cur != nil {
			keep(set, cur)
		}
		cur = nil
	}
	for sc.Scan() {
		line := sc.Text()
		body, comment, _ := strings.Cut(line, "#")
		trimmed := strings.TrimSpace(body)
		switch {
		case trimmed == "":
			if strings.TrimSpace(line) == "" {
				flush()
			}
		case strings.HasPrefix(trimmed, "+"):
			if cur != nil {
				for _, a := range strings.Split(trimmed, "+") {
					if a = strings.TrimSpace(a); a != "" {
						cur.aliases = append(cur.aliases, stripCodes(a))
					}
				}
			}
		case strings.HasPrefix(trimmed, "["):
			if cur != nil {
				cur.codes = append(cur.codes, codesOf(trimmed)...)
			}
		default:
			flush()
			cur = &phoenixRecord{name: stripCodes(trimmed), codes: codesOf(trimmed), comment: strings.TrimSpace(comment)}
		}
	}
	flush()
	return sc.Err()
}

func codesOf(s string) []string {
	var out []string
	for {
		i := strings.Index(s, "[")
		j := strings.Index(s, "]")
		if i < 0 || j < i {
			return out
		}
		out = append(out, strings.TrimSpace(s[i+1:j]))
		s = s[j+1:]
	}
}

func stripCodes(s string) string {
	if i := strings.Index(s, "["); i >= 0 {
		s = s[:i]
	}
	return strings.TrimSpace(s)
}

func dated(codes []string) bool {
	for _, c := range codes {
		if strings.Contains(c, " ") {
			return true
		}
	}
	return false
}

// milNonState keeps armed non-state groups and their aliases; a
// parenthesised acronym in a name is an alias.
func milNonState(set *entrySet, r *phoenixRecord) {
	name, acr := splitAcronym(r.name)
	aliases := []string{}
	if acr != "" {
		aliases = append(aliases, acr)
	}
	for _, a := range r.aliases {
		n, ac := splitAcronym(a)
		aliases = append(aliases, n)
		if ac != "" {
			aliases = append(aliases, ac)
		}
	}
	set.add("GROUP", phoenixName(name), mapNames(aliases)...)
}

// countries keeps countries with their spelling variants; other names
// listed under a country (cities, provinces) become places of their own,
// typed as places inside a country.
// Office-holders with multi-word names become people; national
// institutions, organisations.
func countries(set *entrySet, r *phoenixRecord) {
	switch {
	case len(r.codes) == 1 && len(r.codes[0]) == 3 && !dated(r.codes):
		name := phoenixName(r.name)
		var variants []string
		for _, a := range r.aliases {
			if isVariant(r.name, a) {
				variants = append(variants, phoenixName(a))
			} else if !strings.Contains(a, "_OF_") && !demonym(a) {
				set.add("PLACE", phoenixName(a))
				set.placeType(phoenixName(a), subnational)
			}
		}
		set.add("PLACE", name, variants...)
		set.placeType(name, country)
	case strings.Contains(r.comment, "CountryInfo"):
		name := phoenixName(r.name)
		if len(strings.Fields(name)) >= 2 {
			set.add("PERSON", name)
		}
	case len(r.codes) > 0 && !dated(r.codes) && len(r.codes[0]) > 3:
		set.add("ORGANIZATION", phoenixName(r.name), mapNames(r.aliases)...)
	}
}

// international keeps intergovernmental and non-governmental organisations
// and companies; entries with dated codes are people and are left out.
func international(set *entrySet, r *phoenixRecord) {
	if dated(r.codes) || len(r.codes) == 0 {
		return
	}
	c := r.codes[0]
	if !strings.HasPrefix(c, "IGO") && !strings.HasPrefix(c, "NGO") && !strings.HasPrefix(c, "MNC") {
		return
	}
	var aliases []string
	for _, a := range r.aliases {
		if !looksLikeOffice(a) {
			aliases = append(aliases, a)
		}
	}
	if looksLikeOffice(r.name) {
		return
	}
	set.add("ORGANIZATION", phoenixName(r.name), mapNames(aliases)...)
}

func looksLikeOffice(s string) bool {
	for _, w := range []string{"SECRETARY", "PRESIDENT", "MINISTER", "BARONESS", "CHAIRMAN", "DIRECTOR", "COMMISSIONER", "ENVOY", "SPOKES", "HEAD_OF", "CHIEF", "AMBASSADOR", "REPRESENTATIVE"} {
		if strings.Contains(strings.ToUpper(s), w) {
			return true
		}
	}
	return false
}

// isVariant reports whether alias is a spelling of name rather than
// another place: they share their first three letters, or most of their
// letter pairs and the first letter.
func isVariant(name, alias string) bool {
	n := strings.ToUpper(strings.Trim(name, "_ "))
	a := strings.ToUpper(strings.Trim(alias, "_ "))
	if len(n) < 3 || len(a) < 3 {
		return strings.HasPrefix(a, n) || strings.HasPrefix(n, a)
	}
	return n[:3] == a[:3] || len(n) >= 4 && strings.Contains(a, n[:4]) || n[0] == a[0] && dice(n, a) >= 0.6
}

// dice is the Dice coefficient of the letter pairs of a and b.
func dice(a, b string) float64 {
	pairs := func(s string) map[string]int {
		m := map[string]int{}
		for i := 0; i+1 < len(s); i++ {
			m[s[i:i+2]]++
		}
		return m
	}
	pa, pb := pairs(a), pairs(b)
	common, total := 0, 0
	for k, v := range pa {
		total += v
		if w := pb[k]; w > 0 {
			common += min(v, w)
		}
	}
	for _, v := range pb {
		total += v
	}
	if total == 0 {
		return 0
	}
	return 2 * float64(common) / float64(total)
}

// demonym reports whether an alias looks like an adjective of nationality
// ("AMERICAN", "BRITISH"): such aliases of a country are not places.
func demonym(alias string) bool {
	a := strings.ToUpper(strings.Trim(alias, "_ "))
	for _, suf := range []string{"ISH", "ESE", "IAN", "EAN", "ICAN", "IOT", "IC", "IQI", "ANI", "ITE", "ENS"} {
		if strings.HasSuffix(a, suf) && !strings.Contains(a, "_") {
			return true
		}
	}
	return false
}

func splitAcronym(s string) (string, string) {
	i := strings.Index(s, "(")
	j := strings.LastIndex(s, ")")
	if i < 0 || j < i {
		return s, ""
	}
	acr := strings.Trim(s[i+1:j], "_ ")
	return strings.TrimSpace(s[:i] + s[j+1:]), acr
}

// mapNames converts aliases; a one-word alias of up to five capitals is
// an acronym of the entry ("ANSF", "LTTE") and stays in capitals.
func mapNames(in []string) []string {
	out := make([]string, 0, len(in))
	for _, s := range in {
		w := strings.Trim(strings.ReplaceAll(s, "_", " "), " ")
		if !strings.Contains(w, " ") && len(w) <= 5 && w == strings.ToUpper(w) {
			out = append(out, w)
			continue
		}
		out = append(out, phoenixName(s))
	}
	return out
}

// particles stay in lower case inside names.
var particles = map[string]bool{"of": true, "the": true, "and": true, "for": true, "in": true, "on": true, "de": true,
	"la": true, "le": true, "du": true, "des": true, "del": true, "van": true, "von": true, "bin": true, "ibn": true,
	"al": true, "el": true, "i": true, "e": true, "y": true, "da": true, "di": true, "to": true, "a": true}

// phoenixName turns "ADEN_ABYAN_ISLAMIC_ARMY_" into "Aden Abyan Islamic
// Army". Short words without vowels stay in capitals: they are acronyms
// ("PKK").
func phoenixName(s string) string {
	s = strings.Trim(strings.ReplaceAll(s, "_", " "), " ")
	words := strings.Fields(s)
	for i, w := range words {
		parts := strings.Split(w, "-")
		for k, p := range parts {
			lp := strings.ToLower(p)
			switch {
			case particles[lp] && (i > 0 || k > 0):
				parts[k] = lp
			case !hasVowel(p) && len(p) <= 5, strings.Contains(p, ".") && len(p) <= 5:
				parts[k] = strings.ToUpper(p)
			default:
				parts[k] = titleWord(lp)
			}
		}
		words[i] = strings.Join(parts, "-")
	}
	return strings.Join(words, " ")
}

func titleWord(w string) string {
	r := []rune(w)
	if len(r) == 0 {
		return w
	}
	r[0] = []rune(strings.ToUpper(string(r[0])))[0]
	return string(r)
}

func hasVowel(s string) bool { return strings.ContainsAny(strings.ToLower(s), "aeiouy") }

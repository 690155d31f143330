package extract

import (
	"sort"

	"github.com/newsgraph/newsgraph/graph"
)

// anaphorWindow is how many sentences back an anaphor may look.
const anaphorWindow = 2

// resolveAnaphors links "the group", "this entity", "the militant group"
// and "the two groups", "both groups" to the groups named just before them,
// only where the antecedent is unambiguous: exactly one group (or exactly
// two, for the plural) in the window.
func (d *doc) resolveAnaphors() {
	for si, s := range d.sents {
		taken := make(map[int]bool)
		for _, m := range d.bySent[si] {
			for t := m.T0; t < m.T1; t++ {
				taken[t] = true
			}
		}
		added := false
		for i := s.T0; i < s.T1; i++ {
			det := d.lower[i]
			if det != "the" && det != "this" && det != "both" {
				continue
			}
			j, plural := i+1, false
			if det == "both" {
				plural = true
			} else if j < s.T1 && d.lower[j] == "two" {
				plural = true
				j++
			}
			// Up to two lower-case modifiers: "the militant group".
			end := -1
			for k := j; k < s.T1 && k <= j+2; k++ {
				w := d.lower[k]
				if plural && (w == "groups" || w == "organizations" || w == "organisations" || w == "movements" || w == "factions") ||
					!plural && groupAnaphors[w] && !d.nameWord(k) {
					end = k + 1
					break
				}
				if d.nameWord(k) || !isLowerWord(w) || taken[k] {
					break
				}
			}
			if end < 0 || taken[i] {
				continue
			}
			ants := d.groupsBefore(si, d.toks[i].R0)
			m := &mention{candidate: candidate{T0: i, T1: end, RoleT0: i, Conf: 0.5, Rule: "anaphor"}, Sent: si, Anaphor: true}
			switch {
			case plural && len(ants) == 2:
				m.Ent, m.Other, m.Kind = ants[1], ants[0], ants[1].Kind
			case !plural && len(ants) == 1:
				m.Ent, m.Kind = ants[0], ants[0].Kind
			default:
				continue
			}
			d.bySent[si] = append(d.bySent[si], m)
			d.mentions = append(d.mentions, m)
			added = true
			i = end - 1
		}
		if added {
			ms := d.bySent[si]
			sort.SliceStable(ms, func(a, b int) bool { return ms[a].T0 < ms[b].T0 })
		}
	}
	sort.SliceStable(d.mentions, func(a, b int) bool { return d.mentions[a].T0 < d.mentions[b].T0 })
}

// groupsBefore lists the distinct groups and organisations named in the
// window before code-point offset r, most recent first.
func (d *doc) groupsBefore(si, r int) []*entity {
	var out []*entity
	seen := map[*entity]bool{}
	for s := si; s >= 0 && s >= si-anaphorWindow; s-- {
		ms := d.bySent[s]
		for k := len(ms) - 1; k >= 0; k-- {
			m := ms[k]
			if m.Anaphor || d.toks[m.T0].R0 >= r || seen[m.Ent] {
				continue
			}
			if m.Ent.Kind == graph.Group || m.Ent.Kind == graph.Organization {
				seen[m.Ent] = true
				out = append(out, m.Ent)
			}
		}
	}
	return out
}

func isLowerWord(w string) bool {
	for _, r := range w {
		if !(r >= 'a' && r <= 'z' || r == '-') {
			return false
		}
	}
	return w != ""
}

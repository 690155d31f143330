package ner

// Labels are kept in BILOU form inside the model (Begin, Inside, Last,
// Outside, Unit): it separates one-token names from the start of longer
// ones, which a greedy decoder benefits from. Callers see plain BIO.

// typeNames are the entity types the tagger knows, in model order.
var typeNames = [numTypes]string{"PER", "ORG", "LOC", "MISC"}

const numTypes = 4

const (
	prefB = iota
	prefI
	prefL
	prefU
	numPrefixes
)

// numLabels counts O plus one label per (prefix, type).
const numLabels = 1 + numPrefixes*numTypes

const labelO = 0

func label(prefix, typ int) int { return 1 + typ*numPrefixes + prefix }

func labelPrefix(l int) int { return (l - 1) % numPrefixes }

func labelType(l int) int { return (l - 1) / numPrefixes }

// allowed reports whether label cur may follow prev under BILOU.
func allowed(prev, cur int) bool {
	prevOpen := prev != labelO && (labelPrefix(prev) == prefB || labelPrefix(prev) == prefI)
	if cur == labelO {
		return !prevOpen
	}
	switch labelPrefix(cur) {
	case prefB, prefU:
		return !prevOpen
	default: // I, L continue an open entity of the same type
		return prevOpen && labelType(prev) == labelType(cur)
	}
}

// allowedLast reports whether a sentence may end with label l.
func allowedLast(l int) bool {
	return l == labelO || labelPrefix(l) == prefL || labelPrefix(l) == prefU
}

// toBILOU converts a BIO (or IOB1) sequence into label indices. Unknown
// types become O.
func toBILOU(bio []string) []int {
	out := make([]int, len(bio))
	typ := make([]int, len(bio))
	begin := make([]bool, len(bio))
	for i, t := range bio {
		typ[i] = -1
		if len(t) < 3 || t[1] != '-' {
			continue
		}
		for k, name := range typeNames {
			if t[2:] == name {
				typ[i] = k
			}
		}
		begin[i] = t[0] == 'B' || i == 0 || typ[i-1] != typ[i]
	}
	for i := range bio {
		if typ[i] < 0 {
			out[i] = labelO
			continue
		}
		next := i+1 < len(bio) && typ[i+1] == typ[i] && !begin[i+1]
		switch {
		case begin[i] && next:
			out[i] = label(prefB, typ[i])
		case begin[i]:
			out[i] = label(prefU, typ[i])
		case next:
			out[i] = label(prefI, typ[i])
		default:
			out[i] = label(prefL, typ[i])
		}
	}
	return out
}

// bioNames maps a label index to its BIO name.
var bioNames = func() []string {
	names := make([]string, numLabels)
	names[labelO] = "O"
	for t, name := range typeNames {
		for p := 0; p < numPrefixes; p++ {
			b := "I-"
			if p == prefB || p == prefU {
				b = "B-"
			}
			names[label(p, t)] = b + name
		}
	}
	return names
}()

package eval

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"
)

// ReadUnlabeled tokenises every .txt file under dir into rough sentences.
// It only feeds word statistics (how often a word is capitalised), so a
// simple split on spaces and punctuation is enough. Files are read in name
// order to keep training reproducible.
func ReadUnlabeled(dir string) ([][]string, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil {
		return nil, err
	}
	sort.Strings(paths)
	var out [][]string
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		out = append(out, roughSentences(string(b))...)
	}
	return out, nil
}

// ReadUnlabeledDirs reads the running text of folders under dataDir, in
// the order given (as a recipe's list of unlabelled folders names them).
func ReadUnlabeledDirs(dataDir string, dirs []string) ([][]string, error) {
	var out [][]string
	for _, d := range dirs {
		t, err := ReadUnlabeled(filepath.Join(dataDir, d))
		if err != nil {
			return nil, err
		}
		out = append(out, t...)
	}
	return out, nil
}

func roughSentences(text string) [][]string {
	var sents [][]string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			sents = append(sents, cur)
			cur = nil
		}
	}
	for _, line := range strings.Split(text, "\n") {
		for _, field := range strings.Fields(line) {
			start := 0
			rs := []rune(field)
			emit := func(end int) {
				if end > start {
					cur = append(cur, string(rs[start:end]))
				}
			}
			for i, r := range rs {
				if unicode.IsLetter(r) || unicode.IsDigit(r) || (r == '-' || r == '\'' || r == '.' || r == '&') && i > start && i+1 < len(rs) {
					continue
				}
				emit(i)
				cur = append(cur, string(r))
				start = i + 1
				if r == '.' || r == '!' || r == '?' {
					flush()
				}
			}
			emit(len(rs))
		}
		flush()
	}
	return sents
}

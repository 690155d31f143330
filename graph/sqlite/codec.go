package sqlite

import (
	"database/sql"
	"encoding/json"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// Times are stored as microseconds since the Unix epoch, NULL for the zero
// time, which is what the contract's "UTC, truncated to the microsecond"
// comes to.

func timeArg(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UnixMicro()
}

func timeOf(v sql.NullInt64) time.Time {
	if !v.Valid {
		return time.Time{}
	}
	return time.UnixMicro(v.Int64).UTC()
}

// truncate is what a time becomes once stored.
func truncate(t time.Time) time.Time {
	if t.IsZero() {
		return time.Time{}
	}
	return time.UnixMicro(t.UnixMicro()).UTC()
}

func jsonText(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		// Only []string and map[string]string are encoded here.
		panic(err)
	}
	return string(b)
}

func stringsOf(s string) ([]string, error) {
	if s == "[]" {
		return nil, nil // most entities have no alias or role: spare the decoder
	}
	var v []string
	if err := json.Unmarshal([]byte(s), &v); err != nil {
		return nil, err
	}
	if len(v) == 0 {
		return nil, nil
	}
	return v, nil
}

func mapOf(s string) (map[string]string, error) {
	if s == "{}" {
		return nil, nil
	}
	var v map[string]string
	if err := json.Unmarshal([]byte(s), &v); err != nil {
		return nil, err
	}
	if len(v) == 0 {
		return nil, nil
	}
	return v, nil
}

func nonNil(v []string) []string {
	if v == nil {
		return []string{}
	}
	return v
}

// ftsQuery turns user words into an FTS5 query that matches rows containing
// every word, each as a prefix when prefix is set. Each word is quoted, so
// FTS5 syntax in the input (quotes, *, OR, NEAR, column filters) is matched
// as text, never interpreted. Words with no letter or digit can match no
// token and are dropped; ok is false when nothing is left.
func ftsQuery(q string, prefix bool) (query string, ok bool) {
	var parts []string
	// Control characters (NUL above all) would end or corrupt the query.
	q = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, q)
	for _, w := range strings.Fields(q) {
		if !strings.ContainsFunc(w, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
			continue
		}
		p := `"` + strings.ReplaceAll(w, `"`, `""`) + `"`
		if prefix {
			p += "*"
		}
		parts = append(parts, p)
	}
	return strings.Join(parts, " AND "), len(parts) > 0
}

// placeholders returns "?, ?, ?" for n arguments.
func placeholders(n int) string {
	if n <= 0 {
		return ""
	}
	return strings.Repeat("?, ", n-1) + "?"
}

func anys[T any](v []T) []any {
	a := make([]any, len(v))
	for i, x := range v {
		a[i] = x
	}
	return a
}

// chunks splits ids so that no statement exceeds SQLite's variable limit.
func chunks(ids []string, size int) [][]string {
	var out [][]string
	for len(ids) > size {
		out = append(out, ids[:size])
		ids = ids[size:]
	}
	if len(ids) > 0 {
		out = append(out, ids)
	}
	return out
}

func itoa(n int) string { return strconv.Itoa(n) }

package sqlite

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/graph"
)

// TestClaimSumMatchesSQLite holds sqlSum to the sum() of the SQLite the
// store links: the same floats added in the same order give the same
// float, to the last bit, for values of mixed sizes and signs.
func TestClaimSumMatchesSQLite(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "graph.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.write.ExecContext(ctx, `CREATE TEMP TABLE addends (v REAL NOT NULL)`); err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(7, 7))
	for _, tc := range []struct {
		name    string
		n       int
		gen     func() float64
		telling bool
	}{
		{"logs of confidences", 300, func() float64 { return math.Log1p(-rng.Float64()) }, false},
		{"mixed magnitudes", 500, func() float64 { return (rng.Float64() - 0.7) * math.Pow(10, float64(rng.IntN(40)-20)) }, false},
		{"one value", 1, func() float64 { return -0.25 }, false},
		{"cancelling", 200, func() float64 { return float64(rng.IntN(3)-1)*1e16*(1+rng.Float64()) + rng.Float64() }, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := s.write.ExecContext(ctx, `DELETE FROM addends`); err != nil {
				t.Fatal(err)
			}
			var (
				sum     sqlSum
				addends []float64
			)
			for range tc.n {
				v := tc.gen()
				sum.add(v)
				addends = append(addends, v)
				if _, err := s.write.ExecContext(ctx, `INSERT INTO addends (v) VALUES (?)`, v); err != nil {
					t.Fatal(err)
				}
			}
			var want float64
			if err := s.write.QueryRowContext(ctx, `SELECT sum(v) FROM addends`).Scan(&want); err != nil {
				t.Fatal(err)
			}
			if got, ok := sum.value(); !ok || math.Float64bits(got) != math.Float64bits(want) {
				t.Errorf("sum = %v (%x), SQLite %v (%x)", got, math.Float64bits(got), want, math.Float64bits(want))
			}
			if !tc.telling {
				return
			}
			// These data tell a plain sum, and the same sum backwards,
			// from SQLite's: the comparison above can fail.
			var plain float64
			var back sqlSum
			for i := range addends {
				plain += addends[i]
				back.add(addends[len(addends)-1-i])
			}
			if bv, _ := back.value(); plain == want && bv == want {
				t.Errorf("neither a plain sum nor the reverse order differs from SQLite's %v", want)
			}
		})
	}
}

// TestClaimsByGroupAsOneByOne checks that claims aggregated for a whole
// group commit come out as the statement of one claim at a time computed
// them: the noisy-or of the citations summed in the order of
// claim_evidence_by_claim (bit for bit), counts, dates, the earliest
// citation's text, speakers and subjects. The citations are written out
// of date order, across groups, some articles twice, so that the order in
// which they were inserted is not the index's. (Addends of one sign, as
// logs of misses are, make a compensated sum all but independent of the
// order; TestClaimSumMatchesSQLite shows that the sum is SQLite's on data
// where order and method do matter.)
func TestClaimsByGroupAsOneByOne(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "graph.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	rng := rand.New(rand.NewPCG(3, 5))
	people := []string{"Ada Quill", "Bram Otter", "Cleo Marsh"}
	var xs []*graph.Extraction
	for n := range 120 {
		text := fmt.Sprintf("Report %d. Ada Quill said the bridge will open. Bram Otter said so too.", n)
		a := graph.Article{URL: fmt.Sprintf("https://wire.example/%d", n), Title: "Bridge", Outlet: "Wire", Text: text,
			PublishedAt: time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(rng.IntN(30)) * 24 * time.Hour)}
		a.ContentHash = graph.ContentHash(text)
		a.ID = graph.ArticleID(a.URL, a.ContentHash)
		x := &graph.Extraction{Article: a}
		for _, p := range people {
			x.Entities = append(x.Entities, graph.Entity{ID: graph.EntityID(graph.Person, graph.CanonicalKey(p)), Kind: graph.Person, Name: p})
		}
		for i := range 3 {
			said := fmt.Sprintf("the bridge will open in stage %d", (n*i)%4)
			conf := []float64{rng.Float64(), 1 - 1e-9*rng.Float64(), 1e-12 * rng.Float64(), 0.5, 1}[rng.IntN(5)]
			if rng.IntN(3) > 0 && conf == 1 {
				conf = 0.9
			}
			x.Claims = append(x.Claims, graph.ClaimEvidence{ClaimID: graph.ClaimID(graph.NormalizeClaim(said)), Text: said,
				Verbatim: i == 1, Cue: graph.Span{Start: 20, End: 24, Text: "said"},
				SpeakerIDs: []string{x.Entities[(n+i)%3].ID}, AboutIDs: []string{x.Entities[(n+i+1)%3].ID},
				Citation: graph.Citation{ArticleID: a.ID, SentenceIndex: 1, SentenceText: "one sentence", Start: 11 + i, End: 20 + i,
					Trigger: "said", Extractor: "test", Confidence: conf}})
		}
		xs = append(xs, x)
	}
	for i := 0; i < len(xs); i += 16 {
		if err := s.WriteExtractions(ctx, xs[i:min(i+16, len(xs))]); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.WriteExtractions(ctx, []*graph.Extraction{xs[3], xs[77], xs[40]}); err != nil {
		t.Fatal(err) // rewritten: their citations get new rowids
	}
	rows, err := s.write.QueryContext(ctx, `SELECT id, confidence, evidence_count, first_seen, last_seen, text, verbatim,
		speaker_ids, about_ids FROM claims ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	type agg struct {
		conf            uint64
		n               int
		first, last     int64
		text            string
		verbatim        bool
		speakers, about string
	}
	got := map[string]agg{}
	for rows.Next() {
		var (
			id   string
			a    agg
			conf float64
		)
		if err := rows.Scan(&id, &conf, &a.n, &a.first, &a.last, &a.text, &a.verbatim, &a.speakers, &a.about); err != nil {
			t.Fatal(err)
		}
		a.conf = math.Float64bits(conf)
		got[id] = a
	}
	rows.Close()
	if len(got) != 4 {
		t.Fatalf("%d claims, want 4", len(got))
	}
	for id, g := range got {
		// One claim's statement, as recomputeClaim had it before claims
		// were read by group.
		var (
			want             agg
			maxConf, logMiss float64
			speakers, about  string
		)
		if err := s.write.QueryRowContext(ctx, `SELECT count(*), min(date), max(date), max(verbatim), max(confidence),
				coalesce(sum(ln(1 - confidence)) FILTER (WHERE confidence < 1), 0),
				(SELECT text FROM claim_evidence WHERE claim_id = ?1 ORDER BY date, article_id, start, seq LIMIT 1),
				(SELECT json_group_array(DISTINCT j.value) FROM (SELECT j.value FROM claim_evidence e, json_each(e.speaker_ids) j
					WHERE e.claim_id = ?1 ORDER BY 1) j),
				(SELECT json_group_array(DISTINCT j.value) FROM (SELECT j.value FROM claim_evidence e, json_each(e.about_ids) j
					WHERE e.claim_id = ?1 ORDER BY 1) j)
			FROM claim_evidence WHERE claim_id = ?1`, id).
			Scan(&want.n, &want.first, &want.last, &want.verbatim, &maxConf, &logMiss, &want.text, &speakers, &about); err != nil {
			t.Fatal(err)
		}
		want.speakers, want.about = speakers, about
		conf := 1.0
		if maxConf < 1 {
			conf = -math.Expm1(logMiss)
		}
		want.conf = math.Float64bits(conf)
		if g != want {
			t.Errorf("claim %s:\n got %+v\nwant %+v", id, g, want)
		}
	}
}

// TestClaimCitationsPlan checks that the group's citations are read with
// an index seek per claim, not a scan of all the evidence.
func TestClaimCitationsPlan(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "graph.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	rows, err := s.write.QueryContext(ctx, `EXPLAIN QUERY PLAN `+citationsQuery(`json_each(?1)`), `["a","b"]`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var plan []string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			t.Fatal(err)
		}
		plan = append(plan, detail)
	}
	if !slices.ContainsFunc(plan, func(d string) bool {
		return strings.Contains(d, "claim_evidence_by_claim (claim_id=?)")
	}) {
		t.Errorf("plan does not seek claim_evidence_by_claim:\n%s", strings.Join(plan, "\n"))
	}
	t.Logf("plan:\n%s", strings.Join(plan, "\n"))
}

// TestClaimIDNotUTF8 checks that a claim whose id is not valid UTF-8,
// which the group's JSON list of ids would alter, is read on its own and
// aggregated like the others.
func TestClaimIDNotUTF8(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "graph.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	text := "Ada Quill said the ferry runs. Ada Quill said the ferry stops."
	a := graph.Article{URL: "https://wire.example/ferry", Title: "Ferry", Outlet: "Wire", Text: text,
		PublishedAt: time.Date(2025, 4, 2, 0, 0, 0, 0, time.UTC)}
	a.ContentHash = graph.ContentHash(text)
	a.ID = graph.ArticleID(a.URL, a.ContentHash)
	ada := graph.EntityID(graph.Person, "ada quill")
	x := &graph.Extraction{Article: a, Entities: []graph.Entity{{ID: ada, Kind: graph.Person, Name: "Ada Quill"}}}
	for i, id := range []string{"claim-\xff-odd", "claim-plain"} {
		x.Claims = append(x.Claims, graph.ClaimEvidence{ClaimID: id, Text: fmt.Sprintf("the ferry runs %d", i),
			SpeakerIDs: []string{ada}, Citation: graph.Citation{ArticleID: a.ID, SentenceIndex: i, SentenceText: "a sentence",
				Start: 31 * i, End: 31*i + 30, Trigger: "said", Extractor: "test", Confidence: 0.25}})
	}
	for range 2 { // the second write replaces the first
		if err := s.WriteExtractions(ctx, []*graph.Extraction{x}); err != nil {
			t.Fatal(err)
		}
	}
	for _, id := range []string{"claim-\xff-odd", "claim-plain"} {
		var (
			n        int
			conf     float64
			speakers string
			linked   int
		)
		if err := s.write.QueryRowContext(ctx, `SELECT evidence_count, confidence, speaker_ids,
			(SELECT count(*) FROM claim_speakers WHERE claim_id = ?1) FROM claims WHERE id = ?1`, id).
			Scan(&n, &conf, &speakers, &linked); err != nil {
			t.Fatalf("claim %q: %v", id, err)
		}
		if n != 1 || math.Abs(conf-0.25) > 1e-12 || speakers != `["`+ada+`"]` || linked != 1 {
			t.Errorf("claim %q: count %d, confidence %v, speakers %s, %d links", id, n, conf, speakers, linked)
		}
	}
}

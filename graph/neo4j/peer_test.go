package neo4j

import (
	"context"
	"errors"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	neo4jdrv "github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/neo4j/internal/boltpeer"
)

// These tests run the real driver against a scripted Bolt peer: they pin
// how records decode into domain types and how driver failures map onto
// graph error codes. The Cypher itself is checked by cypher_lint_test.go and
// by the contract suite against a real Neo4j (store_contract_test.go).

// answer scripts the records one statement returns.
func answer(st statement, keys []string, records ...[]any) boltpeer.Rule {
	return boltpeer.Rule{Match: string(st), Replies: []boltpeer.Reply{{Keys: keys, Records: records}}}
}

func fail(st statement, code string, then ...boltpeer.Reply) boltpeer.Rule {
	replies := append([]boltpeer.Reply{{Failure: &boltpeer.Failure{Code: code, Message: "scripted failure: " + code}}}, then...)
	return boltpeer.Rule{Match: string(st), Replies: replies}
}

var zone = time.FixedZone("+0430", 4*3600+1800)

func TestPeerDecodesDomainTypes(t *testing.T) {
	first := time.Date(2025, 3, 4, 14, 0, 0, 123456789, zone)
	last := time.Date(2025, 3, 10, 18, 0, 0, 0, time.UTC)
	st, _ := openPeer(t,
		answer(cypherEntity, []string{"entity"}, []any{map[string]any{
			"id": "ent_1", "kind": "GROUP", "name": "Harbour Union",
			"aliases": []any{"HU", "Union"}, "roles": []any{},
			"externalIds": []any{"wikidata\tQ1", "viaf\t77"},
			"firstSeen":   first, "lastSeen": last, "mentionCount": int64(5),
		}}),
		answer(cypherRelationshipsOf, []string{"relationship"}, []any{map[string]any{
			"id": "rel_1", "type": "ALLIED_WITH", "sourceId": "ent_1", "targetId": "ent_2", "directed": false,
			"evidenceCount": int64(2), "firstSeen": first, "lastSeen": last, "confidence": 0.88,
		}}),
		answer(cypherClaimEvidence, []string{"id", "evidence"}, []any{"clm_1", []any{map[string]any{
			"claimId": "clm_1", "text": "it will last", "verbatim": true, "articleId": "art_1",
			"sourceStart": int64(0), "sourceEnd": int64(4), "sourceText": "Mara",
			"cueStart": int64(5), "cueEnd": int64(9), "cueText": "said",
			"speakerIds": []any{"ent_3"}, "aboutIds": []any{}, "sentenceIndex": int64(1), "sentenceText": "Mara said it will last.",
			"start": int64(10), "end": int64(22), "trigger": "said", "extractor": "x", "confidence": 0.5, "seq": int64(0),
		}}}),
	)
	ctx := context.Background()
	wantFirst := time.Date(2025, 3, 4, 9, 30, 0, 123456000, time.UTC)

	e, err := st.Entity(ctx, "ent_1")
	if err != nil {
		t.Fatal(err)
	}
	wantE := &graph.Entity{
		ID: "ent_1", Kind: graph.Group, Name: "Harbour Union", Aliases: []string{"HU", "Union"},
		ExternalIDs: map[string]string{"wikidata": "Q1", "viaf": "77"},
		FirstSeen:   wantFirst, LastSeen: last, MentionCount: 5,
	}
	if diff := cmp.Diff(wantE, e); diff != "" {
		t.Errorf("Entity (-want +got):\n%s", diff)
	}
	if e.FirstSeen.Location() != time.UTC {
		t.Errorf("FirstSeen in %v, want UTC", e.FirstSeen.Location())
	}

	rels, err := st.Relationships(ctx, graph.RelationshipFilter{EntityID: "ent_1"})
	if err != nil {
		t.Fatal(err)
	}
	wantR := []*graph.Relationship{{
		ID: "rel_1", Type: graph.AlliedWith, SourceID: "ent_1", TargetID: "ent_2",
		EvidenceCount: 2, FirstSeen: wantFirst, LastSeen: last, Confidence: 0.88,
	}}
	if diff := cmp.Diff(wantR, rels); diff != "" {
		t.Errorf("Relationships (-want +got):\n%s", diff)
	}

	ev, err := st.ClaimEvidence(ctx, []string{"clm_1"})
	if err != nil {
		t.Fatal(err)
	}
	wantEv := map[string][]graph.ClaimEvidence{"clm_1": {{
		ClaimID: "clm_1", Text: "it will last", Verbatim: true,
		Source: graph.Span{Start: 0, End: 4, Text: "Mara"}, Cue: graph.Span{Start: 5, End: 9, Text: "said"},
		SpeakerIDs: []string{"ent_3"},
		Citation: graph.Citation{ArticleID: "art_1", SentenceIndex: 1, SentenceText: "Mara said it will last.",
			Start: 10, End: 22, Trigger: "said", Extractor: "x", Confidence: 0.5},
	}}}
	if diff := cmp.Diff(wantEv, ev); diff != "" {
		t.Errorf("ClaimEvidence (-want +got):\n%s", diff)
	}

	if _, err := st.Article(ctx, "art_missing"); graph.ErrorCode(err) != graph.NotFound {
		t.Errorf("Article(no record) error = %v, want NOT_FOUND", err)
	}
}

// TestPeerWriteParameters checks what WriteExtraction sends: one write
// transaction, parameters only, times in UTC truncated to the microsecond,
// the graph name on every statement.
func TestPeerWriteParameters(t *testing.T) {
	st, p := openPeer(t)
	x := fixture(t)
	if err := st.WriteExtraction(context.Background(), x); err != nil {
		t.Fatal(err)
	}
	var merge *boltpeer.Event
	for _, e := range p.Events() {
		if e.Message != "RUN" {
			continue
		}
		if e.Params["ns"] != "test" {
			t.Errorf("statement sent without the graph name: %.40q", e.Query)
		}
		if strings.Contains(e.Query, x.Article.ID) || strings.Contains(e.Query, "Harbour") {
			t.Errorf("data spliced into Cypher: %.80q", e.Query)
		}
		if e.Query == string(cypherMergeExtraction) {
			merge = &e
		}
	}
	if merge == nil {
		t.Fatal("merge statement not sent")
	}
	art, _ := merge.Params["article"].(map[string]any)
	pub, _ := art["publishedAt"].(time.Time)
	want := x.Article.PublishedAt.UTC().Truncate(time.Microsecond)
	if !pub.Equal(want) || pub.Nanosecond()%1000 != 0 {
		t.Errorf("publishedAt sent as %v, want %v", pub, want)
	}
	if _, off := pub.Zone(); off != 0 {
		t.Errorf("publishedAt sent with offset %d, want UTC", off)
	}
	for key, n := range map[string]int{"entities": 4, "mentions": 5, "relationships": 2, "claims": 1} {
		if l, _ := merge.Params[key].([]any); len(l) != n {
			t.Errorf("%s batch has %d rows, want %d", key, len(l), n)
		}
	}
}

func TestPeerErrorMapping(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	t.Run("constraint violation is a conflict, not retried", func(t *testing.T) {
		st, p := openPeer(t, fail(cypherMergeExtraction, "Neo.ClientError.Schema.ConstraintValidationFailed"))
		err := st.WriteExtraction(ctx, fixture(t))
		if graph.ErrorCode(err) != graph.Conflict {
			t.Fatalf("error = %v, want CONFLICT", err)
		}
		checkClientSafe(t, err)
		var dbErr *neo4jdrv.Neo4jError
		if !errors.As(err, &dbErr) {
			t.Errorf("driver error not kept in the chain: %v", err)
		}
		if n := p.Count("BEGIN"); n != 1 {
			t.Errorf("%d transactions begun, want 1 (client errors are final)", n)
		}
	})
	t.Run("transient error is retried, then succeeds", func(t *testing.T) {
		st, p := openPeer(t, fail(cypherMergeExtraction, "Neo.TransientError.Transaction.DeadlockDetected", boltpeer.Reply{}))
		if err := st.WriteExtraction(ctx, fixture(t)); err != nil {
			t.Fatalf("WriteExtraction = %v, want success after a retry", err)
		}
		if b, c := p.Count("BEGIN"), p.Count("COMMIT"); b != 2 || c != 1 {
			t.Errorf("BEGIN %d, COMMIT %d; want 2 attempts and 1 commit", b, c)
		}
	})
	t.Run("lost connection is retried on a new one", func(t *testing.T) {
		st, p := openPeer(t, boltpeer.Rule{Match: string(cypherMergeExtraction), Replies: []boltpeer.Reply{{Hangup: true}, {}}})
		if err := st.WriteExtraction(ctx, fixture(t)); err != nil {
			t.Fatalf("WriteExtraction = %v, want success after a retry", err)
		}
		if c := p.Count("COMMIT"); c != 1 {
			t.Errorf("COMMIT %d, want 1", c)
		}
	})
	t.Run("transient errors past the retry time are unavailable", func(t *testing.T) {
		st, _ := openPeer(t, fail(cypherArticle, "Neo.TransientError.General.DatabaseUnavailable"))
		_, err := st.Article(ctx, "art_1")
		if graph.ErrorCode(err) != graph.Unavailable {
			t.Fatalf("error = %v, want UNAVAILABLE", err)
		}
		checkClientSafe(t, err)
	})
	t.Run("syntax error is internal", func(t *testing.T) {
		st, _ := openPeer(t, fail(cypherStats, "Neo.ClientError.Statement.SyntaxError"))
		_, err := st.Stats(ctx)
		if graph.ErrorCode(err) != graph.Internal {
			t.Fatalf("error = %v, want INTERNAL", err)
		}
		checkClientSafe(t, err)
	})
	t.Run("bad credentials", func(t *testing.T) {
		st, _ := openPeer(t, fail(cypherClaim, "Neo.ClientError.Security.Forbidden"))
		_, err := st.Claim(ctx, "clm_1")
		if graph.ErrorCode(err) != graph.Unavailable || !strings.Contains(graph.ErrorMessage(err), "credentials") {
			t.Fatalf("error = %v, want UNAVAILABLE about credentials", err)
		}
	})
}

// checkClientSafe fails when driver or Cypher text reaches the client
// message.
func checkClientSafe(t *testing.T, err error) {
	t.Helper()
	msg := graph.ErrorMessage(err)
	for _, leak := range []string{"Neo.", "Neo4jError", "scripted failure", "MATCH", "bolt"} {
		if strings.Contains(msg, leak) {
			t.Errorf("client message %q leaks %q", msg, leak)
		}
	}
	if msg == "" {
		t.Error("empty client message")
	}
}

func TestPeerUnreachable(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close() // nothing listens there any more: connections are refused
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	_, err = Open(ctx, Config{URI: "bolt://" + addr, User: "neo4j", Password: "x", MaxRetryTime: 500 * time.Millisecond, ConnectTimeout: time.Second})
	if graph.ErrorCode(err) != graph.Unavailable {
		t.Fatalf("Open(refused) error = %v, want UNAVAILABLE", err)
	}
	if msg := graph.ErrorMessage(err); !strings.Contains(msg, "cannot be reached") {
		t.Errorf("client message %q does not say the store cannot be reached", msg)
	}
	checkClientSafe(t, err)
}

func TestPeerUnavailableAfterOpen(t *testing.T) {
	t.Parallel()
	st, p := openPeer(t)
	p.Close()
	_, err := st.Article(context.Background(), "art_1")
	if graph.ErrorCode(err) != graph.Unavailable {
		t.Fatalf("Article after the server went away: error = %v, want UNAVAILABLE", err)
	}
	checkClientSafe(t, err)
}

func TestPeerTimeout(t *testing.T) {
	st, _ := openPeer(t,
		boltpeer.Rule{Match: string(cypherArticle), Replies: []boltpeer.Reply{{Stall: -1}}},
		boltpeer.Rule{Match: string(cypherClearArticle), Replies: []boltpeer.Reply{{Stall: -1}}},
	)
	for name, call := range map[string]func(ctx context.Context) error{
		"read":  func(ctx context.Context) error { _, err := st.Article(ctx, "art_1"); return err },
		"write": func(ctx context.Context) error { return st.WriteExtraction(ctx, fixture(t)) },
	} {
		t.Run(name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
			defer cancel()
			start := time.Now()
			err := call(ctx)
			if graph.ErrorCode(err) != graph.Timeout {
				t.Fatalf("error = %v, want TIMEOUT", err)
			}
			if d := time.Since(start); d > 5*time.Second {
				t.Errorf("returned after %v, long past the deadline", d)
			}
			checkClientSafe(t, err)
		})
	}
}

// TestPeerReadsOwnWrites checks that a read carries the bookmark of the
// write before it, so that a cluster member serves it only once it has that
// write.
func TestPeerReadsOwnWrites(t *testing.T) {
	st, p := openPeer(t)
	ctx := context.Background()
	if err := st.WriteExtraction(ctx, fixture(t)); err != nil {
		t.Fatal(err)
	}
	if _, err := st.EntitiesByID(ctx, []string{"ent_1"}); err != nil {
		t.Fatal(err)
	}
	var begins []boltpeer.Event
	for _, e := range p.Events() {
		if e.Message == "BEGIN" {
			begins = append(begins, e)
		}
	}
	if len(begins) != 2 {
		t.Fatalf("%d transactions, want a write and a read", len(begins))
	}
	bms, _ := begins[1].Extra["bookmarks"].([]any)
	if len(bms) == 0 {
		t.Fatalf("read began without bookmarks: %v", begins[1].Extra)
	}
	if mode := begins[1].Extra["mode"]; mode != "r" {
		t.Errorf("read transaction mode %v, want r", mode)
	}
}

// TestPeerDeadlineReachesServer checks that a context deadline becomes the
// transaction timeout, so the server gives up when the caller does.
func TestPeerDeadlineReachesServer(t *testing.T) {
	st, p := openPeer(t)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if err := st.WriteExtraction(ctx, fixture(t)); err != nil {
		t.Fatal(err)
	}
	if _, err := st.EntitiesByID(ctx, []string{"ent_1"}); err != nil {
		t.Fatal(err)
	}
	for _, e := range p.Events() {
		if e.Message != "BEGIN" {
			continue
		}
		ms, _ := e.Extra["tx_timeout"].(int64)
		if ms <= 0 || ms > 60000 {
			t.Errorf("BEGIN tx_timeout = %v, want the time left before the deadline", e.Extra["tx_timeout"])
		}
	}
}

// TestPeerRoutingScheme opens the store with neo4j://, as users do: the
// driver fetches a routing table (the peer names itself for every role) and
// routes reads and writes by it.
func TestPeerRoutingScheme(t *testing.T) {
	p, err := boltpeer.Start()
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	st, err := Open(context.Background(), Config{URI: p.RoutingURI(), User: "neo4j", Password: "secret"})
	if err != nil {
		t.Fatalf("Open(%s): %v", p.RoutingURI(), err)
	}
	defer st.Close()
	if err := st.WriteExtraction(context.Background(), fixture(t)); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Article(context.Background(), "art_1"); graph.ErrorCode(err) != graph.NotFound {
		t.Errorf("Article error = %v, want NOT_FOUND", err)
	}
	if p.Count("ROUTE") == 0 {
		t.Error("the driver never asked for a routing table")
	}
}

package web_test

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"github.com/newsgraph/newsgraph/api"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/sqlite"
	"github.com/newsgraph/newsgraph/ingest"
	"github.com/newsgraph/newsgraph/ingest/extract"
	"github.com/newsgraph/newsgraph/web"
)

// screenshots is where the browser test writes a screenshot of each step,
// the GEXF it downloads and its measurements (results.json).
const screenshots = "e2e/screenshots"

// need stops the test when a thing it needs is missing: a failure under
// CI=true, where .ci/run installs everything, a skip with a hint otherwise.
func need(t *testing.T, ok bool, what, hint string) {
	t.Helper()
	if ok {
		return
	}
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s is missing (CI=true, so this fails rather than skips): %s", what, hint)
	}
	t.Skipf("%s is missing, so the browser test skips (under CI=true it fails): %s", what, hint)
}

// TestExplorerInBrowser runs e2e/explorer.mjs in headless Chromium against
// real servers: one on an SQLite store holding our example articles and
// web/testdata's follow-ups (a claim three outlets carry on different
// days; a citation after characters outside the BMP, where code points and
// UTF-16 units differ), one on an empty store, and one on a generated
// network of more than 500 entities for the first-render measurement. The
// script fails on any request that leaves localhost.
func TestExplorerInBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("the browser test takes half a minute or more; not with -short")
	}
	_, built := web.Assets()
	need(t, built, "the explorer's build (web/dist/app)", "run npm ci --prefix web && npm run build --prefix web")
	node, err := exec.LookPath("node")
	need(t, err == nil, "node", "install Node.js 20 or later")
	_, err = os.Stat("node_modules/playwright-core/package.json")
	need(t, err == nil, "playwright-core (web/node_modules)", "run npm ci --prefix web")
	chromium := os.Getenv("NEWSGRAPH_CHROMIUM")
	if chromium == "" {
		chromium = "/usr/bin/chromium"
	}
	_, err = os.Stat(chromium)
	need(t, err == nil, "Chromium ("+chromium+")", "run .ci/browser.sh (apt-get install chromium), or set NEWSGRAPH_CHROMIUM")

	ctx := context.Background()
	log := zerolog.New(zerolog.NewTestWriter(t)).Level(zerolog.WarnLevel)
	examples := openStore(t, "examples")
	x, err := extract.New()
	if err != nil {
		t.Fatal(err)
	}
	sum, err := ingest.New(x, examples, ingest.WithLogger(log)).Ingest(ctx, "../examples/articles", "testdata/followups.jsonl")
	if err != nil || len(sum.Failures) > 0 {
		t.Fatalf("ingesting the examples: %v %v", err, sum.Failures)
	}
	big := openStore(t, "big")
	hub, size := bigNetwork(t, big)

	dir, err := filepath.Abs(screenshots)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	cmd := exec.CommandContext(ctx, node, "e2e/explorer.mjs")
	cmd.Env = append(os.Environ(),
		"NG_BASE="+serve(t, examples, log),
		"NG_EMPTY="+serve(t, openStore(t, "empty"), log),
		"NG_BIG="+serve(t, big, log),
		"NG_BIG_SEED="+hub,
		fmt.Sprintf("NG_BIG_SIZE=%d", size),
		"NG_CHROMIUM="+chromium,
		"NG_SHOTS="+dir,
	)
	cmd.WaitDelay = 5 * time.Second
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = cmd.Stdout
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	timer := time.AfterFunc(8*time.Minute, func() { cmd.Process.Kill() })
	defer timer.Stop()
	var result string
	sc := bufio.NewScanner(out)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if r, ok := strings.CutPrefix(line, "RESULT "); ok {
			result = r
		}
		t.Log(line)
	}
	if err := cmd.Wait(); err != nil {
		t.Fatalf("e2e/explorer.mjs failed: %v (its output is above; screenshots in %s)", err, dir)
	}
	var r struct {
		Nodes    int       `json:"nodes"`
		Median   float64   `json:"medianRenderMs"`
		RenderMs []float64 `json:"renderMs"`
	}
	if err := json.Unmarshal([]byte(result), &r); err != nil || r.Nodes < 500 || len(r.RenderMs) == 0 {
		t.Fatalf("no measurement of a 500-node render in the script's RESULT line %q: %v", result, err)
	}
	// The machine's load says how far the timings are the explorer's own.
	load, _ := os.ReadFile("/proc/loadavg")
	t.Logf("first render of %d nodes: median %.0f ms of %v (load average %s); screenshots in %s",
		r.Nodes, r.Median, r.RenderMs, strings.TrimSpace(string(load)), dir)
}

func openStore(t *testing.T, name string) *sqlite.Store {
	t.Helper()
	s, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), name+".db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func serve(t *testing.T, store api.Store, log zerolog.Logger) string {
	t.Helper()
	srv := api.NewServer(store, api.WithLogger(log))
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(func() {
		ts.Close()
		srv.Close()
	})
	return ts.URL
}

// bigNetwork writes a generated network: a hub group at odds with 24
// groups, each with 20 members, 505 entities in all within two hops of the
// hub, every tie with a citation of its own sentence. It returns the hub's
// id and the number of entities.
func bigNetwork(t *testing.T, w graph.ExtractionWriter) (string, int) {
	t.Helper()
	const spokes, members = 24, 20
	day := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	ent := func(kind graph.EntityKind, name string) graph.Entity {
		return graph.Entity{ID: graph.EntityID(kind, graph.CanonicalKey(name)), Kind: kind, Name: name}
	}
	hub := ent(graph.Group, "Hub Front")
	x := &graph.Extraction{Entities: []graph.Entity{hub}}
	var text strings.Builder
	sentence := 0
	cite := func(a, b graph.Entity, verb string, typ graph.RelationType) {
		s := a.Name + " " + verb + " " + b.Name + "."
		if text.Len() > 0 {
			text.WriteByte(' ')
		}
		start := len([]rune(text.String()))
		text.WriteString(s)
		x.Relationships = append(x.Relationships, graph.RelationshipEvidence{Type: typ, SourceID: a.ID, TargetID: b.ID,
			Citation: graph.Citation{SentenceIndex: sentence, SentenceText: s, Start: start, End: start + len([]rune(s)) - 1,
				Trigger: verb, Extractor: "e2e", Confidence: 0.8}})
		sentence++
	}
	for i := range spokes {
		spoke := ent(graph.Group, fmt.Sprintf("Spoke Brigade %02d", i+1))
		x.Entities = append(x.Entities, spoke)
		for range 1 + i%3 { // evidence 1 to 3, for edge widths
			cite(hub, spoke, "clashed with", graph.RivalOf)
		}
		for j := range members {
			m := ent(graph.Person, fmt.Sprintf("Member %02d-%02d", i+1, j+1))
			x.Entities = append(x.Entities, m)
			cite(m, spoke, "is a member of", graph.MemberOf)
		}
	}
	body := text.String()
	hash := graph.ContentHash(body)
	url := "https://example.org/generated/network"
	x.Article = graph.Article{ID: graph.ArticleID(url, hash), URL: url, Title: "A generated network", Outlet: "Generator",
		PublishedAt: day, IngestedAt: day, ContentHash: hash, Text: body}
	for i := range x.Relationships {
		x.Relationships[i].Citation.ArticleID = x.Article.ID
	}
	if err := w.WriteExtraction(context.Background(), x); err != nil {
		t.Fatalf("writing the generated network: %v", err)
	}
	return hub.ID, len(x.Entities)
}

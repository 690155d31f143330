package crashtest

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/sqlite"
	"github.com/newsgraph/newsgraph/ingest"
	"github.com/newsgraph/newsgraph/queue"
)

var summaryRE = regexp.MustCompile(`(?m)^articles=(\d+) entities=\d+ relationships=\d+ claims=\d+ failures=(\d+)$`)

// SummaryCounts parses the summary line of ingest.
func SummaryCounts(t testing.TB, out string) map[string]int {
	t.Helper()
	m := summaryRE.FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("no summary line in output:\n%s", out)
	}
	articles, _ := strconv.Atoi(m[1])
	failures, _ := strconv.Atoi(m[2])
	return map[string]int{"articles": articles, "failures": failures}
}

// The crash tests run the real binary, built into a temporary folder, on
// the BBC folder of ../shared/eval-data (2,227 files), kill processes with
// SIGKILL mid-batch, start them again, and check that every article is in
// the store once and every job done. They take minutes: -short skips
// them. NEWSGRAPH_CRASH_ARTICLES=N runs them on the first N files, for
// development.

// BBCDir is the BBC folder of the shared eval data, ../shared beside the
// repository.
func BBCDir() string {
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return filepath.Join(d, "..", "shared", "eval-data", "bbc-news")
		}
		if filepath.Dir(d) == d {
			return ""
		}
	}
}

// Data returns the folder the crash tests ingest, skipping (failing
// under CI=true) when the BBC folder is absent.
func Data(t testing.TB) string {
	t.Helper()
	if testing.Short() {
		t.Skip("-short: the crash tests take minutes")
	}
	if _, err := os.Stat(BBCDir()); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("the BBC folder %s is missing: %v", BBCDir(), err)
		}
		t.Skipf("the BBC folder %s is missing (it is in the shared eval data)", BBCDir())
	}
	n, _ := strconv.Atoi(os.Getenv("NEWSGRAPH_CRASH_ARTICLES"))
	if n <= 0 {
		return BBCDir()
	}
	return Subset(t, n)
}

// Subset copies the first n files of the BBC folder into a temporary
// one.
func Subset(tb testing.TB, n int) string {
	tb.Helper()
	var files []string
	_ = filepath.WalkDir(BBCDir(), func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".txt") {
			files = append(files, p)
		}
		return nil
	})
	sort.Strings(files)
	files = files[:min(n, len(files))]
	dir := tb.TempDir()
	for i, p := range files {
		data, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%04d.txt", i)), data, 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	tb.Logf("%d files of %s", len(files), BBCDir())
	return dir
}

var (
	buildOnce sync.Once
	binPath   string
	buildErr  error
)

// Binary builds newsgraph once per test run.
func Binary(t testing.TB) string {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "newsgraph-bin-")
		if err != nil {
			buildErr = err
			return
		}
		binPath = filepath.Join(dir, "newsgraph")
		out, err := exec.Command("go", "build", "-o", binPath, "github.com/newsgraph/newsgraph/cmd/newsgraph").CombinedOutput()
		if err != nil {
			buildErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return binPath
}

// Want is what a batch over a folder must end with: the distinct
// article ids ingest reads from it, and how many files fail to be read
// (the BBC folder has a file that is not UTF-8), which fail alone.
type Want struct {
	IDs      map[string]bool
	Failures int
}

// Expected reads a folder as ingest does and says what a batch over it
// must end with.
func Expected(t testing.TB, dir string) Want {
	t.Helper()
	want := Want{IDs: map[string]bool{}}
	var mu sync.Mutex
	err := ingest.New(nil, nil).Load(context.Background(), func(l ingest.Loaded) {
		mu.Lock()
		defer mu.Unlock()
		if ingest.SkipReason(l.Err) != "" {
			return // not an article (the data set's README): a skip, not a failure
		}
		if l.Err != nil {
			t.Logf("expected to fail: %s: %s", l.Location, graph.ErrorMessage(l.Err))
			want.Failures++
			return
		}
		want.IDs[l.Article.ID] = true
	}, dir)
	if err != nil {
		t.Fatal(err)
	}
	return want
}

// CheckSummary checks a batch's summary: every article, and only the
// failures reading the folder gives; such failures make the exit status 1.
func CheckSummary(t testing.TB, p *Proc, want Want) {
	t.Helper()
	out := p.Finish(t, want.Failures > 0)
	if got := SummaryCounts(t, out); got["articles"] != len(want.IDs) || got["failures"] != want.Failures {
		t.Errorf("%s summary %v, want %d articles, %d failures", p.Name, got, len(want.IDs), want.Failures)
	}
}

// Proc is a newsgraph process of a test.
type Proc struct {
	Name string
	cmd  *exec.Cmd
	// Ingested counts the distinct articles of "article ingested" log
	// lines so far: a task redelivered while its first delivery is still
	// being written (an ack timeout on a loaded machine) is extracted and
	// written twice, idempotently, and logged twice, but is one article.
	Ingested atomic.Int64
	seen     map[string]bool // read by the log scanner only
	done     chan struct{}
	err      error
	mu       sync.Mutex
	out      strings.Builder
}

// Start starts newsgraph with args, logging at debug level so that the
// test can count the articles it ingested.
func Start(t testing.TB, name string, args ...string) *Proc {
	t.Helper()
	p := &Proc{Name: name, done: make(chan struct{}), seen: map[string]bool{}}
	args = append([]string{args[0], "--log-level", "debug"}, args[1:]...)
	p.cmd = exec.Command(Binary(t), args...)
	stderr, err := p.cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := p.cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		sc := bufio.NewScanner(stderr)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			line := sc.Text()
			if strings.Contains(line, `"message":"article ingested"`) {
				var entry struct{ Article string }
				if json.Unmarshal([]byte(line), &entry) != nil || !p.seen[entry.Article] {
					p.seen[entry.Article] = true
					p.Ingested.Add(1)
				}
				continue
			}
			if strings.Contains(line, `"level":"debug"`) {
				continue
			}
			p.mu.Lock()
			p.out.WriteString(line + "\n")
			p.mu.Unlock()
		}
	}()
	go func() {
		defer wg.Done()
		data, _ := io.ReadAll(stdout)
		p.mu.Lock()
		p.out.Write(data)
		p.mu.Unlock()
	}()
	go func() {
		wg.Wait()
		p.err = p.cmd.Wait()
		close(p.done)
	}()
	t.Cleanup(func() {
		select {
		case <-p.done:
		default:
			_ = p.cmd.Process.Kill()
			<-p.done
		}
	})
	return p
}

// Output is what the process printed, without debug lines.
func (p *Proc) Output() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.out.String()
}

// KillAfter kills the process with SIGKILL once it ingested at least n
// articles.
func (p *Proc) KillAfter(t testing.TB, n int64) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Minute)
	for p.Ingested.Load() < n {
		select {
		case <-p.done:
			t.Fatalf("%s ended before ingesting %d articles (%d): %v\n%s", p.Name, n, p.Ingested.Load(), p.err, p.Output())
		case <-time.After(20 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s ingested %d articles in 10 minutes, want %d", p.Name, p.Ingested.Load(), n)
		}
	}
	if err := p.cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	<-p.done
	t.Logf("%s killed after %d articles", p.Name, p.Ingested.Load())
}

// Wait waits for the process to end by itself, successfully, and returns
// its output.
func (p *Proc) Wait(t testing.TB) string {
	t.Helper()
	return p.Finish(t, false)
}

// Finish waits for the process to end by itself and returns its output;
// it must exit with status 1 (some articles failed) when failed is set,
// else 0.
func (p *Proc) Finish(t testing.TB, failed bool) string {
	t.Helper()
	select {
	case <-p.done:
	case <-time.After(15 * time.Minute):
		t.Fatalf("%s did not finish", p.Name)
	}
	code := 0
	if p.err != nil {
		code = -1
		if ee, ok := p.err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		}
	}
	if want := map[bool]int{false: 0, true: 1}[failed]; code != want {
		t.Fatalf("%s: %v, want exit status %d\n%s", p.Name, p.err, want, p.Output())
	}
	return p.Output()
}

// CheckOutcome checks the store and the jobs after a batch: every expected
// article once, every job done, none left queued or running.
func CheckOutcome(t testing.TB, storePath string, q *queue.Queue, bw Want) []*queue.Job {
	t.Helper()
	ctx := context.Background()
	want := bw.IDs
	st, err := sqlite.Open(ctx, storePath)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	stats, err := st.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if stats.Articles != len(want) {
		t.Errorf("the store holds %d articles, want %d", stats.Articles, len(want))
	}
	missing := 0
	for id := range want {
		if _, err := st.Article(ctx, id); err != nil {
			missing++
		}
	}
	if missing > 0 {
		t.Errorf("%d of %d articles missing from the store", missing, len(want))
	}
	page, err := q.List(ctx, queue.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	byStatus := map[queue.Status]int{}
	for _, j := range page.Jobs {
		byStatus[j.Status]++
		if !want[j.ArticleID] {
			t.Errorf("job %s for an unexpected article %s", j.ID, j.ArticleID)
		}
	}
	if byStatus[queue.Done] != len(want) || len(page.Jobs) != len(want) {
		t.Errorf("jobs by status %v, want %d done and nothing else", byStatus, len(want))
	}
	d, err := q.Depth(ctx)
	if err != nil || d.Waiting+d.InFlight+d.Dead != 0 {
		t.Errorf("queue depth after the batch %+v, %v; want empty", d, err)
	}
	return page.Jobs
}

// Redelivered counts jobs that needed more than one delivery: the proof
// that a kill hit work in flight.
func Redelivered(jobs []*queue.Job) int {
	n := 0
	for _, j := range jobs {
		if j.Attempts > 1 {
			n++
		}
	}
	return n
}

// NATS is a nats-server process of a test, on a port and a store
// folder of its own, which the test can kill and start again.
type NATS struct {
	bin, conf string
	log       string // the server's output, all runs, shown when a test fails
	URL       string
	cmd       *exec.Cmd
}

// StartNATS starts a nats-server with JetStream on a free port, skipping
// the test when there is none on PATH (failing under CI=true).
func StartNATS(t testing.TB) *NATS {
	t.Helper()
	bin, err := exec.LookPath("nats-server")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("nats-server is not on PATH: under CI=true the multi-process tests must run (.ci/nats.sh installs it)")
		}
		t.Skip("nats-server is not on PATH: install Debian's nats-server to run the multi-process queue tests")
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	dir := t.TempDir()
	conf := filepath.Join(dir, "nats.conf")
	cfg := fmt.Sprintf("listen: 127.0.0.1:%d\nmax_payload: 8MB\njetstream {\n  store_dir: %q\n}\n", port, filepath.Join(dir, "js"))
	if err := os.WriteFile(conf, []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	s := &NATS{bin: bin, conf: conf, log: filepath.Join(dir, "nats.log"), URL: fmt.Sprintf("nats://127.0.0.1:%d", port)}
	s.Start(t)
	t.Cleanup(func() {
		s.Kill()
		if t.Failed() {
			out, _ := os.ReadFile(s.log)
			t.Logf("nats-server's output:\n%s", tail(out, 4000))
		}
	})
	return s
}

// Start starts the server (again) and waits until it listens.
func (s *NATS) Start(t testing.TB) {
	t.Helper()
	s.cmd = exec.Command(s.bin, "-c", s.conf)
	out, err := os.OpenFile(s.log, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close() // the child has its own descriptor
	s.cmd.Stdout, s.cmd.Stderr = out, out
	if err := s.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	addr := strings.TrimPrefix(s.URL, "nats://")
	for range 200 {
		if c, err := net.Dial("tcp", addr); err == nil {
			c.Close()
			return
		}
		time.Sleep(25 * time.Millisecond)
	}
	t.Fatalf("nats-server did not start on %s", addr)
}

// tail is the end of a process's output, at most n bytes.
func tail(out []byte, n int) []byte {
	if len(out) > n {
		return out[len(out)-n:]
	}
	return out
}

// Kill kills the server with SIGKILL.
func (s *NATS) Kill() {
	if s.cmd != nil && s.cmd.Process != nil {
		_ = s.cmd.Process.Signal(syscall.SIGKILL)
		_ = s.cmd.Wait()
		s.cmd = nil
	}
}

// Stop asks the process to stop (SIGTERM) and waits for it to end well.
func (p *Proc) Stop(t testing.TB) {
	t.Helper()
	_ = p.cmd.Process.Signal(syscall.SIGTERM)
	p.Wait(t)
}

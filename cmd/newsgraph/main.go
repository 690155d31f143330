// Command newsgraph turns news coverage into a knowledge graph of actors,
// groups and claims, every fact carrying its cited source.
//
// Usage:
//
//	newsgraph serve   [--store URL] [--addr :8080] [--ingest PATH|URL]...
//	newsgraph ingest  [--store URL] [--queue SPEC] [--workers N] PATH|URL...
//	newsgraph worker  [--store URL] [--queue SPEC] [-n N]
//	newsgraph jobs    [list [--status S] | retry JOB_ID...]
//	newsgraph follow  [--every 10m] [--once] FEED_URL...
//	newsgraph extract FILE|-
//	newsgraph copy    --from URL --to URL
//	newsgraph eval    [--data DIR] [--only conll,gum,polnear,wikievents]
//	newsgraph export  [--store URL] [--format graphml|gexf|csv|cyjs] [--out FILE] SEED...
//	newsgraph version
//
// Run "newsgraph COMMAND -h" for the flags of a command.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"syscall"
	"time"

	"golang.org/x/term"

	"github.com/newsgraph/newsgraph/graph"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	go func() {
		<-ctx.Done()
		stop() // a second signal kills at once
	}()
	setMemoryLimit()
	m := NewMain()
	err := m.Run(ctx, os.Args[1:])
	stop()
	if cerr := m.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		fmt.Fprintln(m.Stderr, "newsgraph:", describe(err))
		os.Exit(exitCode(err))
	}
}

// Main is the program: its inputs and outputs, and what it opened, so that
// tests run it in-process.
type Main struct {
	Stdin  io.Reader
	Stdout io.Writer // results: summaries, JSON
	Stderr io.Writer // logs and the progress bar

	// Terminal says that Stderr is a terminal: logs are then written for
	// people, and ingest shows a progress bar.
	Terminal bool
	// Now is the clock.
	Now func() time.Time
	// OnListen, when set, is called with the address serve listens on.
	OnListen func(net.Addr)

	closers []io.Closer
}

// NewMain returns a Main on the process's standard streams.
func NewMain() *Main {
	return &Main{
		Stdin:    os.Stdin,
		Stdout:   os.Stdout,
		Stderr:   os.Stderr,
		Terminal: term.IsTerminal(int(os.Stderr.Fd())),
		Now:      time.Now,
	}
}

// usage is the help text.
const usage = `newsgraph turns news coverage into a knowledge graph of actors, groups and
claims, every fact carrying its cited source.

Usage:
  newsgraph serve   [--store URL] [--addr :8080] [--ingest PATH|URL]...
  newsgraph ingest  [--store URL] [--queue SPEC] [--workers N] PATH|URL...
  newsgraph worker  [--store URL] [--queue SPEC] [-n N]
  newsgraph jobs    [list [--status S] | retry JOB_ID...]
  newsgraph follow  [--every 10m] [--once] FEED_URL...
  newsgraph extract FILE|-
  newsgraph copy    --from URL --to URL
  newsgraph eval    [--data DIR] [--only conll,gum,polnear,wikievents]
  newsgraph export  [--store URL] [--format graphml|gexf|csv|cyjs] [--out FILE] SEED...
  newsgraph version

Stores (--store, --from, --to):
  sqlite:PATH        the embedded store, a SQLite file (default sqlite:newsgraph.db)
  neo4j://HOST:7687  Neo4j 5 (also neo4j+s, neo4j+ssc, bolt, bolt+s, bolt+ssc);
                     credentials from --neo4j-user, --neo4j-password, --neo4j-database
                     or NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE

Queues (--queue):
  embedded           a JetStream server in this process, storing beside the store (default)
  nats://HOST:4222   NATS servers with JetStream, shared by worker processes

Run "newsgraph COMMAND -h" for the flags of a command.
`

// Run runs the command named by args[0] until it is done or ctx ends.
func (m *Main) Run(ctx context.Context, args []string) error {
	if len(args) == 0 {
		fmt.Fprint(m.Stderr, usage)
		return usageError("no command given")
	}
	cmd, args := args[0], args[1:]
	switch cmd {
	case "serve":
		return m.serve(ctx, args)
	case "ingest":
		return m.ingest(ctx, args)
	case "worker":
		return m.worker(ctx, args)
	case "jobs":
		return m.jobs(ctx, args)
	case "follow":
		return m.follow(ctx, args)
	case "extract":
		return m.extract(ctx, args)
	case "copy":
		return m.copyStore(ctx, args)
	case "eval":
		return m.evaluate(ctx, args)
	case "export":
		return m.exportNetwork(ctx, args)
	case "version":
		fmt.Fprintln(m.Stdout, "newsgraph", version())
		return nil
	case "help", "-h", "-help", "--help":
		fmt.Fprint(m.Stdout, usage)
		return nil
	}
	fmt.Fprint(m.Stderr, usage)
	return usageError(fmt.Sprintf("unknown command %q", cmd))
}

// Close releases what Run opened, last opened first.
func (m *Main) Close() error {
	var errs []error
	for i := len(m.closers) - 1; i >= 0; i-- {
		errs = append(errs, m.closers[i].Close())
	}
	m.closers = nil
	return errors.Join(errs...)
}

// usageError is a command line that cannot be run; main exits with 2.
type usageError string

func (e usageError) Error() string { return string(e) }

// errFailed reports that some articles of a batch failed; the summary has
// already said which.
var errFailed = errors.New("articles failed")

func exitCode(err error) int {
	var ue usageError
	switch {
	case errors.As(err, &ue):
		return 2
	case errors.Is(err, context.Canceled):
		return 130
	}
	return 1
}

// describe renders an error for the person at the terminal: the client-safe
// message and code, and the underlying cause when there is one, since the
// operator may see backend text that API clients never do.
func describe(err error) string {
	var ge *graph.Error
	if !errors.As(err, &ge) {
		return err.Error()
	}
	s := graph.ErrorMessage(err) + " (" + string(graph.ErrorCode(err)) + ")"
	cause := err
	for {
		var e *graph.Error
		if !errors.As(cause, &e) || e.Err == nil {
			break
		}
		cause = e.Err
	}
	if _, isGraph := cause.(*graph.Error); !isGraph && cause != err {
		s += ": " + cause.Error()
	}
	return s
}

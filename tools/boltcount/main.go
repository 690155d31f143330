// Command boltcount runs a command whose Neo4j driver talks to the server
// through a counting proxy (boltproxy), then reports what went over the
// wire: Bolt connections, network round trips and the messages the client
// sent (BEGIN, RUN, COMMIT, ...). It is how docs/neo4j.md counts the
// transactions and round trips an ingest costs, from outside the process,
// whatever the driver pipelines:
//
//	go run ./tools/boltcount -to 127.0.0.1:7687 -- \
//	  newsgraph ingest --store 'bolt://{addr}?graph=bbc' ../shared/eval-data/bbc-news
//
// {addr} in the command's arguments becomes the proxy's address. Use a
// bolt:// URL: with neo4j:// the driver connects around the proxy.
package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"strings"

	"github.com/newsgraph/newsgraph/graph/neo4j/neo4jtest/boltproxy"
)

func main() {
	to := flag.String("to", "", "the Neo4j server's Bolt address, HOST:PORT")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: boltcount -to HOST:PORT -- COMMAND [ARG...]   ({addr} in ARGs: the proxy's address)")
		flag.PrintDefaults()
	}
	flag.Parse()
	if *to == "" || flag.NArg() == 0 {
		flag.Usage()
		os.Exit(2)
	}
	code, err := run(*to, flag.Args())
	if err != nil {
		fmt.Fprintln(os.Stderr, "boltcount:", err)
		os.Exit(2)
	}
	os.Exit(code)
}

// run serves the proxy while the command runs, prints the counts and
// returns the command's exit status.
func run(to string, argv []string) (int, error) {
	p, err := boltproxy.Start(to)
	if err != nil {
		return 0, err
	}
	defer p.Close()
	args := make([]string, len(argv))
	for i, a := range argv {
		args[i] = strings.ReplaceAll(a, "{addr}", p.Addr())
	}
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	err = cmd.Run()
	fmt.Fprintln(os.Stderr, "boltcount:", p.Counts())
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		return exit.ExitCode(), nil
	}
	return 0, err
}

// Command boltcount runs a command whose Neo4j driver talks to the server
// through a counting proxy, then reports what went over the wire: Bolt
// connections, network round trips and the messages the client sent
// (BEGIN, RUN, COMMIT, ...). It is how docs/neo4j.md counts the
// transactions and round trips an ingest costs, from outside the process,
// whatever the driver pipelines:
//
//	go run ./tools/boltcount -to 127.0.0.1:7687 -- \
//	  newsgraph ingest --store 'bolt://{addr}?graph=bbc' ../shared/eval-data/bbc-news
//
// {addr} in the command's arguments becomes the proxy's address. Use a
// bolt:// URL: a neo4j:// one makes the driver ask the server for its
// address and connect there, around the proxy. A round trip is a turn of
// the conversation: the server answering after the client sent something;
// the handshake counts as one.
package main

import (
	"encoding/binary"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
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
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer ln.Close()
	c := &counts{messages: map[string]int64{}}
	go c.serve(ln, to)

	addr := ln.Addr().String()
	args := make([]string, len(argv))
	for i, a := range argv {
		args[i] = strings.ReplaceAll(a, "{addr}", addr)
	}
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	err = cmd.Run()
	c.report(os.Stderr)
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		return exit.ExitCode(), nil
	}
	return 0, err
}

// counts are the totals over every connection.
type counts struct {
	connections, roundTrips atomic.Int64
	mu                      sync.Mutex
	messages                map[string]int64
}

func (c *counts) serve(ln net.Listener, to string) {
	for {
		client, err := ln.Accept()
		if err != nil {
			return
		}
		go c.proxy(client, to)
	}
}

// proxy forwards one connection both ways, counting turns and parsing the
// client's messages.
func (c *counts) proxy(client net.Conn, to string) {
	defer client.Close()
	server, err := net.Dial("tcp", to)
	if err != nil {
		fmt.Fprintln(os.Stderr, "boltcount:", err)
		return
	}
	defer server.Close()
	c.connections.Add(1)
	var (
		awaiting atomic.Bool // the client sent something the server has not answered yet
		manifest atomic.Bool // the server chose manifest-style version negotiation
	)
	done := make(chan struct{}, 2)
	go func() { // server to client
		defer func() { done <- struct{}{} }()
		first := true
		buf := make([]byte, 64<<10)
		for {
			n, err := server.Read(buf)
			if n > 0 {
				if first && n >= 4 && binary.BigEndian.Uint32(buf[:4]) == 0x000001FF {
					manifest.Store(true)
				}
				first = false
				if awaiting.Swap(false) {
					c.roundTrips.Add(1)
				}
				if _, werr := client.Write(buf[:n]); werr != nil {
					return
				}
			}
			if err != nil {
				client.(*net.TCPConn).CloseWrite()
				return
			}
		}
	}()
	go func() { // client to server
		defer func() { done <- struct{}{} }()
		p := &parser{count: c.message, manifest: manifest.Load}
		buf := make([]byte, 64<<10)
		for {
			n, err := client.Read(buf)
			if n > 0 {
				p.feed(buf[:n])
				awaiting.Store(true)
				if _, werr := server.Write(buf[:n]); werr != nil {
					return
				}
			}
			if err != nil {
				server.(*net.TCPConn).CloseWrite()
				return
			}
		}
	}()
	<-done
	<-done
}

func (c *counts) message(name string) {
	c.mu.Lock()
	c.messages[name]++
	c.mu.Unlock()
}

func (c *counts) report(w io.Writer) {
	c.mu.Lock()
	defer c.mu.Unlock()
	names := make([]string, 0, len(c.messages))
	for n := range c.messages {
		names = append(names, n)
	}
	sort.Strings(names)
	var parts []string
	for _, n := range names {
		parts = append(parts, fmt.Sprintf("%s=%d", n, c.messages[n]))
	}
	fmt.Fprintf(w, "boltcount: connections=%d round_trips=%d messages: %s\n",
		c.connections.Load(), c.roundTrips.Load(), strings.Join(parts, " "))
}

// Client message signatures (Bolt 5).
var signatures = map[byte]string{
	0x01: "HELLO", 0x02: "GOODBYE", 0x0F: "RESET", 0x10: "RUN", 0x11: "BEGIN",
	0x12: "COMMIT", 0x13: "ROLLBACK", 0x2F: "DISCARD", 0x3F: "PULL",
	0x54: "TELEMETRY", 0x66: "ROUTE", 0x6A: "LOGON", 0x6B: "LOGOFF",
}

// parser follows the client's side of a Bolt connection: the handshake
// (20 bytes; then, when the server chose manifest negotiation, the chosen
// version and a capabilities varint), then chunked messages, each a
// struct whose signature byte names it.
type parser struct {
	count    func(string)
	manifest func() bool

	handshake int  // handshake bytes still to skip
	started   bool // handshake bytes counted in
	chosen    int  // manifest reply bytes seen: 4 for the version, then the varint
	header    []byte
	chunkLeft int
	inMessage bool // a message's first chunk has been read
	want      []byte
}

func (p *parser) feed(b []byte) {
	if !p.started {
		p.started, p.handshake = true, 20
	}
	for len(b) > 0 {
		switch {
		case p.handshake > 0:
			n := min(p.handshake, len(b))
			p.handshake -= n
			b = b[n:]
		case p.manifest() && p.chosen >= 0:
			// Four bytes of version, then a varint ending at a byte < 0x80.
			if p.chosen < 4 {
				p.chosen++
			} else if b[0] < 0x80 {
				p.chosen = -1
			}
			b = b[1:]
		case p.chunkLeft > 0:
			n := min(p.chunkLeft, len(b))
			if len(p.want) < 2 && !p.inMessage {
				p.want = append(p.want, b[:min(n, 2-len(p.want))]...)
				if len(p.want) == 2 {
					p.inMessage = true
					name, ok := signatures[p.want[1]]
					if !ok {
						name = fmt.Sprintf("0x%02X", p.want[1])
					}
					p.count(name)
				}
			}
			p.chunkLeft -= n
			b = b[n:]
		default:
			p.header = append(p.header, b[0])
			b = b[1:]
			if len(p.header) == 2 {
				size := int(binary.BigEndian.Uint16(p.header))
				p.header = p.header[:0]
				if size == 0 { // end of message
					p.inMessage, p.want = false, p.want[:0]
				}
				p.chunkLeft = size
			}
		}
	}
}

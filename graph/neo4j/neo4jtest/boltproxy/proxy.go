// Package boltproxy is a TCP proxy for Bolt connections that counts what
// goes over the wire: connections, network round trips and the messages
// the client sends (BEGIN, RUN, COMMIT, ...). Tests, benchmarks and
// tools/boltcount use it to count the transactions and round trips an
// operation costs from outside the driver, whatever it pipelines.
//
// A round trip is a turn of the conversation: the server answering after
// the client sent something; a connection's handshake counts as one.
// Point a bolt:// URL at the proxy: with neo4j:// the driver asks the
// server for its address and connects there, around the proxy.
package boltproxy

import (
	"encoding/binary"
	"fmt"
	"net"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
)

// Counts are the totals over every connection since the proxy started or
// was last reset.
type Counts struct {
	Connections, RoundTrips int64
	// Messages counts the client's messages by name (HELLO, BEGIN, RUN,
	// PULL, COMMIT, ...; an unknown signature as 0xNN).
	Messages map[string]int64
}

// String is the counts on one line.
func (c Counts) String() string {
	names := make([]string, 0, len(c.Messages))
	for n := range c.Messages {
		names = append(names, n)
	}
	sort.Strings(names)
	parts := make([]string, len(names))
	for i, n := range names {
		parts[i] = fmt.Sprintf("%s=%d", n, c.Messages[n])
	}
	return fmt.Sprintf("connections=%d round_trips=%d messages: %s", c.Connections, c.RoundTrips, strings.Join(parts, " "))
}

// Proxy forwards connections to a Bolt server and counts them.
type Proxy struct {
	ln                      net.Listener
	to                      string
	connections, roundTrips atomic.Int64
	mu                      sync.Mutex
	messages                map[string]int64
}

// Start listens on a free loopback port and forwards every connection to
// the Bolt server at to (HOST:PORT) until Close.
func Start(to string) (*Proxy, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	p := &Proxy{ln: ln, to: to, messages: map[string]int64{}}
	go p.serve()
	return p, nil
}

// Addr is the proxy's HOST:PORT.
func (p *Proxy) Addr() string { return p.ln.Addr().String() }

// Close stops accepting connections; open ones end with their peers.
func (p *Proxy) Close() error { return p.ln.Close() }

// Counts returns the totals so far.
func (p *Proxy) Counts() Counts {
	p.mu.Lock()
	defer p.mu.Unlock()
	m := make(map[string]int64, len(p.messages))
	for k, v := range p.messages {
		m[k] = v
	}
	return Counts{Connections: p.connections.Load(), RoundTrips: p.roundTrips.Load(), Messages: m}
}

// Reset sets every count to zero.
func (p *Proxy) Reset() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.connections.Store(0)
	p.roundTrips.Store(0)
	clear(p.messages)
}

func (p *Proxy) serve() {
	for {
		client, err := p.ln.Accept()
		if err != nil {
			return
		}
		go p.forward(client)
	}
}

// forward proxies one connection both ways, counting turns and parsing
// the client's messages.
func (p *Proxy) forward(client net.Conn) {
	defer client.Close()
	server, err := net.Dial("tcp", p.to)
	if err != nil {
		return
	}
	defer server.Close()
	p.connections.Add(1)
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
					p.roundTrips.Add(1)
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
		ps := &parser{count: p.message, manifest: manifest.Load}
		buf := make([]byte, 64<<10)
		for {
			n, err := client.Read(buf)
			if n > 0 {
				ps.feed(buf[:n])
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

func (p *Proxy) message(name string) {
	p.mu.Lock()
	p.messages[name]++
	p.mu.Unlock()
}

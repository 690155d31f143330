// Package boltpeer is a scripted Bolt 5 server for driver-level tests: the
// real Neo4j Go driver connects to it over TCP on the loopback interface,
// negotiates Bolt 5.4, authenticates, and runs transactions whose RUN
// messages are answered from a script. Every message is logged, so tests can
// count transactions and round trips and read the parameters and bookmarks
// the driver sent.
//
// It speaks enough of the protocol for the driver's managed transactions
// (HELLO, LOGON, BEGIN, RUN, PULL, DISCARD, COMMIT, ROLLBACK, RESET, ROUTE,
// TELEMETRY, GOODBYE) and answers like a server: a FAILURE puts the
// connection in the failed state, where everything is IGNORED until RESET.
package boltpeer

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"strings"
	"sync"
	"time"
)

// Bolt message tags.
const (
	msgHello     = 0x01
	msgGoodbye   = 0x02
	msgReset     = 0x0F
	msgRun       = 0x10
	msgBegin     = 0x11
	msgCommit    = 0x12
	msgRollback  = 0x13
	msgDiscard   = 0x2F
	msgPull      = 0x3F
	msgTelemetry = 0x54
	msgRoute     = 0x66
	msgLogon     = 0x6A
	msgLogoff    = 0x6B
	msgSuccess   = 0x70
	msgRecord    = 0x71
	msgIgnored   = 0x7E
	msgFailure   = 0x7F
)

var messageNames = map[byte]string{
	msgHello: "HELLO", msgGoodbye: "GOODBYE", msgReset: "RESET", msgRun: "RUN", msgBegin: "BEGIN",
	msgCommit: "COMMIT", msgRollback: "ROLLBACK", msgDiscard: "DISCARD", msgPull: "PULL",
	msgTelemetry: "TELEMETRY", msgRoute: "ROUTE", msgLogon: "LOGON", msgLogoff: "LOGOFF",
}

// Failure is a Neo4j error a reply carries, e.g.
// Neo.ClientError.Schema.ConstraintValidationFailed.
type Failure struct {
	Code    string
	Message string
}

// Reply is the scripted answer to one RUN.
type Reply struct {
	Keys    []string
	Records [][]any
	// Failure, when set, answers the RUN with a FAILURE.
	Failure *Failure
	// Stall delays the answer, or withholds it for good when negative (until
	// the client hangs up or the peer closes).
	Stall time.Duration
	// Hangup closes the connection instead of answering.
	Hangup bool
}

// Rule answers the RUNs whose query contains Match ("" matches every
// query). Replies are used in order, the last one repeating, so that a rule
// can fail once and then succeed.
type Rule struct {
	Match   string
	Replies []Reply
}

// Event is one message the peer received.
type Event struct {
	Conn    int
	Message string // HELLO, BEGIN, RUN, PULL, COMMIT...
	Query   string // RUN only
	Params  map[string]any
	Extra   map[string]any // BEGIN's and RUN's metadata: bookmarks, db, mode
}

// Peer is a running scripted server.
type Peer struct {
	ln     net.Listener
	rules  []Rule
	mu     sync.Mutex
	used   []int // replies consumed per rule
	events []Event
	conns  map[net.Conn]bool
	nconn  int
	commit int
	done   chan struct{}
	wg     sync.WaitGroup
}

// Start listens on 127.0.0.1, on a free port, and serves until Close.
func Start(rules ...Rule) (*Peer, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	p := &Peer{ln: ln, rules: rules, used: make([]int, len(rules)), conns: map[net.Conn]bool{}, done: make(chan struct{})}
	p.wg.Add(1)
	go p.accept()
	return p, nil
}

// URI is the bolt:// address of the peer (direct, no routing).
func (p *Peer) URI() string { return "bolt://" + p.ln.Addr().String() }

// RoutingURI is the neo4j:// address: the peer answers ROUTE with itself.
func (p *Peer) RoutingURI() string { return "neo4j://" + p.ln.Addr().String() }

// Events returns a copy of the log.
func (p *Peer) Events() []Event {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]Event(nil), p.events...)
}

// Count returns how many messages of the given kind were received.
func (p *Peer) Count(message string) int {
	n := 0
	for _, e := range p.Events() {
		if e.Message == message {
			n++
		}
	}
	return n
}

// ResetLog forgets the events so far.
func (p *Peer) ResetLog() {
	p.mu.Lock()
	p.events = nil
	p.mu.Unlock()
}

// Close stops listening, hangs up every connection and waits for the
// handlers to end.
func (p *Peer) Close() error {
	select {
	case <-p.done:
		return nil
	default:
	}
	close(p.done)
	err := p.ln.Close()
	p.mu.Lock()
	for c := range p.conns {
		c.Close()
	}
	p.mu.Unlock()
	p.wg.Wait()
	return err
}

func (p *Peer) accept() {
	defer p.wg.Done()
	for {
		c, err := p.ln.Accept()
		if err != nil {
			return
		}
		p.mu.Lock()
		p.nconn++
		id := p.nconn
		p.conns[c] = true
		p.mu.Unlock()
		p.wg.Add(1)
		go func() {
			defer p.wg.Done()
			defer func() {
				p.mu.Lock()
				delete(p.conns, c)
				p.mu.Unlock()
				c.Close()
			}()
			// Errors end the connection, as a server would; the driver
			// sees a connectivity error, which is what tests look for.
			_ = p.serve(id, c)
		}()
	}
}

func (p *Peer) log(e Event) {
	p.mu.Lock()
	p.events = append(p.events, e)
	p.mu.Unlock()
}

// reply picks the scripted reply for a query.
func (p *Peer) reply(query string) Reply {
	p.mu.Lock()
	defer p.mu.Unlock()
	for i, r := range p.rules {
		if !strings.Contains(query, r.Match) || len(r.Replies) == 0 {
			continue
		}
		n := min(p.used[i], len(r.Replies)-1)
		p.used[i]++
		return r.Replies[n]
	}
	return Reply{}
}

func (p *Peer) serve(id int, c net.Conn) error {
	cn := &conn{id: id, c: c, rw: bufio.NewReadWriter(bufio.NewReader(c), bufio.NewWriter(c))}
	if err := cn.handshake(); err != nil {
		return err
	}
	for {
		msg, err := cn.read()
		if err != nil {
			return err
		}
		if err := p.handle(cn, msg); err != nil {
			return err
		}
		if err := cn.rw.Flush(); err != nil {
			return err
		}
	}
}

func (p *Peer) handle(cn *conn, m Struct) error {
	name := messageNames[m.Tag]
	if name == "" {
		name = fmt.Sprintf("0x%02X", m.Tag)
	}
	ev := Event{Conn: cn.id, Message: name}
	switch m.Tag {
	case msgRun:
		if len(m.Fields) > 0 {
			ev.Query, _ = m.Fields[0].(string)
		}
		ev.Params, ev.Extra = mapField(m, 1), mapField(m, 2)
	case msgBegin:
		ev.Extra = mapField(m, 0)
	}
	p.log(ev)

	if cn.failed && m.Tag != msgReset && m.Tag != msgGoodbye {
		return cn.send(msgIgnored)
	}
	switch m.Tag {
	case msgHello:
		return cn.send(msgSuccess, map[string]any{"server": "Neo4j/5.26.0", "connection_id": fmt.Sprintf("bolt-%d", cn.id), "hints": map[string]any{}})
	case msgLogon, msgLogoff, msgTelemetry:
		return cn.send(msgSuccess, map[string]any{})
	case msgGoodbye:
		return io.EOF
	case msgReset:
		cn.failed, cn.inTx, cn.pending = false, false, nil
		return cn.send(msgSuccess, map[string]any{})
	case msgBegin:
		cn.inTx = true
		return cn.send(msgSuccess, map[string]any{})
	case msgRun:
		return p.run(cn, ev.Query)
	case msgPull, msgDiscard:
		return p.pull(cn, m.Tag == msgPull)
	case msgCommit:
		cn.inTx = false
		return cn.send(msgSuccess, map[string]any{"bookmark": p.bookmark()})
	case msgRollback:
		cn.inTx, cn.pending = false, nil
		return cn.send(msgSuccess, map[string]any{})
	case msgRoute:
		addr := []any{cn.c.LocalAddr().String()}
		rt := map[string]any{"ttl": int64(300), "db": "neo4j", "servers": []any{
			map[string]any{"role": "ROUTE", "addresses": addr},
			map[string]any{"role": "READ", "addresses": addr},
			map[string]any{"role": "WRITE", "addresses": addr},
		}}
		return cn.send(msgSuccess, map[string]any{"rt": rt})
	}
	cn.failed = true
	return cn.send(msgFailure, map[string]any{"code": "Neo.ClientError.Request.Invalid", "message": "boltpeer: unsupported message " + ev.Message})
}

func (p *Peer) bookmark() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.commit++
	return fmt.Sprintf("boltpeer:%d", p.commit)
}

func (p *Peer) run(cn *conn, query string) error {
	r := p.reply(query)
	if r.Stall != 0 {
		if err := cn.rw.Flush(); err != nil {
			return err
		}
		wait := r.Stall
		if wait < 0 {
			wait = time.Hour
		}
		ctx, cancel := context.WithTimeout(context.Background(), wait)
		defer cancel()
		select {
		case <-ctx.Done():
		case <-p.done:
			return io.EOF
		}
	}
	if r.Hangup {
		return io.EOF
	}
	if r.Failure != nil {
		cn.failed = true
		return cn.send(msgFailure, map[string]any{"code": r.Failure.Code, "message": r.Failure.Message})
	}
	keys := make([]any, len(r.Keys))
	for i, k := range r.Keys {
		keys[i] = k
	}
	meta := map[string]any{"fields": keys, "t_first": int64(0)}
	if cn.inTx {
		meta["qid"] = cn.qid
		cn.qid++
	}
	cn.pending = append(cn.pending, r)
	return cn.send(msgSuccess, meta)
}

// pull streams the records of the oldest unanswered RUN.
func (p *Peer) pull(cn *conn, records bool) error {
	if len(cn.pending) == 0 {
		cn.failed = true
		return cn.send(msgFailure, map[string]any{"code": "Neo.ClientError.Request.Invalid", "message": "boltpeer: nothing to pull"})
	}
	r := cn.pending[0]
	cn.pending = cn.pending[1:]
	if records {
		for _, rec := range r.Records {
			if err := cn.send(msgRecord, rec); err != nil {
				return err
			}
		}
	}
	meta := map[string]any{"has_more": false, "t_last": int64(0), "type": "rw", "db": "neo4j"}
	if !cn.inTx {
		meta["bookmark"] = p.bookmark()
	}
	return cn.send(msgSuccess, meta)
}

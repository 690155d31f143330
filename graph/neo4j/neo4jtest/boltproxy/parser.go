package boltproxy

import (
	"encoding/binary"
	"fmt"
)

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

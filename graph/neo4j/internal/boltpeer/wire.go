package boltpeer

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"net"
)

// conn is the state of one client connection.
type conn struct {
	id      int
	rw      *bufio.ReadWriter
	c       net.Conn
	failed  bool
	inTx    bool
	qid     int64
	pending []Reply // answered RUNs awaiting PULL or DISCARD
}

// handshake accepts the Bolt preamble and chooses Bolt 5.4 whatever the
// client offered: the peer is for Bolt 5 drivers only.
func (cn *conn) handshake() error {
	var hs [20]byte
	if _, err := io.ReadFull(cn.rw, hs[:]); err != nil {
		return err
	}
	if binary.BigEndian.Uint32(hs[:4]) != 0x6060B017 {
		return errors.New("boltpeer: bad magic")
	}
	if _, err := cn.rw.Write([]byte{0, 0, 4, 5}); err != nil {
		return err
	}
	return cn.rw.Flush()
}

// read reads one chunked message.
func (cn *conn) read() (Struct, error) {
	var body []byte
	for {
		var hdr [2]byte
		if _, err := io.ReadFull(cn.rw, hdr[:]); err != nil {
			return Struct{}, err
		}
		n := int(binary.BigEndian.Uint16(hdr[:]))
		if n == 0 {
			if len(body) == 0 {
				continue // NOOP keep-alive
			}
			break
		}
		chunk := make([]byte, n)
		if _, err := io.ReadFull(cn.rw, chunk); err != nil {
			return Struct{}, err
		}
		body = append(body, chunk...)
	}
	d := &decoder{buf: body}
	v, err := d.value()
	if err != nil {
		return Struct{}, err
	}
	s, ok := v.(Struct)
	if !ok {
		return Struct{}, fmt.Errorf("boltpeer: message is a %T", v)
	}
	return s, nil
}

// send writes one message in chunks.
func (cn *conn) send(tag byte, fields ...any) error {
	e := &encoder{}
	if err := e.value(Struct{Tag: tag, Fields: fields}); err != nil {
		return err
	}
	for b := e.buf; len(b) > 0; {
		n := min(len(b), 0xFFFF)
		cn.rw.Write(binary.BigEndian.AppendUint16(nil, uint16(n)))
		cn.rw.Write(b[:n])
		b = b[n:]
	}
	_, err := cn.rw.Write([]byte{0, 0})
	return err
}

func mapField(s Struct, i int) map[string]any {
	if i < len(s.Fields) {
		if m, ok := s.Fields[i].(map[string]any); ok {
			return m
		}
	}
	return nil
}

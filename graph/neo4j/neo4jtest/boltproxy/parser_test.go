package boltproxy

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// chunk frames one message of the given signature as a single chunk
// followed by the end marker.
func chunk(sig byte, body ...byte) []byte {
	msg := append([]byte{0xB1, sig}, body...)
	return append(append([]byte{byte(len(msg) >> 8), byte(len(msg))}, msg...), 0, 0)
}

func TestParser(t *testing.T) {
	handshake := make([]byte, 20)
	for _, tt := range []struct {
		name     string
		manifest bool
		stream   [][]byte // as the reads deliver it
		want     []string
	}{
		{"plain handshake", false, [][]byte{handshake, chunk(0x01, 0xA0), chunk(0x11, 0xA0), chunk(0x10, 0x80), chunk(0x3F, 0xA0), chunk(0x12)},
			[]string{"HELLO", "BEGIN", "RUN", "PULL", "COMMIT"}},
		{"manifest handshake", true, [][]byte{handshake, {0, 0, 8, 5, 0x81, 0x01}, chunk(0x01, 0xA0), chunk(0x66, 0xA0)},
			[]string{"HELLO", "ROUTE"}},
		{"split anywhere", false, split(append(append(handshake, chunk(0x10, 0x80, 0x80)...), chunk(0x12)...)),
			[]string{"RUN", "COMMIT"}},
		{"message in two chunks", false, [][]byte{handshake, {0, 2, 0xB3, 0x10, 0, 3, 0x80, 0x11, 0x12, 0, 0}, chunk(0x3F)},
			[]string{"RUN", "PULL"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			p := &parser{count: func(s string) { got = append(got, s) }, manifest: func() bool { return tt.manifest }}
			for _, b := range tt.stream {
				p.feed(b)
			}
			if d := cmp.Diff(tt.want, got); d != "" {
				t.Errorf("messages (-want +got):\n%s", d)
			}
		})
	}
}

// split delivers b one byte per read.
func split(b []byte) [][]byte {
	out := make([][]byte, len(b))
	for i := range b {
		out[i] = b[i : i+1]
	}
	return out
}

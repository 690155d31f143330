package boltpeer

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestPackStreamRoundTrip(t *testing.T) {
	long := strings.Repeat("ж", 300) // a string past the 8-bit size
	many := make([]any, 20)          // a list past the tiny size
	for i := range many {
		many[i] = int64(i * 1000)
	}
	at := time.Date(2025, 3, 4, 14, 0, 0, 123456789, time.FixedZone("", 16200))
	tests := []struct {
		name string
		in   any
	}{
		{"null", nil},
		{"bools", []any{true, false}},
		{"ints of every width", []any{int64(-16), int64(127), int64(-128), int64(300), int64(-40000), int64(1 << 40)}},
		{"float", 0.125},
		{"strings", []any{"", "short", long}},
		{"long list", many},
		{"nested map", map[string]any{"a": []any{map[string]any{"b": "c"}}, "d": nil}},
		{"datetime", at},
		{"struct", Struct{Tag: 'N', Fields: []any{int64(1), []any{"Label"}, map[string]any{}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := &encoder{}
			if err := e.value(tt.in); err != nil {
				t.Fatal(err)
			}
			d := &decoder{buf: e.buf}
			got, err := d.value()
			if err != nil {
				t.Fatal(err)
			}
			if d.pos != len(e.buf) {
				t.Errorf("decoded %d of %d bytes", d.pos, len(e.buf))
			}
			if want, ok := tt.in.(time.Time); ok {
				if g, _ := got.(time.Time); !g.Equal(want) {
					t.Errorf("got %v, want %v", got, want)
				}
				return
			}
			if diff := cmp.Diff(tt.in, got); diff != "" {
				t.Errorf("round trip (-want +got):\n%s", diff)
			}
		})
	}
}

func TestDecodeRejectsTruncatedInput(t *testing.T) {
	e := &encoder{}
	if err := e.value(map[string]any{"key": "value"}); err != nil {
		t.Fatal(err)
	}
	for n := range len(e.buf) {
		d := &decoder{buf: e.buf[:n]}
		if _, err := d.value(); err == nil {
			t.Errorf("decoding %d of %d bytes succeeded", n, len(e.buf))
		}
	}
}

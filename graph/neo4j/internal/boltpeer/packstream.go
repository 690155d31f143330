package boltpeer

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"sort"
	"time"
)

// Struct is a PackStream structure the peer does not interpret: a message,
// or a value type other than a datetime.
type Struct struct {
	Tag    byte
	Fields []any
}

// PackStream datetime tags of Bolt 5 (UTC-based): offset and named zone.
const (
	tagDateTimeOffset = 'I'
	tagDateTimeZone   = 'i'
)

// encoder writes PackStream values.
type encoder struct{ buf []byte }

func (e *encoder) value(v any) error {
	switch x := v.(type) {
	case nil:
		e.buf = append(e.buf, 0xC0)
	case bool:
		if x {
			e.buf = append(e.buf, 0xC3)
		} else {
			e.buf = append(e.buf, 0xC2)
		}
	case int:
		e.int(int64(x))
	case int64:
		e.int(x)
	case float64:
		e.buf = append(e.buf, 0xC1)
		e.buf = binary.BigEndian.AppendUint64(e.buf, math.Float64bits(x))
	case string:
		e.header(len(x), 0x80, 0xD0)
		e.buf = append(e.buf, x...)
	case []string:
		e.header(len(x), 0x90, 0xD4)
		for _, s := range x {
			e.value(s)
		}
	case []any:
		e.header(len(x), 0x90, 0xD4)
		for _, y := range x {
			if err := e.value(y); err != nil {
				return err
			}
		}
	case map[string]any:
		e.header(len(x), 0xA0, 0xD8)
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys) // deterministic bytes
		for _, k := range keys {
			e.value(k)
			if err := e.value(x[k]); err != nil {
				return err
			}
		}
	case time.Time:
		_, offset := x.Zone()
		return e.value(Struct{Tag: tagDateTimeOffset, Fields: []any{x.Unix(), int64(x.Nanosecond()), int64(offset)}})
	case Struct:
		if len(x.Fields) > 15 {
			return errors.New("packstream: struct with more than 15 fields")
		}
		e.buf = append(e.buf, 0xB0+byte(len(x.Fields)), x.Tag)
		for _, f := range x.Fields {
			if err := e.value(f); err != nil {
				return err
			}
		}
	default:
		return fmt.Errorf("packstream: cannot encode %T", v)
	}
	return nil
}

func (e *encoder) int(i int64) {
	switch {
	case i >= -16 && i <= 127:
		e.buf = append(e.buf, byte(int8(i)))
	case i >= math.MinInt8 && i <= math.MaxInt8:
		e.buf = append(e.buf, 0xC8, byte(int8(i)))
	case i >= math.MinInt16 && i <= math.MaxInt16:
		e.buf = append(e.buf, 0xC9)
		e.buf = binary.BigEndian.AppendUint16(e.buf, uint16(int16(i)))
	case i >= math.MinInt32 && i <= math.MaxInt32:
		e.buf = append(e.buf, 0xCA)
		e.buf = binary.BigEndian.AppendUint32(e.buf, uint32(int32(i)))
	default:
		e.buf = append(e.buf, 0xCB)
		e.buf = binary.BigEndian.AppendUint64(e.buf, uint64(i))
	}
}

// header writes the marker of a sized value: tiny (below 16) or 8/16/32-bit
// sizes, whose markers follow wide in sequence.
func (e *encoder) header(n int, tiny, wide byte) {
	switch {
	case n < 16:
		e.buf = append(e.buf, tiny+byte(n))
	case n <= math.MaxUint8:
		e.buf = append(e.buf, wide, byte(n))
	case n <= math.MaxUint16:
		e.buf = append(e.buf, wide+1)
		e.buf = binary.BigEndian.AppendUint16(e.buf, uint16(n))
	default:
		e.buf = append(e.buf, wide+2)
		e.buf = binary.BigEndian.AppendUint32(e.buf, uint32(n))
	}
}

// decoder reads PackStream values from one message.
type decoder struct {
	buf []byte
	pos int
}

var errShort = errors.New("packstream: message too short")

func (d *decoder) next(n int) ([]byte, error) {
	if d.pos+n > len(d.buf) {
		return nil, errShort
	}
	b := d.buf[d.pos : d.pos+n]
	d.pos += n
	return b, nil
}

func (d *decoder) size(marker, base byte) (int, error) {
	var b []byte
	var err error
	switch marker - base {
	case 0:
		b, err = d.next(1)
		if err != nil {
			return 0, err
		}
		return int(b[0]), nil
	case 1:
		b, err = d.next(2)
		if err != nil {
			return 0, err
		}
		return int(binary.BigEndian.Uint16(b)), nil
	default:
		b, err = d.next(4)
		if err != nil {
			return 0, err
		}
		return int(binary.BigEndian.Uint32(b)), nil
	}
}

func (d *decoder) value() (any, error) {
	mb, err := d.next(1)
	if err != nil {
		return nil, err
	}
	m := mb[0]
	switch {
	case m <= 0x7F || m >= 0xF0:
		return int64(int8(m)), nil
	case m >= 0x80 && m <= 0x8F:
		return d.str(int(m - 0x80))
	case m >= 0x90 && m <= 0x9F:
		return d.list(int(m - 0x90))
	case m >= 0xA0 && m <= 0xAF:
		return d.dict(int(m - 0xA0))
	case m >= 0xB0 && m <= 0xBF:
		return d.structure(int(m - 0xB0))
	}
	switch m {
	case 0xC0:
		return nil, nil
	case 0xC1:
		b, err := d.next(8)
		if err != nil {
			return nil, err
		}
		return math.Float64frombits(binary.BigEndian.Uint64(b)), nil
	case 0xC2:
		return false, nil
	case 0xC3:
		return true, nil
	case 0xC8, 0xC9, 0xCA, 0xCB:
		b, err := d.next(1 << (m - 0xC8))
		if err != nil {
			return nil, err
		}
		switch m {
		case 0xC8:
			return int64(int8(b[0])), nil
		case 0xC9:
			return int64(int16(binary.BigEndian.Uint16(b))), nil
		case 0xCA:
			return int64(int32(binary.BigEndian.Uint32(b))), nil
		}
		return int64(binary.BigEndian.Uint64(b)), nil
	case 0xCC, 0xCD, 0xCE:
		n, err := d.size(m, 0xCC)
		if err != nil {
			return nil, err
		}
		b, err := d.next(n)
		return append([]byte(nil), b...), err
	case 0xD0, 0xD1, 0xD2:
		n, err := d.size(m, 0xD0)
		if err != nil {
			return nil, err
		}
		return d.str(n)
	case 0xD4, 0xD5, 0xD6:
		n, err := d.size(m, 0xD4)
		if err != nil {
			return nil, err
		}
		return d.list(n)
	case 0xD8, 0xD9, 0xDA:
		n, err := d.size(m, 0xD8)
		if err != nil {
			return nil, err
		}
		return d.dict(n)
	}
	return nil, fmt.Errorf("packstream: unknown marker %#x", m)
}

func (d *decoder) str(n int) (string, error) {
	b, err := d.next(n)
	return string(b), err
}

func (d *decoder) list(n int) ([]any, error) {
	out := make([]any, 0, n)
	for range n {
		v, err := d.value()
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}

func (d *decoder) dict(n int) (map[string]any, error) {
	out := make(map[string]any, n)
	for range n {
		k, err := d.value()
		if err != nil {
			return nil, err
		}
		ks, ok := k.(string)
		if !ok {
			return nil, fmt.Errorf("packstream: map key of type %T", k)
		}
		if out[ks], err = d.value(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// structure decodes a struct; datetimes become time.Time so that tests can
// check the parameters the store sent.
func (d *decoder) structure(n int) (any, error) {
	tb, err := d.next(1)
	if err != nil {
		return nil, err
	}
	fields, err := d.list(n)
	if err != nil {
		return nil, err
	}
	s := Struct{Tag: tb[0], Fields: fields}
	if (s.Tag == tagDateTimeOffset || s.Tag == tagDateTimeZone) && len(fields) == 3 {
		secs, ok1 := fields[0].(int64)
		nanos, ok2 := fields[1].(int64)
		if ok1 && ok2 {
			t := time.Unix(secs, nanos).UTC()
			if off, ok := fields[2].(int64); ok {
				t = t.In(time.FixedZone("", int(off)))
			}
			return t, nil
		}
	}
	return s, nil
}

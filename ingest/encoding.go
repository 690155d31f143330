package ingest

import (
	"bytes"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"

	"github.com/newsgraph/newsgraph/graph"
)

// Text encodings DecodeText tells apart, as it names them.
const (
	EncodingUTF8        = "utf-8"
	EncodingUTF16       = "utf-16"
	EncodingWindows1252 = "windows-1252"
)

// binaryProbe is how much of a file is searched for a NUL byte, which no
// text in a single-byte or UTF-8 encoding contains.
const binaryProbe = 8 << 10

// DecodeText turns the bytes of a plain-text document into UTF-8 and names
// the encoding it read them in. Files in the wild are not all UTF-8: older
// archives are often in Latin-1 or its superset Windows-1252 (a "£" as the
// single byte 0xA3). The rule, in order:
//
//   - a UTF-16 byte-order mark: UTF-16 of that byte order;
//   - valid UTF-8 (ASCII included): kept as it is;
//   - a NUL byte in the first 8 KB: not text; an Invalid error;
//   - anything else: Windows-1252, which decodes every byte and agrees with
//     Latin-1 on all its printable characters.
//
// A file in another legacy encoding (a Cyrillic or CJK code page) is thus
// read as Windows-1252 and comes out garbled rather than failing; telling
// those apart needs a statistical detector, and news in them is out of the
// extractor's (English) scope anyway.
func DecodeText(data []byte) (text, enc string, err error) {
	const op = "ingest.DecodeText"
	if bytes.HasPrefix(data, []byte{0xFE, 0xFF}) || bytes.HasPrefix(data, []byte{0xFF, 0xFE}) {
		s, err := decodeWith(unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM), data)
		if err != nil {
			return "", "", graph.E(op, graph.Invalid, "malformed UTF-16 text", err)
		}
		return s, EncodingUTF16, nil
	}
	if utf8.Valid(data) {
		return string(data), EncodingUTF8, nil
	}
	if bytes.IndexByte(data[:min(len(data), binaryProbe)], 0) >= 0 {
		return "", "", graph.Errorf(op, graph.Invalid, "not a text file (it holds NUL bytes: a binary file, or UTF-16 without a byte-order mark)")
	}
	s, err := decodeWith(charmap.Windows1252, data)
	if err != nil {
		return "", "", graph.E(op, graph.Invalid, "cannot decode the text as Windows-1252", err)
	}
	return s, EncodingWindows1252, nil
}

func decodeWith(e encoding.Encoding, data []byte) (string, error) {
	out, err := e.NewDecoder().Bytes(data)
	if err != nil {
		return "", err
	}
	return string(out), nil
}

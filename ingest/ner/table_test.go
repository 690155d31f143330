package ner

import (
	"bytes"
	"os"
	"testing"
)

// TestEncodeReproducesShipped checks that each shipped model, decoded into
// the in-memory feature table and encoded again, gives its file back byte
// for byte: the in-memory table may change for speed, the format and the
// weights may not.
func TestEncodeReproducesShipped(t *testing.T) {
	for _, f := range []string{"model.bin.gz", "attribution.bin.gz", "model_accurate.bin.gz", "attribution_accurate.bin.gz"} {
		t.Run(f, func(t *testing.T) {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			m, err := Decode(bytes.NewReader(b))
			if err != nil {
				t.Fatal(err)
			}
			var out bytes.Buffer
			if err := m.Encode(&out); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(out.Bytes(), b) {
				t.Errorf("re-encoded %s differs: %d bytes, file %d", f, out.Len(), len(b))
			}
		})
	}
}

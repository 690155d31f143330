package ner

import (
	"bufio"
	"bytes"
	"cmp"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
)

// The model file is gzip over a little-endian stream:
//
//	magic "NER1", numLabels u8
//	case bins: count u32, then (key u64, bin u8)*
//	gazetteer: maxLen u8, count u32, then (key u64, mask u8)*
//	clusters: count u32, then (key u64, code u16)*
//	features: count u32, then (key u64, nnz u8, (label u8, weight f32)*nnz)*
//
// Entries are written in key order so the same model gives the same bytes.
// A model that decodes with a beam is preceded by "NERB" and its width (u8).
// A stacked model ("NERS", context features) is followed, in the same
// stream, by its first pass in this format.

const (
	magic        = "NER1"
	magicContext = "NERC" // the same format, for a model with context features
	magicStacked = "NERS" // a context model followed by its first pass
	// magicBeam, then the beam width (u8), comes before the header of a
	// model that decodes with a beam; models without it are greedy.
	magicBeam = "NERB"
)

//go:embed model.bin.gz
var embedded []byte

// Load returns the model shipped with the package.
func Load() (*Model, error) {
	m, err := Decode(bytes.NewReader(embedded))
	if err != nil {
		return nil, fmt.Errorf("ner: embedded model: %w", err)
	}
	return m, nil
}

// Encode writes m in the model file format.
func (m *Model) Encode(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	if err := m.encodeBody(bw); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

// encodeBody writes one model, and the first pass of a stacked one.
func (m *Model) encodeBody(bw *bufio.Writer) error {
	var err error
	put := func(v any) {
		if err == nil {
			err = binary.Write(bw, binary.LittleEndian, v)
		}
	}
	if m.beam > 1 {
		bw.WriteString(magicBeam)
		put(uint8(m.beam))
	}
	switch {
	case m.first != nil:
		bw.WriteString(magicStacked)
	case m.lex.context:
		bw.WriteString(magicContext)
	default:
		bw.WriteString(magic)
	}
	put(uint8(numLabels))
	writeByteMap := func(mp map[uint64]uint8) {
		ks := make([]uint64, 0, len(mp))
		for k := range mp {
			ks = append(ks, k)
		}
		slices.Sort(ks)
		put(uint32(len(ks)))
		for _, k := range ks {
			put(k)
			put(mp[k])
		}
	}
	writeByteMap(m.lex.caseBins)
	put(uint8(m.lex.maxGaz))
	writeByteMap(m.lex.gaz)
	cks := make([]uint64, 0, len(m.lex.clusters))
	for k := range m.lex.clusters {
		cks = append(cks, k)
	}
	slices.Sort(cks)
	put(uint32(len(cks)))
	for _, k := range cks {
		put(k)
		put(m.lex.clusters[k])
	}

	type entry struct {
		key uint64
		w   [numLabels]float32
	}
	var es []entry
	for i, k := range m.feats.keys {
		if k != 0 {
			es = append(es, entry{k, m.feats.weights(i)})
		}
	}
	slices.SortFunc(es, func(a, b entry) int { return cmp.Compare(a.key, b.key) })
	put(uint32(len(es)))
	for _, e := range es {
		row := e.w
		nnz := 0
		for _, v := range row {
			if v != 0 {
				nnz++
			}
		}
		put(e.key)
		put(uint8(nnz))
		for l, v := range row {
			if v != 0 {
				put(uint8(l))
				put(v)
			}
		}
	}
	if err != nil {
		return err
	}
	if m.first != nil {
		return m.first.encodeBody(bw)
	}
	return nil
}

// Decode reads a model written by Encode.
func Decode(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, err
	}
	m, err := decodeBody(bufio.NewReader(zr))
	if err != nil {
		return nil, err
	}
	m.link()
	return m, nil
}

// decodeBody reads one model, and the first pass of a stacked one.
func decodeBody(br *bufio.Reader) (*Model, error) {
	var hdr [5]byte
	if _, err := io.ReadFull(br, hdr[:]); err != nil {
		return nil, err
	}
	kind := string(hdr[:4])
	beam := 1
	if kind == magicBeam {
		beam = max(int(hdr[4]), 1)
		if _, err := io.ReadFull(br, hdr[:]); err != nil {
			return nil, err
		}
		kind = string(hdr[:4])
	}
	if kind != magic && kind != magicContext && kind != magicStacked || int(hdr[4]) != numLabels {
		return nil, errors.New("not a model file of this version")
	}
	var err error
	var buf [8]byte
	u8 := func() uint8 {
		if err == nil {
			buf[0], err = br.ReadByte()
		}
		return buf[0]
	}
	u32 := func() uint32 {
		if err == nil {
			_, err = io.ReadFull(br, buf[:4])
		}
		return binary.LittleEndian.Uint32(buf[:4])
	}
	u64 := func() uint64 {
		if err == nil {
			_, err = io.ReadFull(br, buf[:8])
		}
		return binary.LittleEndian.Uint64(buf[:8])
	}
	readByteMap := func() map[uint64]uint8 {
		n := u32()
		if err != nil || n > 1<<26 {
			err = cmp.Or(err, errors.New("bad table size"))
			return nil
		}
		mp := make(map[uint64]uint8, n)
		for i := uint32(0); i < n && err == nil; i++ {
			k := u64()
			mp[k] = u8()
		}
		return mp
	}
	m := &Model{beam: beam}
	m.lex.context = kind == magicContext || kind == magicStacked
	m.lex.caseBins = readByteMap()
	m.lex.maxGaz = int(u8())
	m.lex.gaz = readByteMap()
	nc := u32()
	if err != nil || nc > 1<<26 {
		return nil, cmp.Or(err, errors.New("bad cluster count"))
	}
	m.lex.clusters = make(map[uint64]uint16, nc)
	for i := uint32(0); i < nc && err == nil; i++ {
		k := u64()
		if err == nil {
			_, err = io.ReadFull(br, buf[:2])
		}
		m.lex.clusters[k] = binary.LittleEndian.Uint16(buf[:2])
	}
	n := u32()
	if err != nil || n > 1<<26 {
		return nil, cmp.Or(err, errors.New("bad feature count"))
	}
	keys := make([]uint64, 0, n)
	ws := make([]*[numLabels]float32, 0, n)
	seen := make(map[uint64]bool, n)
	for i := 0; i < int(n) && err == nil; i++ {
		k := u64()
		nnz := int(u8())
		var w [numLabels]float32
		for j := 0; j < nnz && err == nil; j++ {
			l := int(u8())
			v := math.Float32frombits(u32())
			if l >= numLabels {
				err = errors.New("bad label")
				break
			}
			w[l] = v
		}
		if err == nil && seen[nonZero(k)] {
			err = errors.New("duplicate feature")
		}
		if err == nil {
			seen[nonZero(k)] = true
			keys, ws = append(keys, k), append(ws, &w)
		}
	}
	if err != nil {
		return nil, fmt.Errorf("truncated or corrupt model: %w", err)
	}
	m.feats = newFeatureTable(len(keys), maxAbsWeight(ws...))
	for i, k := range keys {
		m.feats.put(k, ws[i])
	}
	if kind == magicStacked {
		if m.first, err = decodeBody(br); err != nil {
			return nil, fmt.Errorf("first pass: %w", err)
		}
	}
	return m, nil
}

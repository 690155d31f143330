package ner

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
	"sync"
	"unicode"
)

// The neural attribution tagger: a BiLSTM-CRF stacked on the accurate
// perceptron (LoadAttributionAccurate). It reads each word, its suffix and
// shape, and the label the perceptron gave it, and relabels the whole
// sentence at once (Viterbi over a CRF), so that a source or content is
// labelled knowing the cue after it. Trained by tools/neural/train.py on
// PolNeAR train with jackknifed perceptron labels; this file is its
// inference, which must compute the features as tools/neural/feats.py.

//go:embed attribution_neural.bin.gz
var embeddedNeural []byte

// neuralTags are the attribution network's output tags (BIO over the
// attribution slots), in the order of tools/neural/feats.py
// ATTRIBUTION_TAGS; nameTags are the name network's (feats.py NER_TAGS),
// the same first seven and MISC. Tag t > 0 is of type (t-1)/2 in
// typeNames.
var (
	neuralTags = []string{"O", "B-" + AttrSource, "I-" + AttrSource, "B-" + AttrCue, "I-" + AttrCue, "B-" + AttrContent, "I-" + AttrContent}
	nameTags   = append(slices.Clip(neuralTags), "B-MISC", "I-MISC")
)

// maxNeuralTags bounds the tags of a network (the name network's nine),
// so that a token's emissions are an array.
const maxNeuralTags = 9

// The third input of a network, one table row per token: for attribution
// whether the sentence starts inside a quotation (0 or 1); for names the
// word's document class (docClasses), one of numDocClasses.
const (
	numOpenClasses = 2
	numDocClasses  = 6
)

// Neural is a neural tagger stacked on a perceptron: the attribution
// tagger, or the accurate name tagger (names.go). It is safe for
// concurrent use.
type Neural struct {
	perc  *Model
	h     int     // hidden units per direction
	nt    int     // output tags: len(neuralTags) or len(nameTags)
	ncls  int     // rows of the third input: numOpenClasses or numDocClasses
	doc   bool    // the third input is the document class (a name network)
	bonus float32 // added to the emission of the perceptron's own tag
	// ungated runs the network on every sentence; a gated model runs it
	// only where the perceptron finds a cue. The model file says which,
	// as the choice was made on held-out data with that model.
	ungated bool
	words   map[string]int32
	sufs    map[string]int32
	// Input projections (projectInputs), so that embeddings are
	// projected once at load, not per token: the word and suffix tables',
	// and in fixed the sum of the shape, perceptron-tag and open-quote
	// rows for each combination of the three (fixedRow).
	wproj, sproj, fixed []float32
	glove               *gloveTable              // GloVe's vectors, for a network that reads them
	fwh, bwh            []float32                // recurrent weights, [h][4h] as stored
	outW                [][maxNeuralTags]float32 // output weights, a row per hidden unit, forward then backward; tags past nt zero
	outB                [maxNeuralTags]float32
	trans               [maxNeuralTags][maxNeuralTags]float32
	start, end          [maxNeuralTags]float32
	pool                sync.Pool
}

// neuralHeader is the JSON header of a model file.
type neuralHeader struct {
	Version  int               `json:"version"`
	Hidden   int               `json:"hidden"`
	Bonus    float32           `json:"bonus"`
	Ungated  bool              `json:"ungated"` // run on every sentence, not only where the perceptron finds a cue
	Doc      bool              `json:"doc"`     // the third input is the document class (names), not the open quotation
	Tags     []string          `json:"tags"`
	Words    []string          `json:"words"`
	Suffixes []string          `json:"suffixes"`
	Dims     map[string]int    `json:"dims"`
	Tensors  []json.RawMessage `json:"tensors"`
	// Glove lists the words of a network that reads GloVe's vectors
	// (dims "glove"): their rows follow the tensors (gloveTable).
	Glove []string `json:"glove"`
}

// neuralFile is a model file as read: its header, its tensors by name
// (row-major, widened from half precision) and their shapes, and the
// GloVe table of a network that reads one.
type neuralFile struct {
	hd     neuralHeader
	t      map[string][]float32
	shapes map[string][]int
	glove  *gloveTable
}

// LoadAttributionNeural returns the neural attribution tagger shipped with
// the package, stacked on the accurate perceptron.
func LoadAttributionNeural() (*Neural, error) {
	perc, err := LoadAttributionAccurate()
	if err != nil {
		return nil, err
	}
	n, err := DecodeNeural(bytes.NewReader(embeddedNeural), perc)
	if err != nil {
		return nil, fmt.Errorf("ner: embedded neural attribution model: %w", err)
	}
	return n, nil
}

// DecodeNeural reads a model file written by tools/neural/train.py; perc
// is the perceptron whose labels the network reads.
func DecodeNeural(r io.Reader, perc *Model) (*Neural, error) {
	f, err := readNeural(r)
	if err != nil {
		return nil, err
	}
	if !slices.Equal(f.hd.Tags, neuralTags) {
		return nil, fmt.Errorf("ner: not an attribution network (tags %v)", f.hd.Tags)
	}
	return buildNeural(f, perc)
}

// readNeural reads a model file.
func readNeural(r io.Reader) (neuralFile, error) {
	var f neuralFile
	hd, t, shapes, br, err := readNeuralTensors(r)
	if err != nil {
		return f, err
	}
	f = neuralFile{hd: hd, t: t, shapes: shapes}
	if hd.Dims["glove"] > 0 {
		if f.glove, err = readGlove(br, hd.Glove, hd.Dims["glove"]); err != nil {
			return f, err
		}
	}
	return f, nil
}

// readNeuralTensors reads a model file's header and its tensors, by name,
// and returns the reader positioned after them.
func readNeuralTensors(r io.Reader) (neuralHeader, map[string][]float32, map[string][]int, *bufio.Reader, error) {
	var hd neuralHeader
	zr, err := gzip.NewReader(r)
	if err != nil {
		return hd, nil, nil, nil, fmt.Errorf("ner: neural model: %w", err)
	}
	br := bufio.NewReader(zr)
	magic := make([]byte, 8)
	if _, err := io.ReadFull(br, magic); err != nil || string(magic) != "NGNEURAL" {
		return hd, nil, nil, nil, fmt.Errorf("ner: not a neural model file (%v)", err)
	}
	var hl uint32
	if err := binary.Read(br, binary.LittleEndian, &hl); err != nil {
		return hd, nil, nil, nil, fmt.Errorf("ner: neural model header: %w", err)
	}
	hb := make([]byte, hl)
	if _, err := io.ReadFull(br, hb); err != nil {
		return hd, nil, nil, nil, fmt.Errorf("ner: neural model header: %w", err)
	}
	if err := json.Unmarshal(hb, &hd); err != nil {
		return hd, nil, nil, nil, fmt.Errorf("ner: neural model header: %w", err)
	}
	if hd.Version != 1 || !slices.Equal(hd.Tags, neuralTags) && !slices.Equal(hd.Tags, nameTags) {
		return hd, nil, nil, nil, fmt.Errorf("ner: neural model version %d with tags %v not supported", hd.Version, hd.Tags)
	}
	t := map[string][]float32{}
	shapes := map[string][]int{}
	for _, raw := range hd.Tensors {
		var name string
		var shape []int
		if err := json.Unmarshal(raw, &[]any{&name, &shape}); err != nil {
			return hd, nil, nil, nil, fmt.Errorf("ner: neural model tensor list: %w", err)
		}
		size := 1
		for _, d := range shape {
			size *= d
		}
		buf := make([]byte, 2*size)
		if _, err := io.ReadFull(br, buf); err != nil {
			return hd, nil, nil, nil, fmt.Errorf("ner: neural model tensor %s: %w", name, err)
		}
		v := make([]float32, size)
		for i := range v {
			v[i] = halfToFloat(binary.LittleEndian.Uint16(buf[2*i:]))
		}
		t[name], shapes[name] = v, shape
	}
	return hd, t, shapes, br, nil
}

// buildNeural checks the tensors' shapes and projects the embeddings.
func buildNeural(f neuralFile, perc *Model) (*Neural, error) {
	hd, t, shapes := f.hd, f.t, f.shapes
	h, nt, ncls := hd.Hidden, len(hd.Tags), numOpenClasses
	if hd.Doc {
		ncls = numDocClasses
	}
	din := 0
	for _, k := range []string{"word", "suffix", "shape", "perc", "open", "glove"} {
		din += hd.Dims[k]
	}
	want := map[string][]int{
		"wemb": {len(hd.Words) + 2, hd.Dims["word"]}, "semb": {len(hd.Suffixes) + 2, hd.Dims["suffix"]},
		"shemb": {numShapes, hd.Dims["shape"]}, "pemb": {nt, hd.Dims["perc"]}, "oemb": {ncls, hd.Dims["open"]},
		"f_wx": {din, 4 * h}, "f_wh": {h, 4 * h}, "f_b": {4 * h}, "b_wx": {din, 4 * h}, "b_wh": {h, 4 * h}, "b_b": {4 * h},
		"out_w": {2 * h, nt}, "out_b": {nt}, "trans": {nt, nt},
		"start": {nt}, "end": {nt},
	}
	for k, w := range want {
		if fmt.Sprint(shapes[k]) != fmt.Sprint(w) {
			return nil, fmt.Errorf("ner: neural model tensor %s has shape %v, want %v", k, shapes[k], w)
		}
	}
	fillActTables()
	n := &Neural{perc: perc, h: h, nt: nt, ncls: ncls, doc: hd.Doc, bonus: hd.Bonus, ungated: hd.Ungated || hd.Doc, fwh: t["f_wh"], bwh: t["b_wh"],
		words: make(map[string]int32, len(hd.Words)), sufs: make(map[string]int32, len(hd.Suffixes))}
	for i, w := range hd.Words {
		n.words[w] = int32(i + 2)
	}
	for i, s := range hd.Suffixes {
		n.sufs[s] = int32(i + 2)
	}
	copy(n.outB[:], t["out_b"])
	n.outW = make([][maxNeuralTags]float32, 2*h)
	for k := range n.outW {
		copy(n.outW[k][:nt], t["out_w"][k*nt:])
	}
	copy(n.start[:], t["start"])
	copy(n.end[:], t["end"])
	for i := range nt {
		copy(n.trans[i][:nt], t["trans"][i*nt:])
	}
	var shproj, pproj, oproj []float32
	n.wproj, n.sproj, shproj, pproj, oproj = projectInputs(hd, t)
	// The shape, perceptron-tag and third-input rows summed ahead for
	// each of their few combinations: a token's input is then three
	// rows, not five.
	n.fixed = make([]float32, numShapes*nt*ncls*8*h)
	for sh := range numShapes {
		for p := range nt {
			for o := range ncls {
				dst := n.fixed[n.fixedRow(sh, p, o)*8*h:][:8*h]
				copy(dst, shproj[sh*8*h:])
				add(dst, pproj[p*8*h:])
				add(dst, oproj[o*8*h:])
			}
		}
	}
	if f.glove != nil {
		n.glove = f.glove
		n.glove.project(t["f_wx"], t["b_wx"], din-f.glove.dim, h)
	}
	return n, nil
}

// fixedRow is the row of Neural.fixed for word shape sh, perceptron tag p
// and third input o.
func (n *Neural) fixedRow(sh, p, o int) int { return (sh*n.nt+p)*n.ncls + o }

// projectInputs returns each feature table's rows times its slice of the
// input weights, one row of 8h per entry: the forward direction's four
// gates then the backward one's. The biases are folded into the rows of
// the third input's table, so that a token's input to both LSTMs is the sum
// of one row per feature.
func projectInputs(hd neuralHeader, t map[string][]float32) (wproj, sproj, shproj, pproj, oproj []float32) {
	h := hd.Hidden
	off := 0
	project := func(emb string, dim int) []float32 {
		e := t[emb]
		rows := len(e) / dim
		out := make([]float32, rows*8*h)
		for r := range rows {
			dst := out[r*8*h : (r+1)*8*h]
			for d, wx := range [2][]float32{t["f_wx"], t["b_wx"]} {
				gates := dst[d*4*h : (d+1)*4*h]
				for k := range dim {
					v := e[r*dim+k]
					row := wx[(off+k)*4*h : (off+k+1)*4*h]
					for j := range gates {
						gates[j] += v * row[j]
					}
				}
			}
		}
		off += dim
		return out
	}
	wproj = project("wemb", hd.Dims["word"])
	sproj = project("semb", hd.Dims["suffix"])
	shproj = project("shemb", hd.Dims["shape"])
	pproj = project("pemb", hd.Dims["perc"])
	oproj = project("oemb", hd.Dims["open"])
	for r := range len(oproj) / (8 * h) {
		row := oproj[r*8*h : (r+1)*8*h]
		for j := range 4 * h {
			row[j] += t["f_b"][j]
			row[4*h+j] += t["b_b"][j]
		}
	}
	return wproj, sproj, shproj, pproj, oproj
}

// halfToFloat converts an IEEE 754 half-precision value.
func halfToFloat(b uint16) float32 {
	sign := uint32(b>>15) << 31
	exp := uint32(b>>10) & 0x1f
	frac := uint32(b & 0x3ff)
	switch {
	case exp == 0 && frac == 0:
		return math.Float32frombits(sign)
	case exp == 0: // subnormal
		return float32(math.Ldexp(float64(frac), -24)) * float32(1-2*int(b>>15))
	case exp == 0x1f:
		return math.Float32frombits(sign | 0xff<<23 | frac<<13)
	}
	return math.Float32frombits(sign | (exp+112)<<23 | frac<<13)
}

// numShapes counts the word-shape classes of wordShape (0 unused).
const numShapes = 8

// isQuoteToken reports whether w is a quotation mark token.
func isQuoteToken(w string) bool {
	switch w {
	case `"`, "\u201c", "\u201d", "\u2018", "\u2019", "'", "\u00ab", "\u00bb", "``", "''":
		return true
	}
	return false
}

// wordShape is tools/neural/feats.py shape.
func wordShape(w string) int {
	if isQuoteToken(w) {
		return 1
	}
	alnum, digit, allUpper, allLower, letters := false, false, true, true, 0
	for _, r := range w {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			alnum = true
		}
		if r >= '0' && r <= '9' {
			digit = true
		}
		if unicode.IsLetter(r) {
			letters++
			allUpper = allUpper && unicode.IsUpper(r)
			allLower = allLower && unicode.IsLower(r)
		}
	}
	switch {
	case !alnum:
		return 2
	case digit:
		return 3
	}
	for _, r := range w {
		if unicode.IsUpper(r) {
			if letters > 1 && allUpper {
				return 4
			}
			return 5
		}
		break
	}
	if allLower {
		return 6
	}
	return 7
}

// normWord is tools/neural/feats.py norm: lower case, ASCII digits as 0.
func normWord(w string) string { return foldDigits(strings.ToLower(w)) }

// foldDigits writes w's ASCII digits as 0.
func foldDigits(w string) string {
	if strings.ContainsAny(w, "0123456789") {
		b := []byte(w)
		for i, c := range b {
			if c >= '0' && c <= '9' {
				b[i] = '0'
			}
		}
		w = string(b)
	}
	return w
}

// suffix3 is tools/neural/feats.py suffix: the last three characters of
// the normalised word.
func suffix3(norm string) string {
	n := 0
	for i := len(norm); i > 0; {
		_, size := lastRune(norm[:i])
		i -= size
		n++
		if n == 3 {
			return norm[i:]
		}
	}
	return norm
}

// lastRune returns the last rune of s and its size.
func lastRune(s string) (rune, int) {
	for k := len(s) - 1; k >= 0; k-- {
		if c := s[k]; c < 0x80 || c >= 0xc0 {
			return []rune(s[k:])[0], len(s) - k
		}
	}
	return 0, 1
}

package ingest

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/graph"
)

// produce lists the articles of one target, in a stable order. It returns
// false when ctx ended the batch.
func (in *Ingester) produce(ctx context.Context, target string, emit func(job) bool) bool {
	const op = "ingest.Read"
	lower := strings.ToLower(target)
	switch {
	case strings.HasPrefix(lower, "http://"), strings.HasPrefix(lower, "https://"):
		return in.produceURL(ctx, target, emit)
	case strings.HasPrefix(lower, "file://"):
		u, err := url.Parse(target)
		if err != nil {
			return emit(failed(target, graph.E(op, graph.Invalid, "not a valid file URL", err)))
		}
		target = u.Path
	}
	info, err := os.Stat(target)
	if err != nil {
		return emit(failed(target, fileError(op, err)))
	}
	if !info.IsDir() {
		return in.produceFile(ctx, target, emit)
	}
	ok := true
	walkErr := filepath.WalkDir(target, func(path string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			ok = emit(failed(path, fileError(op, err)))
		case d.IsDir():
			if path != target && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir // .git and friends
			}
		case folderFormats[strings.ToLower(filepath.Ext(path))]:
			if reason := notArticle(path); reason != "" {
				ok = emit(failed(path, &skipError{reason}))
				break
			}
			ok = in.produceFile(ctx, path, emit)
		}
		if !ok {
			return filepath.SkipAll
		}
		return nil
	})
	if walkErr != nil {
		return emit(failed(target, fileError(op, walkErr)))
	}
	return ok
}

// folderFormats are the extensions read when walking a folder. Any file
// named explicitly is read, as plain text unless its extension says
// otherwise.
var folderFormats = map[string]bool{".txt": true, ".md": true, ".jsonl": true, ".json": true}

// produceFile lists the articles of one file.
func (in *Ingester) produceFile(ctx context.Context, path string, emit func(job) bool) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".jsonl", ".ndjson":
		return in.produceJSONLines(ctx, path, emit)
	case ".json":
		return in.produceJSON(ctx, path, emit)
	case ".rss", ".atom", ".xml":
		return in.produceFeedFile(ctx, path, emit)
	}
	return emit(job{location: path, load: func(context.Context) (*graph.Article, error) {
		return in.readTextFile(path)
	}})
}

// readTextFile reads a plain-text article.
func (in *Ingester) readTextFile(path string) (*graph.Article, error) {
	return ReadTextFile(path, in.maxText)
}

// ReadTextFile reads the plain-text article in a file (see TextArticle),
// decoding legacy encodings (see DecodeText),
// refusing a file above maxBytes (no limit when not positive) with an Invalid
// error before reading it whole.
func ReadTextFile(path string, maxBytes int64) (*graph.Article, error) {
	const op = "ingest.ReadFile"
	data, err := readFile(op, path, maxBytes, "article text")
	if err != nil {
		return nil, err
	}
	text, _, err := DecodeText(data)
	if err != nil {
		return nil, err
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fileError(op, err)
	}
	u := url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}
	return TextArticle(filepath.Base(path), u.String(), text), nil
}

// ReadText reads a plain-text article from r (see TextArticle and
// DecodeText), failing with
// an Invalid error beyond maxBytes (no limit when not positive).
func ReadText(r io.Reader, name, url string, maxBytes int64) (*graph.Article, error) {
	const op = "ingest.ReadText"
	data, err := readAll(op, r, maxBytes, "article text")
	if err != nil {
		return nil, err
	}
	text, _, err := DecodeText(data)
	if err != nil {
		return nil, err
	}
	return TextArticle(name, url, text), nil
}

// readFile reads a whole file of at most limit bytes (no limit when limit is
// not positive).
func readFile(op, path string, limit int64, what string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fileError(op, err)
	}
	defer f.Close()
	if info, err := f.Stat(); err == nil && limit > 0 && info.Size() > limit {
		return nil, tooLarge(op, what, info.Size(), limit)
	}
	return readAll(op, f, limit, what)
}

// readAll reads r to its end, failing beyond limit bytes (no limit when not
// positive).
func readAll(op string, r io.Reader, limit int64, what string) ([]byte, error) {
	if limit > 0 {
		r = io.LimitReader(r, limit+1)
	}
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fileError(op, err)
	}
	if limit > 0 && int64(len(data)) > limit {
		return nil, tooLarge(op, what, -1, limit)
	}
	return data, nil
}

// fileError classifies a file-system error.
func fileError(op string, err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return graph.E(op, graph.NotFound, "no such file or directory", err)
	case errors.Is(err, fs.ErrPermission):
		return graph.E(op, graph.Unauthorized, "permission denied", err)
	}
	return graph.E(op, graph.Unavailable, "cannot read the file", err)
}

// record is one article of a JSON or JSON-lines source.
type record struct {
	URL         string `json:"url"`
	Title       string `json:"title"`
	Outlet      string `json:"outlet"`
	PublishedAt string `json:"published_at"` // RFC 3339 or YYYY-MM-DD
	Text        string `json:"text"`
}

// article builds the article of a record. Records with a URL are keyed by
// it, so a corrected version replaces the old one; the others by content.
func (r *record) article() (*graph.Article, error) {
	const op = "ingest.record"
	a := &graph.Article{
		URL:    strings.TrimSpace(r.URL),
		Title:  strings.TrimSpace(r.Title),
		Outlet: strings.TrimSpace(r.Outlet),
		Text:   r.Text,
	}
	if r.PublishedAt != "" {
		t, ok := parseDate(r.PublishedAt)
		if !ok {
			return nil, graph.Errorf(op, graph.Invalid, "published_at %q is neither RFC 3339 nor YYYY-MM-DD", r.PublishedAt)
		}
		a.PublishedAt = t
	} else if m := dateHeader.FindStringSubmatch(r.Text); m != nil {
		a.PublishedAt, _ = parseDate(m[1])
	}
	a.ContentHash = graph.ContentHash(a.Text)
	a.ID = graph.ArticleID(a.URL, a.ContentHash)
	return a, nil
}

// decodeRecord parses one JSON article; errors say what is wrong with it.
func decodeRecord(op string, data []byte) (*graph.Article, error) {
	var r record
	if err := json.Unmarshal(data, &r); err != nil {
		return nil, jsonError(op, err)
	}
	return r.article()
}

// jsonError turns a decoding error into a client-safe Invalid error. The
// decoder's text is about the user's own input, so it is kept in Msg.
func jsonError(op string, err error) error {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return graph.E(op, graph.Invalid, "field "+te.Field+": want a "+te.Type.String()+", got a JSON "+te.Value, err)
	}
	return graph.E(op, graph.Invalid, "malformed JSON: "+err.Error(), err)
}

// produceJSONLines lists the articles of a JSON-lines file, one per line.
// A malformed or oversized line fails alone, located by its line number.
func (in *Ingester) produceJSONLines(_ context.Context, path string, emit func(job) bool) bool {
	const op = "ingest.ReadJSONLines"
	f, err := os.Open(path)
	if err != nil {
		return emit(failed(path, fileError(op, err)))
	}
	defer f.Close()
	// JSON escapes can double the size of a text; leave room for them so
	// that the text limit, not the line limit, is what an article hits.
	var lineLimit int64
	if in.maxText > 0 {
		lineLimit = 2*in.maxText + 64<<10
	}
	br := bufio.NewReaderSize(f, 64<<10)
	for n := 1; ; n++ {
		line, size, err := readLine(br, lineLimit)
		if err != nil && !errors.Is(err, io.EOF) {
			return emit(failed(lineLocation(path, n), fileError(op, err)))
		}
		loc := lineLocation(path, n)
		tooLong := size > int64(len(line))
		if n == 1 {
			line = bytes.TrimPrefix(line, []byte(bom))
		}
		switch {
		case tooLong:
			if !emit(failed(loc, tooLarge(op, "line", size, lineLimit))) {
				return false
			}
		case len(bytes.TrimSpace(line)) > 0:
			a, derr := decodeRecord(op, line)
			if !emit(job{location: loc, load: func(context.Context) (*graph.Article, error) { return a, derr }}) {
				return false
			}
		}
		if err != nil { // io.EOF
			return true
		}
	}
}

func lineLocation(path string, n int) string {
	return path + ":" + strconv.Itoa(n)
}

// readLine reads one line without its end of line, keeping at most limit
// bytes of it (all when limit is not positive) and reporting its whole size,
// so that an overlong line can be skipped without holding it in memory.
func readLine(r *bufio.Reader, limit int64) (line []byte, size int64, err error) {
	for {
		chunk, err := r.ReadSlice('\n')
		size += int64(len(chunk))
		if limit <= 0 || int64(len(line)+len(chunk)) <= limit {
			line = append(line, chunk...)
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if n := len(line); n > 0 && line[n-1] == '\n' {
			line = line[:n-1]
			size--
			if n := len(line); n > 0 && line[n-1] == '\r' {
				line = line[:n-1]
				size--
			}
		}
		return line, size, err
	}
}

// produceJSON lists the articles of a JSON file holding one article object
// or an array of them. An element of the wrong shape fails alone; a syntax
// error ends the file, since nothing after it can be located reliably.
func (in *Ingester) produceJSON(_ context.Context, path string, emit func(job) bool) bool {
	const op = "ingest.ReadJSON"
	f, err := os.Open(path)
	if err != nil {
		return emit(failed(path, fileError(op, err)))
	}
	defer f.Close()
	br := bufio.NewReader(f)
	first, err := firstByte(br)
	if err != nil {
		if errors.Is(err, io.EOF) {
			return emit(failed(path, graph.Errorf(op, graph.Invalid, "empty JSON file")))
		}
		return emit(failed(path, fileError(op, err)))
	}
	dec := json.NewDecoder(br)
	if first != '[' {
		// One object, or several one after the other: the first is located
		// by the file's name, the next ones as file[i].
		for i := 0; ; i++ {
			loc := path
			if i > 0 {
				loc = path + "[" + strconv.Itoa(i) + "]"
			}
			var raw json.RawMessage
			if err := dec.Decode(&raw); errors.Is(err, io.EOF) && i > 0 {
				return true
			} else if err != nil {
				return emit(failed(loc, jsonError(op, err)))
			}
			a, derr := decodeRecord(op, raw)
			if !emit(job{location: loc, load: func(context.Context) (*graph.Article, error) { return a, derr }}) {
				return false
			}
		}
	}
	if _, err := dec.Token(); err != nil {
		return emit(failed(path, jsonError(op, err)))
	}
	for i := 0; dec.More(); i++ {
		loc := path + "[" + strconv.Itoa(i) + "]"
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return emit(failed(loc, graph.E(op, graph.Invalid,
				"malformed JSON; the rest of the file was not read: "+err.Error(), err)))
		}
		a, derr := decodeRecord(op, raw)
		if !emit(job{location: loc, load: func(context.Context) (*graph.Article, error) { return a, derr }}) {
			return false
		}
	}
	return true
}

// bom is the UTF-8 byte-order mark some editors write at the start of a
// file.
const bom = "\uFEFF"

// firstByte returns the first byte that is not white space or a byte-order
// mark, without consuming it.
func firstByte(r *bufio.Reader) (byte, error) {
	if b, err := r.Peek(len(bom)); err == nil && string(b) == bom {
		r.Discard(len(bom))
	}
	for {
		b, err := r.ReadByte()
		if err != nil {
			return 0, err
		}
		switch b {
		case ' ', '\t', '\r', '\n':
			continue
		}
		return b, r.UnreadByte()
	}
}

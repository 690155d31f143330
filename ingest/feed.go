package ingest

import (
	"bytes"
	"context"
	"encoding/xml"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"

	"github.com/newsgraph/newsgraph/graph"
)

// MinFeedText is the length, in code points, from which a feed item's own
// content is ingested as the article. Shorter items are teasers: their
// linked page is fetched instead.
const MinFeedText = 500

// feed is an RSS 2.0, RSS 1.0 (RDF) or Atom document. Element names are
// matched in any namespace.
type feed struct {
	XMLName xml.Name
	Channel struct {
		Title string    `xml:"title"`
		Items []rssItem `xml:"item"`
	} `xml:"channel"`
	Items   []rssItem   `xml:"item"` // RSS 1.0 puts them beside the channel
	Title   string      `xml:"title"`
	Entries []atomEntry `xml:"entry"`
}

type rssItem struct {
	Title       string `xml:"title"`
	Link        string `xml:"link"`
	PubDate     string `xml:"pubDate"`
	Date        string `xml:"http://purl.org/dc/elements/1.1/ date"`
	Description string `xml:"description"`
	Content     string `xml:"http://purl.org/rss/1.0/modules/content/ encoded"`
}

type atomEntry struct {
	Title string `xml:"title"`
	Links []struct {
		Href string `xml:"href,attr"`
		Rel  string `xml:"rel,attr"`
	} `xml:"link"`
	Published string   `xml:"published"`
	Updated   string   `xml:"updated"`
	Summary   atomText `xml:"summary"`
	Content   atomText `xml:"content"`
}

// atomText is an Atom text construct: plain text, escaped HTML, or XHTML.
type atomText struct {
	Type  string `xml:"type,attr"`
	Text  string `xml:",chardata"`
	Inner string `xml:",innerxml"`
}

func (t atomText) plain() string {
	switch t.Type {
	case "html":
		return htmlText(t.Text)
	case "xhtml":
		return htmlText(t.Inner)
	}
	return strings.TrimSpace(t.Text)
}

// feedItem is an item of any kind of feed.
type feedItem struct {
	title, link, published, text string
}

// isFeed tells a feed from a page by its media type or its first element.
func isFeed(contentType string, body []byte) bool {
	ct := strings.ToLower(contentType)
	if strings.Contains(ct, "rss") || strings.Contains(ct, "atom") {
		return true
	}
	head := strings.ToLower(string(body[:min(len(body), 2048)]))
	f := -1
	for _, tag := range []string{"<rss", "<feed", "<rdf:rdf"} {
		if i := strings.Index(head, tag); i >= 0 && (f < 0 || i < f) {
			f = i
		}
	}
	h := strings.Index(head, "<html")
	return f >= 0 && (h < 0 || f < h)
}

// parseFeed reads the items of a feed; relative links are resolved against
// base when it is a URL.
func parseFeed(body []byte, base string) (outlet string, items []feedItem, err error) {
	var f feed
	dec := xml.NewDecoder(bytes.NewReader(body))
	dec.CharsetReader = charset.NewReaderLabel
	dec.Strict = false
	if err := dec.Decode(&f); err != nil {
		return "", nil, err
	}
	baseURL, _ := url.Parse(base)
	resolve := func(link string) string {
		link = strings.TrimSpace(link)
		if link == "" || baseURL == nil || baseURL.Scheme == "" {
			return link
		}
		if u, err := baseURL.Parse(link); err == nil {
			return u.String()
		}
		return link
	}
	outlet = strings.TrimSpace(f.Channel.Title)
	for _, it := range append(f.Channel.Items, f.Items...) {
		content := it.Content
		if content == "" {
			content = it.Description
		}
		date := it.PubDate
		if date == "" {
			date = it.Date
		}
		items = append(items, feedItem{collapse(it.Title), resolve(it.Link), date, htmlText(content)})
	}
	if f.XMLName.Local == "feed" {
		outlet = collapse(f.Title)
		for _, e := range f.Entries {
			link := ""
			for _, l := range e.Links {
				if l.Rel == "" || l.Rel == "alternate" {
					link = l.Href
					break
				}
			}
			text := e.Content.plain()
			if text == "" {
				text = e.Summary.plain()
			}
			date := e.Published
			if date == "" {
				date = e.Updated
			}
			items = append(items, feedItem{collapse(e.Title), resolve(link), date, text})
		}
	}
	return outlet, items, nil
}

// produceFeed lists the articles of a feed: each item with enough content of
// its own is an article; the others are fetched from their link by a
// worker.
func (in *Ingester) produceFeed(_ context.Context, location string, body []byte, emit func(job) bool) bool {
	const op = "ingest.ReadFeed"
	outlet, items, err := parseFeed(body, location)
	if err != nil {
		return emit(failed(location, graph.E(op, graph.Invalid, "malformed feed: "+err.Error(), err)))
	}
	for i, it := range items {
		loc := it.link
		if loc == "" {
			loc = location + "#" + strconv.Itoa(i+1)
		}
		if !emit(job{location: loc, load: func(ctx context.Context) (*graph.Article, error) {
			return in.itemArticle(ctx, outlet, it)
		}}) {
			return false
		}
	}
	return true
}

// itemArticle builds the article of a feed item, fetching its link when the
// item is only a teaser. What the feed says fills what the page leaves out.
func (in *Ingester) itemArticle(ctx context.Context, outlet string, it feedItem) (*graph.Article, error) {
	var a *graph.Article
	if it.link != "" && utf8.RuneCountInString(it.text) < MinFeedText {
		var err error
		if a, err = in.fetchArticle(ctx, it.link); err != nil {
			return nil, err
		}
	} else {
		a = &graph.Article{URL: it.link, Outlet: outlet, Text: it.text}
		a.ContentHash = graph.ContentHash(a.Text)
		a.ID = graph.ArticleID(a.URL, a.ContentHash)
	}
	if it.title != "" {
		a.Title = it.title
	}
	if a.PublishedAt.IsZero() {
		a.PublishedAt, _ = parseDate(it.published)
	}
	if a.Outlet == "" {
		a.Outlet = outlet
	}
	hostOutlet(a)
	return a, nil
}

// produceFeedFile lists the articles of a feed saved as a file.
func (in *Ingester) produceFeedFile(ctx context.Context, path string, emit func(job) bool) bool {
	data, err := readFile("ingest.ReadFeed", path, in.maxFetch, "the feed")
	if err != nil {
		return emit(failed(path, err))
	}
	return in.produceFeed(ctx, path, data, emit)
}

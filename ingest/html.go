package ingest

import (
	"bytes"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
)

// page is what is kept of an HTML document.
type page struct {
	title     string
	site      string // the outlet, from og:site_name
	published string // as the page writes it
	text      string // the main text, paragraphs separated by blank lines
}

// parsePage reduces an HTML document to its main text and metadata. The main
// text is that of the largest <article>, else of <main>, else of <body>,
// without scripts, navigation, headers, footers, asides and forms.
func parsePage(body []byte, contentType string) (*page, error) {
	r, err := charset.NewReader(bytes.NewReader(body), contentType)
	if err != nil {
		return nil, err
	}
	doc, err := html.Parse(r)
	if err != nil {
		return nil, err
	}
	p := &page{}
	var articles []*html.Node
	var mainNode, bodyNode *html.Node
	var h1, docTitle string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Title:
				if docTitle == "" {
					docTitle = collapse(textOf(n))
				}
			case atom.Meta:
				p.meta(n)
			case atom.Time:
				if p.published == "" {
					p.published = attr(n, "datetime")
				}
			case atom.H1:
				if h1 == "" {
					h1 = collapse(textOf(n))
				}
			case atom.Article:
				articles = append(articles, n)
			case atom.Main:
				if mainNode == nil {
					mainNode = n
				}
			case atom.Body:
				bodyNode = n
			}
			if attr(n, "itemprop") == "datePublished" {
				if v := attr(n, "content") + attr(n, "datetime"); v != "" {
					p.published = v
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)

	switch {
	case len(articles) > 0:
		for _, a := range articles {
			if t := renderText(a); len(t) > len(p.text) {
				p.text = t
			}
		}
	case mainNode != nil:
		p.text = renderText(mainNode)
	case bodyNode != nil:
		p.text = renderText(bodyNode)
	default:
		p.text = renderText(doc)
	}
	if p.title == "" {
		p.title = docTitle
	}
	if p.title == "" {
		p.title = h1
	}
	return p, nil
}

// meta reads the <meta> tags that carry a title, an outlet or a date.
func (p *page) meta(n *html.Node) {
	key := strings.ToLower(attr(n, "property") + attr(n, "name"))
	v := strings.TrimSpace(attr(n, "content"))
	if v == "" {
		return
	}
	switch key {
	case "og:title":
		p.title = v
	case "og:site_name":
		p.site = v
	case "article:published_time", "datepublished", "date", "pubdate", "publishdate", "dc.date", "dcterms.date", "dc.date.issued":
		p.published = v
	}
}

// skipped elements hold no article text.
var skipped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Svg: true, atom.Math: true, atom.Nav: true, atom.Header: true, atom.Footer: true,
	atom.Aside: true, atom.Form: true, atom.Iframe: true, atom.Button: true,
	atom.Select: true, atom.Figure: true, atom.Head: true, atom.Dialog: true,
}

// blocks start and end a paragraph.
var blocks = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Br: true, atom.Li: true, atom.Ul: true, atom.Ol: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Section: true, atom.Article: true, atom.Main: true, atom.Blockquote: true,
	atom.Pre: true, atom.Table: true, atom.Tr: true, atom.Td: true, atom.Th: true,
	atom.Dl: true, atom.Dt: true, atom.Dd: true, atom.Hr: true, atom.Address: true,
	atom.Figcaption: true, atom.Details: true, atom.Summary: true, atom.Body: true,
}

// renderText returns the visible text under n, one paragraph per block,
// white space collapsed, paragraphs separated by a blank line.
func renderText(n *html.Node) string {
	var paras []string
	var cur strings.Builder
	flush := func() {
		if t := collapse(cur.String()); t != "" {
			paras = append(paras, t)
		}
		cur.Reset()
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			cur.WriteString(n.Data)
			return
		case html.ElementNode:
			if skipped[n.DataAtom] || hidden(n) {
				return
			}
		}
		block := n.Type == html.ElementNode && blocks[n.DataAtom]
		if block {
			flush()
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if block {
			flush()
		}
	}
	walk(n)
	flush()
	return strings.Join(paras, "\n\n")
}

// htmlText returns the visible text of an HTML fragment, such as the content
// of a feed item.
func htmlText(fragment string) string {
	doc, err := html.Parse(strings.NewReader(fragment))
	if err != nil {
		return ""
	}
	return renderText(doc)
}

func hidden(n *html.Node) bool {
	for _, a := range n.Attr {
		if a.Key == "hidden" || (a.Key == "aria-hidden" && a.Val == "true") {
			return true
		}
	}
	return false
}

// textOf returns all the text under n.
func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// collapse trims s and folds every run of white space to one space.
func collapse(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

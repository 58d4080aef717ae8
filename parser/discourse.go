package parser

import (
	"net/url"
	"strconv"
	"strings"
	"time"
)

// Discourse returns the rules of Discourse: its JSON API (see
// discourse_json.go), the crawl's main path, and the server-rendered crawler
// view that Discourse serves inside <noscript> (posts as
// div.topic-body.crawler-post with schema.org DiscussionForumPosting), for
// saved pages and for a crawl that starts at an HTML topic, category or home
// page; such a page links on to its JSON equivalents.
//
// The crawler view shows posts by topic and post number only, not their ids:
// a post parsed from HTML has the id "{topic id}/{post number}", no author
// id, and the page's URL as its URL (the view shows no permalink per post);
// a post from the JSON API has its real id and permalink /t/{slug}/{topic}/{number}.
func Discourse() *Engine {
	e := &Engine{
		Name: "discourse",
		Markers: []Marker{
			{Rule{"meta[name=generator][content^=Discourse]"}, 4, "generator meta names Discourse"},
			{Rule{"meta#data-discourse-setup, [data-discourse-setup]"}, 3, "data-discourse-setup element"},
			{Rule{"meta[name=discourse_theme_id], meta[name=discourse_current_homepage]"}, 2, "discourse_* meta tags"},
			{Rule{"script[src*=discourse-cdn], link[href*=discourse-cdn]"}, 1, "assets from discourse-cdn"},
			{Rule{"div.topic-body.crawler-post"}, 2, "topic-body crawler-post elements"},
		},
		// Topic lists (?page=N) and topics (?page=N) are paged by query; the
		// rest of the query (order, ascending, filters) selects a sort variant.
		NeverContent: discourseTraps,
		DropParams:   []string{"order", "ascending", "status", "tracking", "_", "u", "print"},
		Finish:       finishDiscourse,
		// The topic's data as JSON, for the JavaScript app: on a topic
		// page, most of its bytes.
		UnreadAttrs: []string{"data-preloaded"},
		Selectors: Selectors{
			IsThread: Rule{"div.crawler-post[itemtype*=DiscussionForumPosting], div.crawler-post[itemprop=comment]"},
			IsBoard:  Rule{"table.topic-list tr.topic-list-item", ".topic-list .topic-list-item"},
			IsIndex:  Rule{".category-list", "table.category-list"},

			Canonical:  Rule{"link[rel=canonical]@href"},
			Title:      Rule{"h1.crawler-topic-title", "#topic-title h1", "meta[property='og:title']@content", "title"},
			Breadcrumb: Rule{"#breadcrumbs a[itemprop=item][href]", ".topic-category a[itemprop=item][href]", ".category-breadcrumb a[href]"},
			CrumbName:  Rule{"[itemprop=name]", "."},
			Root:       Rule{"meta#data-discourse-setup@data-base-url", "[data-discourse-setup]@data-base-url", ".d-header .title a@href", ".d-header .logo-wrapper a@href"},
			NextPage:   Rule{"div.crawler-post a[rel=next]@href", "a[rel=next]@href", "link[rel=next]@href"},

			Post:     Rule{"div.crawler-post[itemtype*=DiscussionForumPosting], div.crawler-post[itemprop=comment]"},
			PostID:   Rule{"@id ~ ^post_(\\d+)$", "[itemprop=position]"},
			Position: Rule{"[itemprop=position]"},
			PostTime: Rule{".crawler-post-infos [itemprop=datePublished]", ".crawler-post-infos time", "time.post-time"},
			EditTime: Rule{".crawler-post-infos time[itemprop=dateModified]"},
			Body:     Rule{"div.post[itemprop=articleBody]", "div.post[itemprop=text]", "div.post"},
			// An attachment is a link in the post (in the crawler view's
			// div.post, or anywhere in the API's cooked HTML); its name is
			// the attachment's, not the body's text.
			Attachment: Rule{"div.post a.attachment", "a.attachment"},
			AttachName: Rule{"."},
			TextSkip:   Rule{".quote-controls, .lightbox-wrapper .meta, .onebox-metadata, a.attachment"},
			Smilie:     Rule{"img.emoji"},
			BodyImage:  Rule{"img:not(.emoji):not(.avatar):not(.site-icon)"},

			Quote: Rule{"aside.quote"},
			// A quote names its author by username, or by "Name:" in its title;
			// a quote of another topic's post shows that topic's title instead.
			QuoteAuthor: Rule{"@data-username", ".title:not(:has(a[href*='/t/'])) ~ ^(.+?):(?:\\s|$)"},
			QuotePostID: Rule{"@data-post"},
			QuoteText:   Rule{"blockquote", "."},

			AuthorName:   Rule{"span.creator [itemprop=name]", "[itemprop=author] [itemprop=name]", "span.creator a"},
			AuthorURL:    Rule{"span.creator a[href]@href", "[itemprop=author] a[href]@href"},
			AuthorAvatar: Rule{".crawler-post-meta img.avatar"},

			Item:         Rule{"tr.topic-list-item"},
			ItemID:       Rule{"@data-topic-id", "a.title@href"},
			ItemLink:     Rule{"a.title@href", ".main-link a[href]@href"},
			ItemReplies:  Rule{"td.replies .posts", ".posts"},
			ItemViews:    Rule{"td.views .views", ".views"},
			ItemSticky:   Rule{".topic-statuses .pinned, .topic-statuses .d-icon-thumbtack"},
			ItemLastPost: Rule{"td.age[data-time]", ".age[data-time]"},

			BoardLink: Rule{".category-list .category h3 a[href]", ".category-list a.category-title-link[href]", ".category-list [itemprop=name] a[href]"},

			Extra: map[string]Rule{
				"name":  {"span.creator ~ \\(([^()]+)\\)\\s*$"},
				"likes": {".post-likes ~ (\\d+)"},
			},
		},
	}
	e.ParseJSON = func(u *url.URL, body []byte, fetched time.Time) (*Page, error) {
		return parseDiscourseJSON(e, u, body, fetched)
	}
	return e
}

// finishDiscourse completes a crawler-view page: post ids and positions from
// the post numbers, the page number from ?page=, and links rewritten to the
// JSON API, which the crawl follows instead of the HTML pages.
func finishDiscourse(p *Page) {
	u, err := url.Parse(p.URL)
	if err != nil {
		return
	}
	page := 0
	if n, err := strconv.Atoi(u.Query().Get("page")); err == nil {
		page = n
	}
	var links []Link
	add := func(l string, kind LinkKind) {
		if l != "" && l != p.URL {
			links = append(links, Link{URL: l, Kind: kind})
		}
	}
	if t := p.Thread; t != nil {
		t.URL = withoutParam(t.URL, "page")
		if page > 0 {
			t.Page = page // topics count pages from 1
		}
		t.LastPage = max(t.LastPage, t.Page)
		for i := range p.Posts {
			post := &p.Posts[i]
			n, _ := strconv.Atoi(post.ID)
			if post.Position == 0 {
				post.Position = n
			}
			if t.ID != "" && post.ID != "" {
				post.ID = t.ID + "/" + post.ID
			}
			post.Page = t.Page
			post.Author.ID = "" // the crawler view shows no user id; digits in a username are not one
			if post.URL == "" {
				post.URL = p.URL
			}
		}
		p.Alternate = discourseAPI(t.URL)
		add(p.Alternate, LinkThread)
	}
	if b := p.Board; b != nil {
		b.URL = withoutParam(b.URL, "page")
		b.Page = page + 1 // topic lists count ?page= from 0
		b.LastPage = b.Page
		if b.NextURL != "" {
			b.LastPage = b.Page + 1
		}
		add(discourseAPI(p.URL), LinkBoard)
	}
	for _, l := range p.Links {
		add(discourseAPI(l.URL), l.Kind)
	}
	if p.Kind == KindIndex || (p.Root != "" && strings.TrimSuffix(p.URL, "/") == strings.TrimSuffix(p.Root, "/")) {
		root := strings.TrimSuffix(p.Root, "/")
		if root == "" {
			root = u.Scheme + "://" + u.Host
		}
		add(root+"/categories.json", LinkBoard)
		add(root+"/latest.json", LinkBoard)
	}
	p.Links = dedupLinks(links)
}

// discourseAPI returns the JSON API URL of a Discourse HTML page: a topic
// /t/{slug}/{id}[/{number}] gives /t/{slug}/{id}.json, a category, latest or
// categories list its path with .json (keeping ?page=); "" for any other page.
func discourseAPI(s string) string {
	u, err := url.Parse(s)
	if err != nil {
		return ""
	}
	if strings.HasSuffix(u.Path, ".json") {
		return s
	}
	segs := strings.Split(strings.Trim(u.Path, "/"), "/")
	for i, seg := range segs {
		switch {
		case seg == "t" && i+1 < len(segs):
			// /t/{slug}/{id}, /t/{id}, each maybe followed by /{post number}
			end := i + 2
			if end < len(segs) && isDigits(segs[end]) && !isDigits(segs[i+1]) {
				end++
			}
			if !isDigits(segs[end-1]) {
				return ""
			}
			u.Path = "/" + strings.Join(segs[:end], "/") + ".json"
			u.RawQuery = ""
			return u.String()
		case (seg == "c" && i+1 < len(segs)) || ((seg == "latest" || seg == "categories") && i == len(segs)-1):
			u.Path = "/" + strings.Join(segs, "/") + ".json"
			q := url.Values{}
			if pg := u.Query().Get("page"); pg != "" {
				q.Set("page", pg)
			}
			u.RawQuery = q.Encode()
			return u.String()
		}
	}
	return ""
}

// withoutParam returns s without the query parameter key.
func withoutParam(s, key string) string {
	u, err := url.Parse(s)
	if err != nil || u.RawQuery == "" {
		return s
	}
	q := u.Query()
	q.Del(key)
	u.RawQuery = encodeSorted(q)
	return u.String()
}

// dedupLinks returns links without repeats, in order.
func dedupLinks(links []Link) []Link {
	seen := map[string]bool{}
	out := links[:0]
	for _, l := range links {
		if !seen[l.URL] {
			seen[l.URL] = true
			out = append(out, l)
		}
	}
	return out
}

// isDigits reports whether s is a non-empty run of ASCII digits.
func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

package parser

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
)

func TestParseCount(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want int64
		ok   bool
	}{
		{"comma thousands", "10,291", 10291, true},
		{"German dot thousands", "10.291", 10291, true},
		{"space thousands", "1 234", 1234, true},
		{"no-break space thousands", "1\u00a0234", 1234, true},
		{"narrow no-break space thousands", "12\u202f345", 12345, true},
		{"Swiss apostrophe thousands", "1'234'567", 1234567, true},
		{"several comma groups", "1,234,567", 1234567, true},
		{"German thousands and decimals", "1.234,5", 1235, true},
		{"K suffix with decimal", "10.2K", 10200, true},
		{"lower-case k", "3k", 3000, true},
		{"M suffix", "1.5M", 1500000, true},
		{"Russian thousands abbreviation", "1,2 тыс.", 1200, true},
		{"German Mio.", "2,5 Mio.", 2500000, true},
		{"plain number", "27", 27, true},
		{"number inside words", "Posts: 1,490", 1490, true},
		{"negative reaction score", "-3", -3, true},
		{"trailing words are not a multiplier", "5 posts", 5, true},
		{"no digits", "n/a", 0, false},
		{"empty", "", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := ParseCount(tt.in)
			if got != tt.want || ok != tt.ok {
				t.Errorf("ParseCount(%q) = %d, %v; want %d, %v", tt.in, got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestParseMachineTime(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"XenForo offset without colon", "2010-11-21T10:51:58+0000", "2010-11-21T10:51:58Z"},
		{"RFC 3339 with offset", "2020-04-18T23:31:12-07:00", "2020-04-19T06:31:12Z"},
		{"Unix seconds", "1290336718", "2010-11-21T10:51:58Z"},
		{"Unix milliseconds", "1290336718000", "2010-11-21T10:51:58Z"},
		{"no zone is UTC", "2019-12-31 14:22:00", "2019-12-31T14:22:00Z"},
		{"too small a number is no time", "12345", ""},
		{"text is no time", "yesterday", ""},
		{"a signed number is a stamp", "+1290336718", "2010-11-21T10:51:58Z"},
		{"spaces around are dropped", " 2019-12-31 14:22:00\n", "2019-12-31T14:22:00Z"},
		{"a date after a word is no time", "on 2019-12-31 14:22:00", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := ParseMachineTime(tt.in)
			s := ""
			if ok {
				s = got.UTC().Format(time.RFC3339)
			}
			if s != tt.want {
				t.Errorf("ParseMachineTime(%q) = %q, want %q", tt.in, s, tt.want)
			}
		})
	}
}

func TestParseDisplayDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Jun 23, 2013", "2013-06-23"},
		{"June 23, 2013", "2013-06-23"},
		{"23.06.2013", "2013-06-23"},
		{"2013-06-23", "2013-06-23"},
		{" Jun  23,  2013 ", "2013-06-23"},
		{"not a date", ""},
	}
	for _, tt := range tests {
		d, ok := ParseDisplayDate(tt.in)
		got := ""
		if ok {
			got = d.String()
		}
		if got != tt.want {
			t.Errorf("ParseDisplayDate(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestTextOf(t *testing.T) {
	tests := []struct {
		name, html, want string
	}{
		{"br breaks a line", "a<br>b", "a\nb"},
		{"two br leave one blank line", "a<br />\n<br />\nb", "a\n\nb"},
		{"many br leave one blank line", "a<br><br><br><br>b", "a\n\nb"},
		{"blocks begin and end lines", "<div>a</div><div>b</div>c", "a\nb\nc"},
		{"whitespace inside a line folds", "a \n\t  b&nbsp;&nbsp;c", "a b c"},
		{"inline elements join words", "<b>bo</b>ld <i>it</i>", "bold it"},
		{"list items are lines", "<ul><li>one</li><li>two</li></ul>", "one\ntwo"},
		{"pre keeps its spaces", "<pre>x  =  1\n  y</pre>", "x  =  1\n  y"},
		{"scripts give nothing", "a<script>var x=1;</script>b", "ab"},
		{"emoji smilie gives its character", `ok <img class="smilie" alt="😂">`, "ok 😂"},
		{"picture smilie gives nothing", `ok <img class="smilie" alt=":)">`, "ok"},
		{"an image gives nothing", `see <img src="x.png" alt="x">`, "see"},
		{"table cells are spaced", "<table><tr><td>a</td><td>b</td></tr></table>", "a b"},
		{"lines are trimmed", "<div>  a  </div>", "a"},
	}
	smilie := func(n *html.Node) bool { return attr(n, "class") == "smilie" }
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := textOf(fragment(t, tt.html), textOptions{inline: smilie})
			if got != tt.want {
				t.Errorf("textOf(%q) = %q, want %q", tt.html, got, tt.want)
			}
		})
	}
}

func TestTextMarkedOffsets(t *testing.T) {
	n := fragment(t, `<blockquote>quoted</blockquote>Reply one.<br><blockquote>again</blockquote>Réponse deux.`)
	text, marks := textMarked(n, textOptions{mark: func(n *html.Node) bool { return n.Data == "blockquote" }})
	// A quote between two lines stands as a paragraph break; its offset is where the text before it ends.
	if text != "Reply one.\n\nRéponse deux." {
		t.Fatalf("text %q", text)
	}
	if len(marks) != 2 || marks[0] != 0 || marks[1] != len([]rune("Reply one.")) {
		t.Errorf("marks %v, want [0 %d]", marks, len([]rune("Reply one.")))
	}
}

// fragment returns a <div> holding the parsed HTML fragment.
func fragment(t *testing.T, s string) *html.Node {
	t.Helper()
	doc, err := html.Parse(strings.NewReader("<div id=root>" + s + "</div>"))
	if err != nil {
		t.Fatal(err)
	}
	var find func(*html.Node) *html.Node
	find = func(n *html.Node) *html.Node {
		if n.Type == html.ElementNode && attr(n, "id") == "root" {
			return n
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if r := find(c); r != nil {
				return r
			}
		}
		return nil
	}
	return find(doc)
}

func TestCanonicalURL(t *testing.T) {
	xf := XenForo2()
	tests := []struct {
		name, in, want string
		e              *Engine
	}{
		{"fragment dropped", "https://f.example/threads/a.1/#post-5", "https://f.example/threads/a.1/", nil},
		{"default port dropped", "https://F.Example:443/x", "https://f.example/x", nil},
		{"session id dropped", "http://f.example/viewtopic.php?t=2&sid=abc&f=1", "http://f.example/viewtopic.php?f=1&t=2", nil},
		{"utm dropped", "http://f.example/a?utm_source=x&b=1", "http://f.example/a?b=1", nil},
		{"XenForo page 1 is the thread", "https://f.example/threads/a.1/page-1", "https://f.example/threads/a.1/", xf},
		{"XenForo page 2 stays", "https://f.example/threads/a.1/page-2", "https://f.example/threads/a.1/page-2", xf},
		{"XenForo sort order dropped", "https://f.example/forums/b.2/?order=reply_count&direction=desc", "https://f.example/forums/b.2/", xf},
		{"XenForo custom route page 1", "https://f.example/forum/b.2/t.9-page-1.html", "https://f.example/forum/b.2/t.9.html", xf},
		{"route in a bare query key kept", "https://f.example/index.php?threads/a.1/", "https://f.example/index.php?threads/a.1/", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u, err := url.Parse(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if got := CanonicalURL(u, tt.e).String(); got != tt.want {
				t.Errorf("CanonicalURL(%s) = %s, want %s", tt.in, got, tt.want)
			}
		})
	}
}

func TestRuleAlternatives(t *testing.T) {
	root := fragment(t, `<p class="author">by <b>jo</b> » Tue Dec 31, 2019 2:22 pm</p><a class="perma" href="viewtopic.php?p=123#p123">#</a><span data-id="post-77"></span>`)
	tests := []struct {
		name string
		rule Rule
		want string
	}{
		{"first alternative that finds something wins", Rule{".missing", "p.author b"}, "jo"},
		{"attribute of a match", Rule{"a.perma@href"}, "viewtopic.php?p=123#p123"},
		{"regexp picks a group from the text", Rule{"p.author ~ »\\s*(.+)$"}, "Tue Dec 31, 2019 2:22 pm"},
		{"regexp picks a group from an attribute", Rule{"a.perma@href ~ [?&]p=(\\d+)"}, "123"},
		{"a regexp that does not match finds nothing", Rule{"p.author ~ ^nothing(\\d)", "span@data-id"}, "post-77"},
		{"the context element itself", Rule{"."}, "by jo » Tue Dec 31, 2019 2:22 pm #"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := compileRule(tt.rule)
			if err != nil {
				t.Fatal(err)
			}
			if got := r.text(root); got != tt.want {
				t.Errorf("text = %q, want %q", got, tt.want)
			}
		})
	}
	if _, err := compileRule(Rule{"div[["}); err == nil {
		t.Error("a bad selector compiled without error")
	}
}

func TestFoldSpace(t *testing.T) {
	tests := []struct{ in, want string }{
		{"already folded", "already folded"},
		{"  leading and trailing  ", "leading and trailing"},
		{"tabs\tand\nnewlines", "tabs and newlines"},
		{"no-break\u00a0space", "no-break space"},
		{"double  space", "double space"},
		{"", ""},
		{"   ", ""},
		{"ünïcödé  wörds", "ünïcödé wörds"},
	}
	for _, tt := range tests {
		if got := foldSpace(tt.in); got != tt.want {
			t.Errorf("foldSpace(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// urlCase is a URL form of an engine: its canonical form and the page it names.
type urlCase struct {
	name, in, want string
	page           int
}

// checkURLCases checks each case's canonical URL and page number under engine e.
func checkURLCases(t *testing.T, e *Engine, cases []urlCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			u, err := url.Parse(c.in)
			if err != nil {
				t.Fatal(err)
			}
			if got := CanonicalURL(u, e).String(); got != c.want {
				t.Errorf("CanonicalURL = %s, want %s", got, c.want)
			}
			if n, _ := e.pageOf(u.Path); n != c.page {
				t.Errorf("page %d, want %d", n, c.page)
			}
		})
	}
}

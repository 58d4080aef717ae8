package parser

import (
	"fmt"
	"reflect"
)

// Selectors is an engine's table of where things are on its pages. One shared
// extractor walks it, so a new skin is a change to this data, not new code.
// Post and author rules are relative to a post element; board-listing rules to
// a listed thread; quote rules to a quote element; the rest to the document.
type Selectors struct {
	// What a page is.
	IsThread Rule `yaml:"is_thread"`
	IsBoard  Rule `yaml:"is_board"`
	IsIndex  Rule `yaml:"is_index"`

	// Any page.
	Canonical   Rule `yaml:"canonical"`
	Title       Rule `yaml:"title"`
	TitleSkip   Rule `yaml:"title_skip"`   // parts of the title that are not its words (prefix labels)
	Breadcrumb  Rule `yaml:"breadcrumb"`   // the links of the breadcrumb
	CrumbName   Rule `yaml:"crumb_name"`   // relative to a breadcrumb link
	Root        Rule `yaml:"root"`         // the forum's home, for the crawl's scope
	PageNow     Rule `yaml:"page_current"` // the current page number
	PageLinks   Rule `yaml:"page_links"`   // links to other pages of this thread or board
	NextPage    Rule `yaml:"page_next"`    // the next page's link
	ContentID   Rule `yaml:"content_id"`   // the thread's (or board's) id on a page of it
	ContainerID Rule `yaml:"container_id"`
	// TimeZone finds where a page says its zone ("All times are UTC+02:00",
	// an IANA name in a title): times shown only as text are in it.
	TimeZone Rule `yaml:"time_zone"` // the board's id on a board page

	// Thread pages.
	Post        Rule `yaml:"post"`
	PostID      Rule `yaml:"post_id"`
	Permalink   Rule `yaml:"post_permalink"`
	Position    Rule `yaml:"post_position"`
	PostTime    Rule `yaml:"post_time"`
	EditTime    Rule `yaml:"post_edit_time"`
	Body        Rule `yaml:"post_body"`
	Signature   Rule `yaml:"post_signature"`
	Attachment  Rule `yaml:"post_attachment"`
	AttachName  Rule `yaml:"post_attachment_name"` // relative to an attachment
	Reaction    Rule `yaml:"post_reaction"`
	TextSkip    Rule `yaml:"text_skip"` // body parts that are no text (buttons, "Click to expand...")
	Smilie      Rule `yaml:"smilie"`    // images whose alt is part of the text
	BodyImage   Rule `yaml:"body_image"`
	Quote       Rule `yaml:"quote"`
	QuoteAuthor Rule `yaml:"quote_author"`
	QuotePostID Rule `yaml:"quote_post_id"`
	QuoteText   Rule `yaml:"quote_text"`

	// The author beside a post.
	AuthorName   Rule `yaml:"author_name"`
	AuthorID     Rule `yaml:"author_id"` // without a rule, the last digits of the author URL
	AuthorURL    Rule `yaml:"author_url"`
	AuthorAvatar Rule `yaml:"author_avatar"`
	AuthorTitle  Rule `yaml:"author_title"`
	AuthorBanner Rule `yaml:"author_banner"`
	AuthorPair   Rule `yaml:"author_pair"`       // one profile pair
	PairLabel    Rule `yaml:"author_pair_label"` // relative to a pair
	PairValue    Rule `yaml:"author_pair_value"` // relative to a pair
	AuthorLines  Rule `yaml:"author_lines"`      // blocks whose lines are "Label: value" pairs

	// Board pages.
	Item         Rule `yaml:"thread_item"`
	ItemID       Rule `yaml:"thread_item_id"`
	ItemLink     Rule `yaml:"thread_item_link"`
	ItemAuthor   Rule `yaml:"thread_item_author"`
	ItemReplies  Rule `yaml:"thread_item_replies"`
	ItemViews    Rule `yaml:"thread_item_views"`
	ItemLastPost Rule `yaml:"thread_item_last_post"`
	ItemSticky   Rule `yaml:"thread_item_sticky"`
	ItemPages    Rule `yaml:"thread_item_pages"`
	StickyGroup  Rule `yaml:"sticky_group"` // a container whose threads are all sticky

	// Index and board pages.
	BoardLink Rule `yaml:"board_link"`
	BoardID   Rule `yaml:"board_link_id"` // relative to a board link; without a rule, the last digits of its path
	// BoardItem is the element that holds one listed board with its
	// figures; BoardLastPost, relative to it, is the time of the board's
	// latest post (given to the item's first board link only, not to the
	// sub-boards it may list).
	BoardItem     Rule `yaml:"board_item"`
	BoardLastPost Rule `yaml:"board_item_last_post"`

	// Extra names engine-specific values read relative to a post (rank,
	// group, reputation...); they go in the record's extra object.
	Extra map[string]Rule `yaml:"extra"`
}

// compiled is a Selectors table ready to run, one compiled rule per field.
type compiled struct {
	src   Selectors
	r     map[string]rule // by field name
	extra map[string]rule
	ix    *pageIndex // the page the table is cut to (see forPage), or nil; its rules search through it
	cuts  *pageCuts  // the table cut to pages, by what they have (see forPage); nil for a cut table
	// recent caches get's answers before the map, for a table of one page
	// (see forPage), whose posts ask for the same few dozen rules each; nil
	// for a table that goroutines share.
	recent *recentRules
}

// recentRules is get's cache: 64 sets of two rules, by cacheSlot of the
// field's name. A set of one rule missed for fields a post asks for in
// turn (Body and QuoteText, PairValue and Position share a slot), and each
// miss cost a map look-up by the name.
type recentRules [128]struct {
	field string
	r     rule
}

// compile compiles every rule of s; it names the field of a bad selector.
func (s Selectors) compile() (*compiled, error) {
	c := &compiled{src: s, r: map[string]rule{}}
	v := reflect.ValueOf(s)
	t := v.Type()
	for name, src := range s.Extra {
		r, err := compileRule(src)
		if err != nil {
			return nil, fmt.Errorf("extra.%s: %w", name, err)
		}
		if c.extra == nil {
			c.extra = map[string]rule{}
		}
		c.extra[name] = r
	}
	for i := 0; i < t.NumField(); i++ {
		if t.Field(i).Type != reflect.TypeOf(Rule(nil)) {
			continue
		}
		r, err := compileRule(v.Field(i).Interface().(Rule))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", t.Field(i).Tag.Get("yaml"), err)
		}
		c.r[t.Field(i).Name] = r
	}
	c.cuts = newPageCuts(c)
	return c, nil
}

// get returns the compiled rule of the named field, searching through the
// page index of the page the table is cut to.
func (c *compiled) get(field string) rule {
	if c.recent == nil {
		r := c.r[field]
		r.ix = c.ix
		return r
	}
	set := 2 * (cacheSlot(field) & (len(c.recent)/2 - 1))
	a, b := &c.recent[set], &c.recent[set+1]
	switch field {
	case a.field:
		return a.r
	case b.field:
		return b.r
	}
	*b = *a // the older of the two gives way
	a.field, a.r = field, c.r[field]
	a.r.ix = c.ix
	return a.r
}

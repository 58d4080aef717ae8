package parser

import "regexp"

// smfDate picks the date out of SMF 1.1 and 2.0 headers such as
// "« Reply #3 on: December 18, 2019, 10:12:00 am »" or
// "« Válasz #75 Dátum: 2012-12-27, 20:44:14 »": what follows the label's colon.
const smfDate = ` ~ «\s*(?:[^:»]*:\s)?\s*(.+?)\s*»`

// smfEditDate picks the date of an edit note ("Last Edit: Today at 04:31 AM by
// carol.m", "Utoljára szerkesztve: 2011-08-22, 18:23:13 írta X"): from the
// label's colon to the time of day.
const smfEditDate = ` ~ :\s+(.*?\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?)`

// SMF returns the rules of Simple Machines Forum 1.1 (table layout: the
// poster's cell beside `div.post`), 2.0 (`div.post_wrapper`, `div.keyinfo`) and
// 2.1 (`div.windowbg#msgN`, `div.postinfo`), in their query URLs
// (`index.php?topic=5.20`, parameters separated by ";") and their search-engine
// friendly URLs (`index.php/topic,5.20.html`). The number after the id is the
// offset of the page's first post (or thread): a thread's URL has ".0".
//
// In 1.1 and 2.0 a quote's header ("Quote from: X on DATE") stands before the
// quote, outside it, and stays in the body text where the page shows it; in
// 2.1 it is the quote's own <cite>, and leaves the body with the quote.
//
// SMF numbers replies: the first post shows no number and "Reply #1" is the
// second post, so a post's position is its shown number plus one
// (ReplyNumbers), and the first post of a thread's first page is position 1.
func SMF() *Engine {
	return &Engine{
		Name: "smf",
		Markers: []Marker{
			{Rule{"script:contains('smf_scripturl'), script:contains('smf_theme_url')"}, 3, "smf_ JavaScript variables"},
			{Rule{"body#smf"}, 2, `<body id="smf">`},
			{Rule{"a[href*='action=profile;u='], a[href*='action=profile%3Bu=']"}, 2, "action=profile;u= member links"},
			{Rule{"a[href*='action=printpage;topic=']"}, 2, "action=printpage;topic= links"},
			{Rule{"div.post_wrapper div.postarea, div.windowbg[id^=msg] div.post_wrapper"}, 2, "post_wrapper and postarea posts"},
			{Rule{"a[href*='simplemachines.org']"}, 1, "a link to simplemachines.org"},
			{Rule{"a[href*='action=credits']"}, 1, "action=credits link"},
			{Rule{"form#quickModForm"}, 1, "quickModForm"},
		},
		NeverContent: smfTraps,
		DropParams:   []string{"wap", "wap2", "imode", "theme", "language", "sort", "desc"},
		ReplyNumbers: true,
		PageStart:    regexp.MustCompile(`(?:^|[&;/?])(?:topic|board)[=,]\d+\.(\d+)(?:$|[&;/.])`),
		Selectors: Selectors{
			IsThread: Rule{"#forumposts div.post_wrapper", "div.post_wrapper", "#forumposts", "form#quickModForm td div.post"},
			IsBoard:  Rule{"#messageindex", "#topic_container", "td span[id^=msg_] a[href*=topic]"},
			IsIndex:  Rule{"#boardindex_table", ".boardindex_table", "table td b a[name^=b][href*=board]"},

			Canonical:   Rule{"link[rel=canonical]@href"},
			Title:       Rule{".navigate_section li.last a", "div.nav b:last-of-type a", "title"},
			Breadcrumb:  Rule{".navigate_section li a[href]", "div.nav b a[href]"},
			CrumbName:   Rule{"span", "."},
			Root:        Rule{".navigate_section li:first-child a@href", "div.nav b:first-child a@href", "h1.forumtitle a@href"},
			PageNow:     Rule{".pagelinks span.current_page", ".pagelinks > strong", ".pagelinks strong", "td.middletext > b"},
			PageLinks:   Rule{".pagelinks a.nav_page[href]", ".pagelinks a.navPages[href]", "td.middletext a.navPages[href]"},
			NextPage:    Rule{"link[rel=next]:not([href*=prev_next])@href"}, // 1.1 and 2.0 point it at the next topic
			ContentID:   Rule{"link[rel=canonical]@href ~ topic[=,](\\d+)", "input[name=sd_topic]@value", "form#quickModForm@action ~ topic=(\\d+)", "a[href*='action=printpage']@href ~ topic=(\\d+)"},
			ContainerID: Rule{"link[rel=canonical]@href ~ board[=,](\\d+)", "body@class ~ \\bboard_(\\d+)", "link[rel=index]@href ~ board[=,](\\d+)", ".navigate_section li.last a@href ~ board[=,](\\d+)", "div.nav b:last-of-type a@href ~ board[=,](\\d+)"},

			Post:       Rule{"div.post_wrapper", "td.windowbg:has(div.post), td.windowbg2:has(div.post)"},
			PostID:     Rule{".inner[id^=msg_]@id", "[id^=subject_]@id", "@id"},
			Permalink:  Rule{".postinfo a.smalltext@href", "[id^=subject_] a@href"},
			Position:   Rule{".keyinfo .page_number", "[id^=subject_] + div.smalltext ~ #\\s*\\d+"},
			PostTime:   Rule{".postinfo a.smalltext", "[id^=subject_] + div.smalltext" + smfDate},
			EditTime:   Rule{"[id^=modified_]" + smfEditDate},
			Body:       Rule{".post .inner[id^=msg_]", ".post .inner", "div.post"},
			Signature:  Rule{"div.signature"},
			Attachment: Rule{".attachments .attached", ".attachments a[href*='action=dlattach']:not(:has(img))"},
			AttachName: Rule{".attachments_bot a", "."},
			TextSkip:   Rule{".quotefooter, blockquote > cite, .codeheader"},
			Smilie:     Rule{"img.smiley", "img[src*='/Smileys/']"},
			BodyImage:  Rule{"img.bbc_img", "img:not(.smiley):not([src*='/Smileys/'])"},

			Quote: Rule{"blockquote.bbc_standard_quote, blockquote.bbc_alternate_quote", "div.quote"},
			QuoteAuthor: Rule{
				"cite ~ ^[^:]*:\\s*(.+?)\\s+(?:on|-|am|le|el|il|op)\\s+.*\\d",
				"cite ~ ^[^:]*:\\s*(.+)$",
				"prev:.quoteheader ~ ^[^:]*:\\s*(.+?)\\s+(?:on|-|am|le|el|il|op)\\s+.*\\d",
				"prev:.quoteheader ~ ^[^:]*:\\s*(.+)$",
			},
			QuotePostID: Rule{"cite a@href ~ msg=?(\\d+)", "prev:.quoteheader a@href ~ msg=?(\\d+)"},
			QuoteText:   Rule{"."},

			AuthorName:   Rule{".poster h4 a", ".poster h4", "td[rowspan] > b"},
			AuthorID:     Rule{".poster h4 a@href ~ [;&?]u=(\\d+)", "td[rowspan] > b a@href ~ [;&?]u=(\\d+)"},
			AuthorURL:    Rule{".poster h4 a@href", "td[rowspan] > b a@href"},
			AuthorAvatar: Rule{".poster img.avatar", "td[rowspan] img.avatar"},
			AuthorTitle:  Rule{".poster li.title"},
			AuthorPair:   Rule{".poster li.postcount, .poster li.karma, .poster li.custom"},
			PairLabel:    Rule{". ~ ^([^:]+):"},
			PairValue:    Rule{". ~ :\\s*(.+)$"},
			AuthorLines:  Rule{"td[rowspan] > div.smalltext"},

			Item:        Rule{"#topic_container > div", "#messageindex tbody tr", "table.bordercolor tr:has(span[id^=msg_])"},
			ItemID:      Rule{"span[id^=msg_] a@href ~ topic[=,](\\d+)"},
			ItemLink:    Rule{"span[id^=msg_] a@href"},
			ItemAuthor:  Rule{".info p.floatleft a[href*=profile]", "td.subject p a[href*=profile]"},
			ItemReplies: Rule{".board_stats p ~ ^\\D*(\\d[\\d.,\\s]*)", "td.stats ~ ^\\D*(\\d[\\d.,\\s]*)"},
			ItemViews:   Rule{".board_stats p ~ ^\\D*\\d[\\d.,\\s]*\\D+?(\\d[\\d.,\\s]*)", "td.stats ~ ^\\D*\\d[\\d.,\\s]*\\D+?(\\d[\\d.,\\s]*)"},
			ItemSticky:  Rule{".sticky", ".stickybg", ".stickybg2", "td.windowbg3"},
			ItemPages:   Rule{".topic_pages a.nav_page", "small[id^=pages] a"},

			BoardLink: Rule{"a.subject[href*=board], .children a[href*=board], td b a[name^=b][href*=board]"},
			BoardID:   Rule{"@href ~ board[=,](\\d+)"},

			Extra: map[string]Rule{
				"group":         {".poster li.membergroup"},
				"rank":          {".poster li.postgroup"},
				"personal_text": {".poster li.blurb"},
			},
		},
	}
}

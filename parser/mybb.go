package parser

import "regexp"

// MyBB returns the rules of MyBB 1.8 (default and classic postbit):
// `div.post#post_N` with `post_author` / `author_statistics` / `post_body`,
// `post_date`, forumdisplay rows (`tr.inline_row`, `span#tid_N`) and index
// forum rows. Pages are named by a `page` query parameter, or by
// "-page-N.html" in search-engine-friendly URLs (thread-2-page-3.html).
// Printable and archive (lite) views are recognised but hold no content.
func MyBB() *Engine {
	return &Engine{
		Name: "mybb",
		Markers: []Marker{
			{Rule{"script[src*='jscripts/general.js']"}, 2, "jscripts/general.js"},
			{Rule{"#copyright a[href*='mybb.com'], a[href='https://mybb.com'], a[href='http://www.mybb.com']"}, 2, "Powered By MyBB link"},
			{Rule{".post .post_author .author_statistics, div.post_body[id^='pid_']"}, 2, "postbit author_statistics / post_body"},
			{Rule{"tr.inline_row span[id^='tid_']"}, 2, "forumdisplay inline_row threads"},
			{Rule{"span.forum_status.ajax_mark_read"}, 1, "forum_status icons"},
			{Rule{".mycode_b, .mycode_i, .mycode_u, .mycode_quote, .mycode_url, .mycode_img, .mycode_list"}, 2, "mycode_ markup"},
			{Rule{"link[href*='archive/screen.css'], #fullversion"}, 2, "archive (lite) view"},
			{Rule{"span.largetext > a[href*='showthread.php?tid=']"}, 2, "printable view's thread link"},
			{Rule{"a[href^='printthread.php']"}, 1, "printthread.php links"},
		},
		NeverContent: mybbTraps,
		DropParams:   []string{"sortby", "order", "datecut", "prefix", "highlight", "my_post_key"},
		PageParams:   []string{"page"},
		PagePath:     regexp.MustCompile(`(-)page-(\d+)(\.html)$`),
		Selectors: Selectors{
			IsThread: Rule{"#posts .post[id^='post_']", "div.post[id^='post_']"},
			IsBoard:  Rule{"tr.inline_row span[id^='tid_']", "a[href*='newthread.php?fid=']"},
			IsIndex:  Rule{"span.forum_status", "td.thead strong a[href*='forumdisplay.php?fid=']"},

			Title:      Rule{".navigation .active", "td.thead > div:not(.float_right) > strong", "title"},
			Breadcrumb: Rule{".navigation > a[href]"},
			CrumbName:  Rule{"."},
			Root:       Rule{".navigation > a@href", "#logo a@href"},
			PageNow:    Rule{"div.pagination:not(.pagination_breadcrumb) .pagination_current"},
			PageLinks:  Rule{"div.pagination:not(.pagination_breadcrumb) a[href]"},
			NextPage:   Rule{"div.pagination:not(.pagination_breadcrumb) a.pagination_next@href"},

			Post:      Rule{"#posts .post[id^='post_']", "div.post[id^='post_']"},
			PostID:    Rule{"@id"},
			Permalink: Rule{".post_head a[href*='pid=']@href", ".post_head a[href*='#pid']@href"},
			Position:  Rule{".post_head .float_right a", ".post_head a[href*='pid=']"},
			// The displayed date, without the "(This post was last modified: ...)" note inside it.
			PostTime:   Rule{"span.post_date ~ ^([^(]+?)\\s*(?:\\(|$)"},
			EditTime:   Rule{".post_edit .edited_post span[title]", ".post_edit .edited_post ~ (\\d{1,4}[-./]\\d{1,2}[-./]\\d{2,4},? \\d{1,2}:\\d{2}(?: ?[AaPp][Mm])?)"},
			Body:       Rule{"div.post_body", ".post_content .post_body"},
			Signature:  Rule{".post_content .signature", ".signature"},
			Attachment: Rule{".post_attachments a[href*='attachment.php']", "fieldset a[href*='attachment.php']"},
			AttachName: Rule{"."},
			TextSkip:   Rule{"blockquote.mycode_quote > cite, .codeblock > .title"},
			Smilie:     Rule{"img.smilie"},
			BodyImage:  Rule{"img.mycode_img", "img:not(.smilie)"},

			Quote: Rule{"blockquote.mycode_quote"},
			// "(10-29-2026, 02:35 AM)BobTheBuilder Wrote:": the name between the date and the verb.
			QuoteAuthor: Rule{"cite ~ ^(?:\\s*\\([^)]*\\))?\\s*(.+?)\\s+\\S+:$"},
			QuotePostID: Rule{"cite a.quick_jump@href", "cite a[href*='pid']@href"},
			QuoteText:   Rule{"."},

			AuthorName:   Rule{".post_author .author_information .largetext a", ".post_author .largetext", ".post_author strong"},
			AuthorURL:    Rule{".post_author .author_information .largetext a@href", ".post_author .author_avatar a@href"},
			AuthorAvatar: Rule{".post_author .author_avatar img@src"},
			AuthorTitle:  Rule{".post_author .author_information .smalltext"},
			AuthorPair:   Rule{".post_author .author_statistics"},

			Item:         Rule{"tr.inline_row"},
			ItemID:       Rule{"span[id^='tid_']@id"},
			ItemLink:     Rule{"span[id^='tid_'] > a@href"},
			ItemAuthor:   Rule{".author a", ".author ~ ^(.+?),?$"},
			ItemReplies:  Rule{"a[href*='action=whoposted']"},
			ItemViews:    Rule{"td:has(a[href*='action=whoposted']) + td"},
			ItemLastPost: Rule{".lastpost span[title]", ".lastpost ~ ^(\\d[^A-Za-z]*(?:[AaPp][Mm])?)"},
			ItemSticky:   Rule{"td.forumdisplay_sticky"},
			ItemPages:    Rule{"span[id^='tid_']~span.smalltext a[href]"},

			BoardLink: Rule{"table.tborder td:not(.thead) strong > a[href*='forumdisplay.php?fid='], table.tborder td:not(.thead) .smalltext > a[href*='forumdisplay.php?fid='], table.tborder td:not(.thead) strong > a[href^='forum-'], table.tborder td:not(.thead) .smalltext > a[href^='forum-']"},
		},
	}
}

package parser

import "regexp"

// Invision returns the rules of Invision Community 4 (IPS4, "ipsApp" pages:
// `article#elComment_N`, `aside.cAuthorPane`, `li.ipsDataItem`), with the
// board listings of the old IP.Board 2 table skins (`table.ipbtable`,
// `index.php?showforum=N`, `a#tid-link-N`) as a fallback.
//
// The author pane's list (`ul.cAuthorPane_info`) gives the title (the
// member title or rank title shown first), the group (the item after the
// photo) and, as profile pairs, the reputation badge (reaction_score), the
// "1,234 posts" line (messages) and custom fields ("Location: Paris").
// Group and rank also go in extra. Templates that inject post-like
// `article.ipsComment` elements (advertising slots) are not posts: a post is
// an article with a comment id.
func Invision() *Engine {
	return &Engine{
		Name: "invision",
		Markers: []Marker{
			{Rule{"body.ipsApp"}, 3, `<body class="ipsApp">`},
			{Rule{"body[data-pageapp][data-pagecontroller]"}, 1, "body data-pageApp and data-pageController attributes"},
			{Rule{"article[id^=elComment_]"}, 2, "article#elComment_N posts"},
			{Rule{"li.ipsDataItem[data-rowid], li.ipsDataItem[data-forumid]"}, 2, "ipsDataItem rows"},
			{Rule{"nav.ipsBreadcrumb"}, 1, "ipsBreadcrumb navigation"},
			{Rule{"#ipbwrapper"}, 2, "IP.Board #ipbwrapper"},
			{Rule{"table.ipbtable"}, 2, "IP.Board ipbtable tables"},
			{Rule{"div.borderwrap div.maintitle"}, 1, "IP.Board borderwrap/maintitle boxes"},
			{Rule{"#userlinks, #userlinksguest"}, 1, "IP.Board #userlinks bar"},
			{Rule{"a[href*='index.php?showforum='], a[href*='index.php?showtopic=']"}, 1, "IP.Board showforum/showtopic links"},
		},
		NeverContent: invisionTraps,
		DropParams:   []string{"csrfKey", "sortby", "sortdirection", "_fromLogin", "_fromLogout", "referrer"},
		PagePath:     regexp.MustCompile(`(/)page/(\d+)()/?$`),
		Selectors: Selectors{
			IsThread: Rule{"body[data-pagecontroller=topic]", "article[id^=elComment_]"},
			IsBoard:  Rule{"body[data-pagecontroller=forums]", "li.ipsDataItem[data-rowid]", "a[id^=tid-link-]"},
			IsIndex:  Rule{"body[data-pagecontroller=index]", "li.ipsDataItem[data-forumid]", "div.borderwrap a[href*='showforum=']"},

			Canonical:   Rule{"link[rel=canonical]@href"},
			Title:       Rule{"h1.ipsType_pageTitle", "#navstrip a:last-of-type", "meta[property='og:title']@content", "title"},
			TitleSkip:   Rule{".ipsBadge, a.ipsTag_prefix, .ipsTag_prefix"},
			Breadcrumb:  Rule{"nav.ipsBreadcrumb_top ul[data-role=breadcrumbList] li a[href]", "nav.ipsBreadcrumb_top ul:not(.ipsPos_right) li a[href]", "nav.ipsBreadcrumb ul:not(.ipsPos_right) li a[href]", "#navstrip a[href]"},
			CrumbName:   Rule{"span", "."},
			Root:        Rule{"nav.ipsBreadcrumb_top ul:not(.ipsPos_right) li:first-child a@href", "#navstrip a@href"},
			PageNow:     Rule{"ul.ipsPagination:not(.ipsPagination_mini) li.ipsPagination_active", "span.pagecurrent"},
			PageLinks:   Rule{"ul.ipsPagination:not(.ipsPagination_mini) li.ipsPagination_page a[href]", "span.pagelink a[href]"},
			NextPage:    Rule{"ul.ipsPagination:not(.ipsPagination_mini) li.ipsPagination_next:not(.ipsPagination_inactive) a@href", "link[rel=next]@href"},
			ContentID:   Rule{"[data-feedid^=topic-]@data-feedid", "[data-quotedata]@data-quotedata ~ \"contentid\":(\\d+)"},
			ContainerID: Rule{"[data-feedid^=forum-]@data-feedid", "#navstrip a:last-of-type@href ~ [?&]showforum=(\\d+)"},

			Post:       Rule{"article.ipsComment[id^=elComment_]", "article[id^=elComment_]", "article[data-commentid]"},
			PostID:     Rule{"@id", "[data-commentid]@data-commentid"},
			Permalink:  Rule{"a[data-role=shareComment]@href", ".ipsComment_meta a[href*='findComment']@href", "a[href*='do=findComment']@href"},
			PostTime:   Rule{".ipsComment_meta time", "time"},
			EditTime:   Rule{"[data-role=commentContent] [data-excludequote] time"},
			Body:       Rule{"[data-role=commentContent]", ".cPost_contentWrap .ipsType_richText"},
			Signature:  Rule{"[data-role=memberSignature] .ipsType_richText", "[data-role=memberSignature]"},
			Attachment: Rule{"[data-role=commentContent] a.ipsAttachLink:not(.ipsAttachLink_image)"},
			Reaction:   Rule{"ul.ipsReact_reactions li.ipsReact_reactCount img", "ul.ipsReact_reactions li.ipsReact_reactCount [title]"},
			// File attachments are links inside the content: they are attachments, not text.
			TextSkip:  Rule{"[data-excludequote], .ipsQuote_citation, a.ipsAttachLink:not(.ipsAttachLink_image)"},
			Smilie:    Rule{"img[data-emoticon]", "img[src*='/emoticons/']", "img.bbc_emoticon"},
			BodyImage: Rule{"img"},

			Quote:       Rule{"blockquote.ipsQuote"},
			QuoteAuthor: Rule{"@data-ipsquote-username", "@data-cite"},
			QuotePostID: Rule{"@data-ipsquote-contentcommentid"},
			QuoteText:   Rule{".ipsQuote_contents", "."},

			AuthorName:   Rule{"aside .cAuthorPane_author strong a[href]", "aside .cAuthorPane_author strong > span", "aside .cAuthorPane_author strong", ".cAuthorPane_author a[href]", ".cAuthorPane_author"},
			AuthorID:     Rule{"[data-quotedata]@data-quotedata ~ \"userid\":(\\d+)", "aside .cAuthorPane_author a[href]@href ~ /profile/(\\d+)"},
			AuthorURL:    Rule{"aside .cAuthorPane_author a[href]@href", ".cAuthorPane_author a[href]@href"},
			AuthorAvatar: Rule{"aside .cAuthorPane_photo img", ".cAuthorPane_photo img"},
			AuthorTitle:  Rule{"aside li[data-role=memberTitle]", "aside li[data-role=rankTitle]", "aside ul.cAuthorPane_info > li.ipsType_break:first-child"},
			AuthorPair: Rule{"aside ul.cAuthorPane_info > li:has(.ipsRepBadge), aside ul.cAuthorPane_info > li.ipsType_light," +
				" aside ul.cAuthorPane_info > li[data-role=custom-field], aside ul.cAuthorPane_info > li.ipsResponsive_hidePhone.ipsType_break"},
			PairLabel: Rule{".ipsRepBadge@title", "span.ft", ". ~ ^[\\d.,\\s]*\\d\\s+(\\D+)$", ". ~ ^([^:\\d][^:]{0,39}):"},
			PairValue: Rule{".ipsRepBadge", "span.fc", ". ~ ^([\\d.,\\s]*\\d)\\s+\\D+$", ". ~ ^[^:\\d][^:]{0,39}:\\s*(.+)$", "."},

			Item:         Rule{"li.ipsDataItem[data-rowid]", "tr:not(:has(tr)):has(td[id^=tid-folder-])"},
			ItemID:       Rule{"@data-rowid", "a[id^=tid-link-]@id"},
			ItemLink:     Rule{".ipsDataItem_title span.ipsType_break a[href]@href", ".ipsDataItem_title a[href]:not(.ipsTag_prefix)@href", "a[id^=tid-link-]@href"},
			ItemAuthor:   Rule{".ipsDataItem_meta a[href*='profile']", "td a[href*='showuser=']"},
			ItemReplies:  Rule{"ul.ipsDataItem_stats li:first-child .ipsDataItem_stats_number", "a[href^='javascript:who_posted']"},
			ItemViews:    Rule{"ul.ipsDataItem_stats li:nth-child(2) .ipsDataItem_stats_number", "td:nth-of-type(6)"},
			ItemLastPost: Rule{".ipsDataItem_lastPoster time"},
			ItemSticky:   Rule{".ipsDataItem_title i.fa-thumb-tack", "div:containsOwn('Pinned:')"},
			ItemPages:    Rule{"ul.ipsPagination_mini li a[href]"},

			// Not the category headers (h2.cForumTitle): a category's page
			// lists the forums the index already lists.
			BoardLink: Rule{"li[data-forumid] .ipsDataItem_title a[href], li[data-forumid] .ipsDataItem_subList a[href]",
				"div.borderwrap a[href*='showforum=']"},
			BoardID: Rule{"@href ~ /forum/(\\d+)", "@href ~ [?&]showforum=(\\d+)"},

			Extra: map[string]Rule{
				"group": {"aside li[data-role=group]", "aside ul.cAuthorPane_info > li.cAuthorPane_photo + li:not(.ipsType_light):not(:has(.ipsRepBadge))"},
				"rank":  {"aside li[data-role=rankTitle]", "aside ul.cAuthorPane_info > li.ipsType_break:first-child"},
			},
		},
	}
}

package parser

import "regexp"

// PhpBB returns the rules of phpBB 3.0-3.3: prosilver and the styles built on
// it (`div.post` with `dl.postprofile`, `p.author`, `div.content`), and,
// where they differ, subsilver2-style table layouts (`table.tablebg` with
// `b.postauthor`).
//
// URLs: a topic is viewtopic.php?t=N, as phpBB's own canonical link has it;
// the forum id f beside t is dropped (a topic moves between forums, and a
// global announcement is listed under every forum's f). Its pages are
// &start=K, an offset (start=0 is the topic itself). SEO-URL mods give
// /title-tN.html with pages /title-tN-K.html. Session ids (sid), search
// highlights (hilit) and sort options (sk, sd, st) never change what a page holds.
//
// A post's rank (its text, or its rank image's title, else alt) is its
// author's title, as phpBB's rank is the title a member's posts or the
// admins give them. Posts without a machine time keep the
// displayed date exactly in date_raw, without the "by X »" before it.
func PhpBB() *Engine {
	const (
		uParam = `[?&]u=(\d+)`
		tParam = `[?&]t=(\d+)`
		fParam = `[?&]f=(\d+)`
		noHash = `:not([href^='#'])`
		// wrote is the word after a quoted author's name in phpBB's language packs.
		wrote = `^(.*?\S)\s+(?:wrote|a écrit|schrieb|hat geschrieben|escribió|ha scritto|escreveu|schreef|skrev|kirjoitti|napisał|napsal|написал|написала|írta|yazdı|έγραψε)\s*:`
	)
	return &Engine{
		Name: "phpbb",
		Markers: []Marker{
			{Rule{"body#phpbb"}, 3, `<body id="phpbb">`},
			{Rule{"div.post dl.postprofile", "div.post div.postbody"}, 2, "div.post with postprofile or postbody"},
			{Rule{"table.tablebg b.postauthor", "table.tablebg a.topictitle", "table.tablebg a.forumlink"}, 2, "subsilver2 tablebg rows"},
			{Rule{"a.topictitle", "a.forumtitle"}, 2, "topictitle or forumtitle links"},
			{Rule{"link[href*='/styles/'][href*='/theme/']"}, 2, "styles/<name>/theme/ stylesheet"},
			{Rule{"meta[name=copyright][content*=phpBB]", "a[href*='phpbb.com']"}, 2, "phpBB credit"},
			{Rule{"a[href*='viewtopic.php'], a[href*='viewforum.php']"}, 1, "viewtopic.php or viewforum.php links"},
			{Rule{"a[href*='memberlist.php'], a[href*='ucp.php']"}, 1, "memberlist.php or ucp.php links"},
		},
		NeverContent:    phpbbTraps,
		DropParams:      []string{"hilit", "sk", "sd", "st"},
		RedundantParams: map[string]string{"f": "t"},
		PageParams:      []string{"start"},
		PagePath:        regexp.MustCompile(`(-)(\d+)(\.html)$`),
		Selectors: Selectors{
			IsThread: Rule{"div.post dl.postprofile", "div.post div.postbody", "table.tablebg b.postauthor"},
			IsBoard:  Rule{"ul.topiclist.topics", "a.topictitle"},
			IsIndex:  Rule{"ul.topiclist.forums", "a.forumtitle", "a.forumlink"},

			Canonical: Rule{"link[rel=canonical]@href"},
			TimeZone:  Rule{"li.rightside span[title]@title", "li.rightside ~ All times are (.+)"},
			Title:     Rule{"h2.topic-title", "h2.forum-title", "h2.page-title", "#page-body h2", "#pageheader h2", "h2", "title"},
			Breadcrumb: Rule{
				"#nav-breadcrumbs .crumb > a[href]",
				".breadcrumbs-bar--top .crumb > a[href]",
				"#page-header li.icon-home a[href]",
				"#breadcrumbs a[href]",
				"#wrapcentre > table.tablebg:first-of-type p.breadcrumbs a[href]",
				".crumb > a[href]",
				"p.breadcrumbs a[href]",
			},
			CrumbName: Rule{"[itemprop=name]", "[itemprop=title]", "."},
			Root:      Rule{"a[accesskey=h]@href", "#pageheader p.breadcrumbs a@href", "p.breadcrumbs a@href"},
			// Child combinators only: these run over the whole page. The pagination
			// of the page itself, not the small ones beside each topic of a forum.
			PageNow: Rule{"div.pagination > ul > li.active > span, ul.pagination > li.active > span, div.pagination > span > strong, div.pagination > strong",
				"div.pagination strong"},
			PageLinks: Rule{"div.action-bar > div.pagination > ul > li > a[href]" + noHash +
				", div.topic-actions > div.pagination > span > a[href]" + noHash +
				", ul.pagination > li > a[href]" + noHash},
			NextPage:    Rule{"div.action-bar > div.pagination > ul > li.next > a, ul.pagination > li.next > a, fieldset.display-options > a.right-box@href"},
			ContentID:   Rule{"h2.topic-title a@href ~ " + tParam, "link[rel=canonical]@href ~ " + tParam, "h2 a[href*='t=']@href ~ " + tParam, "input[name=t]@value", "link[rel=canonical]@href ~ -t(\\d+)"},
			ContainerID: Rule{"h2.forum-title a@href ~ " + fParam, "link[rel=canonical]@href ~ " + fParam, "h2 a[href*='f=']@href ~ " + fParam, "input[name=f]@value", "link[rel=canonical]@href ~ -f(\\d+)"},

			Post: Rule{"div.post", "table.tablebg:has(b.postauthor)"},
			PostID: Rule{
				"@id ~ ^p(\\d+)$",
				"dl.postprofile@id ~ (\\d+)$",
				"div[id^=post_content]@id ~ (\\d+)$",
				"a[name^=p]@name ~ ^p(\\d+)$",
				"h3 a[href^='#p']@href",
			},
			Permalink: Rule{
				"p.author a[href*='#p']@href",
				"a.icon_post_target[href]@href",
				"h3 a[href^='#p']@href",
				"td.gensmall div[style*=right] a[href*='#p']@href",
			},
			Position: Rule{"a.icon_post_target"},
			PostTime: Rule{
				"p.author time",
				"p.author .timestamp",
				"p.author ~ »\\s*(\\S.*)$",
				// subsilver2: "Posted: Sun May 26, 2019 4:34 pm" beside the post's subject
				"td.gensmall div[style*=right] ~ ^[^:\\d]*:\\s*(\\S.*)$",
			},
			// "Last edited by X on Sun May 26, 2019 5:35 pm, edited 2 times in total.":
			// the date runs from the word before it to the comma before the edit count.
			EditTime:   Rule{"div.notice ~ \\s(?:on|am|le|el|il|em|op|den|dnia)\\s+(\\S.*?),\\s+\\D*\\d+\\D*?(?:\\.|$)"},
			Body:       Rule{"div.content", "div.postbody"},
			Signature:  Rule{"div.signature"},
			Attachment: Rule{"dl.file, dl.thumbnail"},
			AttachName: Rule{"dt a.postlink", "img@alt", "dd ~ ^(\\S.*?)\\s*\\("},
			TextSkip:   Rule{"div.codebox > p, dl.codebox > dt"}, // "Code: Select all"
			Smilie:     Rule{"img.smilies"},
			BodyImage:  Rule{"img.postimage", "img:not(.smilies)"},

			Quote:       Rule{"blockquote"},
			QuoteAuthor: Rule{"cite ~ " + wrote, "cite > a:not([data-post-id])", "cite"},
			QuotePostID: Rule{"cite a[data-post-id]@data-post-id", "cite a[href*='p=']@href ~ [?&]p=(\\d+)"},
			QuoteText:   Rule{"blockquote > div", "."},

			AuthorName: Rule{
				"dl.postprofile dt .username, dl.postprofile dt .username-coloured",
				"dl.postprofile dt > a:last-of-type",
				"dl.postprofile dt > strong",
				"p.author strong",
				"b.postauthor",
			},
			AuthorID: Rule{
				"dl.postprofile dt a[href*='u=']@href ~ " + uParam,
				"p.author a[href*='u=']@href ~ " + uParam,
				"a[href*='mode=viewprofile']@href ~ " + uParam,
				// SEO-URL mods: /member123.html, /membre6665/, /u123.html
				"dl.postprofile dt a@href ~ /(?:member|membre|mitglied|miembro|u)-?(\\d+)(?:\\.html)?/?$",
			},
			AuthorURL: Rule{
				"dl.postprofile dt a.username@href",
				"dl.postprofile dt a.username-coloured@href",
				"dl.postprofile dt > a:last-of-type@href",
				"p.author strong a@href",
				"a[href*='mode=viewprofile']@href",
			},
			AuthorTitle: Rule{
				"dl.postprofile .profile-rank",
				"dl.postprofile .profile-rank img@title",
				"dl.postprofile .profile-rank img@alt",
				"dl.postprofile dt + dd:not(:has(strong))",
				"dl.postprofile dt + dd:not(:has(strong)) img@title",
				"dl.postprofile dt + dd:not(:has(strong)) img@alt",
				"td.profile td.postdetails",
				"td.profile img[src*=ranks]@title",
			},
			AuthorAvatar: Rule{"dl.postprofile img.avatar", ".avatar-container img", "dl.postprofile dt img", "td.profile img[src*=avatar]"},
			AuthorPair:   Rule{"dl.postprofile dd:not(.profile-contact):has(strong)"},
			PairLabel:    Rule{"strong ~ ^(.*?)\\s*:?$"},
			PairValue:    Rule{". ~ ^[^:]*:\\s*(\\S.*)$"},

			Item:         Rule{"ul.topiclist.topics > li.row", "li.row:has(a.topictitle)", "table.tablebg tr:has(a.topictitle)"},
			ItemID:       Rule{"a.topictitle@href ~ " + tParam, "a.topictitle@href ~ -t(\\d+)(?:-\\d+)?\\.html", "a.topictitle@href ~ topic(\\d+)"},
			ItemLink:     Rule{"a.topictitle@href"},
			ItemAuthor:   Rule{".topic-poster .username, .topic-poster .username-coloured", "dt a[href*='mode=viewprofile']", "p.topicauthor a", "p.topicauthor"},
			ItemReplies:  Rule{"dd.posts"},
			ItemViews:    Rule{"dd.views"},
			ItemLastPost: Rule{"dd.lastpost time"},
			ItemSticky:   Rule{".sticky, .announce, .global-announce"},
			ItemPages:    Rule{".pagination a"},
			StickyGroup:  Rule{"div.forumbg.announcement"},

			BoardLink: Rule{"a.forumtitle, a.subforum, a.forumlink"},
		},
	}
}

package parser

import "regexp"

// VBulletin returns the rules of vBulletin 3.x (postbit tables `table#post123`,
// `div#post_message_123`), 4.x (`li.postcontainer#post_123`, `blockquote.postcontent`),
// 5.x (`li.b-post[data-node-id]`), and heavily customised vBulletin 2 skins
// (`table.post#post123` with `td.userinfo`, `dt.author`, `td.postdate`, `td.postbody`).
// Each rule lists the variants side by side, newest first where they could clash.
func VBulletin() *Engine {
	return &Engine{
		Name: "vbulletin",
		Markers: []Marker{
			{Rule{"meta[name=generator][content^=vBulletin]"}, 4, "generator meta names vBulletin"},
			{Rule{"html#vbulletin_html"}, 4, `<html id="vbulletin_html">`},
			{Rule{"div[id^=post_message_]"}, 2, "post_message_N bodies"},
			{Rule{"div[id^=postmenu_]"}, 1, "postmenu_N user menus"},
			{Rule{"a.bigusername"}, 1, "bigusername links"},
			{Rule{"li.postcontainer[id^=post_]"}, 2, "li.postcontainer posts"},
			{Rule{"li.b-post[data-node-id]"}, 3, "li.b-post with data-node-id"},
			{Rule{".b-userinfo"}, 1, "b-userinfo author blocks"},
			{Rule{"table.post[id^=post] td.userinfo dt.author"}, 3, "table.post posts with dt.author"},
			{Rule{"td.postdate"}, 1, "td.postdate cells"},
			{Rule{"table.threadlist tr.thread[id^=thread]"}, 3, "threadlist rows tr.thread"},
			{Rule{"a.thread_title"}, 1, "a.thread_title links"},
			{Rule{"tbody[id^=threadbits_forum_]"}, 3, "threadbits_forum_N thread list"},
			{Rule{"a[id^=thread_title_]"}, 1, "thread_title_N links"},
			{Rule{"li.threadbit"}, 2, "li.threadbit thread list"},
			{Rule{"td.alt1Active"}, 2, "td.alt1Active forum cells"},
			{Rule{"li.forumbit_post, li.forumbit_nopost"}, 2, "li.forumbit forum list"},
		},
		NeverContent: vbulletinTraps,
		DropParams: []string{"highlight", "daysprune", "order", "sort", "sortorder", "sortfield",
			"pp", "perpage", "posticon", "prefixid", "securitytoken", "viewfull", "userid"},
		PagePath:   regexp.MustCompile(`()/page(\d+)(\.html?)?/?$`),
		PageParams: []string{"page", "pagenumber"},
		URLForms:   vbulletinForms,
		Selectors: Selectors{
			IsThread: Rule{"div[id^=post_message_], li.b-post[data-node-id], table.post[id^=post]"},
			IsBoard:  Rule{"tbody[id^=threadbits_forum_], li.threadbit, table.threadlist tr.thread, tr.topic-item"},
			IsIndex:  Rule{"td.alt1Active, li.forumbit_post, li.forumbit_nopost, table#forums a.forum"},

			Canonical:   Rule{"link[rel=canonical]@href"},
			TimeZone:    Rule{"#footer_time, #footer-current-datetime, div.smallfont ~ All times are (.+?)\\.(?:\\s|$)"},
			Title:       Rule{"span.threadtitle", "h1.main-title", "div.breadcrumbs a.bclast", "td.navbar strong", "#pagetitle h1", "meta[property='og:title']@content", "title"},
			Breadcrumb:  Rule{"span.navbar a[href], #breadcrumb li.navbit a[href], div.breadcrumbs span.mainbodytextlarge a[href]:not(.bclast)", "#breadcrumbs a[href]"},
			CrumbName:   Rule{"."},
			Root:        Rule{"span.navbar a[accesskey='1'], #breadcrumb li.navbithome a, div.breadcrumbs a, #breadcrumbs a@href"},
			PageNow:     Rule{"div.pagenav td.alt2 strong, div.pagination span.selected, div[id^=pagination_] > form span.selected, div.pages option[selected]", ".pagenav .js-pagenum[value]@value"},
			PageLinks:   Rule{"div.pagenav a[href], div.pagination a[href], div[id^=pagination_] > form a[href], div.pages a[href], div.pages option, .pagenav a.js-pagenum[href]"},
			NextPage:    Rule{"link[rel=next], div.pagenav a[rel=next], div.pagination span.prev_next a[rel=next], div[id^=pagination_] > form span.prev_next a[rel=next], div.pages a[title='Next page']@href"},
			ContentID:   Rule{"input[name=searchthreadid]@value", "input[name=t]@value", "body@data-thread", "td.navbar a[href*='showthread.php']@href ~ [?&]t=(\\d+)", "li.b-post--first@data-node-id"},
			ContainerID: Rule{"input[name=f][type=hidden]@value", "body.forumdisplay@data-forum"},

			Post:      Rule{"div#posts table[id^=post], li.postcontainer:has(span.nodecontrols), li.b-post.js-post[data-node-id], table.post[id^=post]", "li.postcontainer"},
			PostID:    Rule{"@data-node-id", "@id"},
			Permalink: Rule{"a.postcounter@href", "a[id^=postlink]@href", "a[id^=postcount]@href", "a.b-post__count@href", "td.postdate a[href^='#post']@href"},
			Position:  Rule{"a.postcounter", "a[id^=postcount]@name", "a.b-post__count", "@data-idx"},
			PostTime:  Rule{"span.postdate span.date", ".b-post__timestamp time", ".b-post__timestamp", "td.thead div.normal:not([style*=float]) b", "td.thead div.normal:not([style*=float])", "td.thead", "td.postdate ~ ([^#?]+)$"},
			EditTime:  Rule{"blockquote.lastedited ~ ;\\s*(.+?)\\.?$", "td[id^=td_post_] div.smallfont > em ~ ;\\s*(.+?)\\.?$"},
			Body:      Rule{"blockquote.postcontent", "div[id^=post_message_]", ".js-post__content-text", "td.postbody"},
			Signature: Rule{"div.signature", "blockquote.signature > div.signaturecontainer", ".b-post__signature", "td.postbody p.signature",
				"td[id^=td_post_] > div:not([id]):not([class]):not([align]):not([style])",
				"td[id^=td_post_] > div[style*=clear]:not([id]):not(.smallfont)", "td.alt1[valign=bottom] > div"},
			Attachment: Rule{"div.attachments li", "fieldset a[href*='attachment.php']", ".b-post-attachments li"},
			AttachName: Rule{"a", "."},
			TextSkip:   Rule{"p.editedby, div.bbcode_postedby img, div.smallfont:has(hr + em)"},
			Smilie:     Rule{"img[src*='/smilies/'], img[src*='emoticons/'], img.b-bbcode__smilie"},
			BodyImage:  Rule{"img"},

			Quote:       Rule{"div.bbcode_container:has(div.bbcode_quote), div.bbc-block:has(blockquote), div[style*=margin]:has(div.smallfont + table td.alt2)"},
			QuoteAuthor: Rule{"div.bbcode_postedby strong", "td.alt2 > div:first-child > strong", "h4 ~ ^(.+?) posted:$", "h4"},
			QuotePostID: Rule{"a[href*='#post']@href ~ #post(\\d+)$", "a[href*='postid=']@href ~ postid=(\\d+)"},
			QuoteText:   Rule{"div.message", "div.quote_container", "td.alt2 > div[style*=italic]", "td.alt2", "blockquote", "."},

			AuthorName:   Rule{"a.username", "a.bigusername", ".userinfo .username", "div[id^=postmenu_]", ".b-userinfo .author", "dt.author"},
			AuthorID:     Rule{"a.username, a.bigusername, .b-userinfo .author a@href ~ (?:[?&](?:u|userid)=|member\\.php[/?]|/member/)(\\d+)", "td.userinfo@class ~ userid-(\\d+)"},
			AuthorURL:    Rule{"a.username@href", "a.bigusername@href", ".b-userinfo .author a@href", "ul.profilelinks a[href*=getinfo]@href"},
			AuthorAvatar: Rule{"a.postuseravatar img", "a.postuseravatarlink img", "img[src*=avatar]", ".b-avatar img", "dd.title img"},
			AuthorTitle:  Rule{"span.usertitle", ".b-userinfo .usertitle", "div[id^=postmenu_] + div.smallfont", "dd.title"},
			AuthorPair:   Rule{"dl.userinfo_extra > dt, dl.userstats > dt", "li.b-userinfo__additional-info", "td.alt2 div.smallfont > div", "dl.userinfo > dd.registered"},
			PairLabel:    Rule{"label", ". ~ ^([^:]+):", "@class", "dt"},
			PairValue:    Rule{"label + span", ". ~ ^[^:]+:\\s*(.+)$", "."},

			Item:         Rule{"tbody[id^=threadbits_forum_] > tr", "li.threadbit", "table.threadlist tr.thread[id^=thread]", "tr.topic-item"},
			ItemID:       Rule{"a[id^=thread_title_]@id", "@data-node-id", "@id"},
			ItemLink:     Rule{"a[id^=thread_title_]@href", "a.title@href", "a.thread_title@href", "a.topic-title@href"},
			ItemAuthor:   Rule{"td[id^=td_threadtitle_] div.smallfont > span:not([style*=float])", "a.username", "td.author", ".topic-info a"},
			ItemReplies:  Rule{"td[title]@title ~ ([\\d.,]+)", "ul.threadstats li:first-child", "td.replies", ".posts-count"},
			ItemViews:    Rule{"td[title]@title ~ ([\\d.,]+)\\D*$", "ul.threadstats li:nth-child(2)", "td.views", ".views-count"},
			ItemLastPost: Rule{"td.lastpost time", ".lastpost time"},
			ItemSticky:   Rule{"img[src*=sticky]", "li.threadbit.sticky", "td.title_sticky", "tr.sticky"},
			ItemPages:    Rule{"span.smallfont a[href*='page=']", "dl.pagination a", "div.title_pages a.pagenumber", ".pagenav a"},

			BoardLink: Rule{"td.alt1Active a[href*='forumdisplay'], td.tcat a[href*='forumdisplay'], .forumtitle a[href]:not(li.forumbit_nopost.L1 > div.forumhead a), li.forumbit_post .forumtitle a, table#forums a.forum[href], table#subforums td.title a[href], .forum-title a[href]"},

			Extra: map[string]Rule{
				"rank":       {"span.rank", ".b-userinfo__rank img@title", "img[src*='/ranks/']@title", "img[src*='/ranks/']@alt", "img[src*='/ranks/']@src"},
				"post_title": {"h2.title", "h2.posttitle", "td[id^=td_post_] > div.smallfont > strong"},
			},
		},
	}
}

// vbulletinForms reduce vBulletin 3 and 4's friendly URLs, in the query
// ("showthread.php?12-title/page2") or the path ("showthread.php/12-title/page2"),
// to the t= and f= forms that every vBulletin 3 and 4 answers, friendly URLs
// on or off. The "threadid="/"pagenumber=" forms are left as found: vBulletin 2
// skins know no "t=". vBulletin 5's routes and mod_rewrite's "/threads/12-title"
// are left too: nothing says where their forum's showthread.php is, nor that it
// answers without a redirect back.
var vbulletinForms = []URLForm{
	{Script: "showthread.php", IDParam: "t", PageParam: "page", PostParam: "p", Friendly: vbulletinRoute},
	{Script: "forumdisplay.php", IDParam: "f", PageParam: "page", Friendly: vbulletinRoute},
}

// vbulletinRoute matches a friendly route: "12", "12-title", "12-title/page2".
var vbulletinRoute = regexp.MustCompile(`^(\d+)(?:-[^/]*)?(?:/page(\d+))?/?$`)

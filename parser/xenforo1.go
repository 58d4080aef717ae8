package parser

import "regexp"

// XenForo1 returns the rules of XenForo 1.x (1.0-1.5) and its common styles:
// `<html id="XenForo">`, `ol#messageList li.message`, `messageUserInfo`,
// `extraUserInfo` pairs, `DateTime` spans and abbrs, `PageNav`, and
// `discussionListItem` / `nodeList` listings. Links are relative to the
// page's `<base href>`.
func XenForo1() *Engine {
	return &Engine{
		Name: "xenforo1",
		Markers: []Marker{
			{Rule{"html#XenForo"}, 4, `<html id="XenForo">`},
			{Rule{"#messageList li.message[data-author], li.message .messageUserInfo"}, 2, "messageList / messageUserInfo posts"},
			{Rule{"li.discussionListItem"}, 2, "discussionListItem threads"},
			{Rule{"ol.nodeList, #forums.nodeList"}, 1, "nodeList boards"},
			{Rule{"div.PageNav[data-last]"}, 1, "PageNav with data-last"},
			{Rule{"blockquote.messageText.baseHtml, .baseHtml .bbCodeQuote"}, 1, "baseHtml message text"},
		},
		NeverContent: xenforo1Traps,
		DropParams:   []string{"order", "direction", "prefix_id", "_xfToken", "_xfResponseType", "_xfNoRedirect", "_xfRequestUri"},
		PagePath:     regexp.MustCompile(`(/|-)page-(\d+)(\.html?)?/?$`),
		Selectors: Selectors{
			IsThread: Rule{"#content.thread_view", "#messageList li.message[id^='post-']"},
			IsBoard:  Rule{"#content.forum_view", "li.discussionListItem"},
			IsIndex:  Rule{"#content.forum_list", "#content.category_view", "ol#forums.nodeList", "ol.nodeList"},

			Canonical:  Rule{"link[rel=canonical]@href"},
			Title:      Rule{".titleBar h1", "meta[property='og:title']@content", "title"},
			TitleSkip:  Rule{".prefix, .prefixLink"},
			Breadcrumb: Rule{".breadBoxTop .crumbs a.crumb[href]", ".breadcrumb a.crumb[href]"},
			CrumbName:  Rule{"[itemprop=title]", "."},
			Root:       Rule{".breadBoxTop .crumbs a.crumb@href", ".breadcrumb a.crumb@href", "#logo a@href"},
			PageNow:    Rule{".PageNav@data-page", ".PageNav a.currentPage"},
			PageLinks:  Rule{".PageNav nav a[href]"},
			// Next is the text link after the numbers; "< Prev" comes before them.
			NextPage:  Rule{"link[rel=next]@href", ".PageNav nav a:not(.text)~a.text[href]@href"},
			ContentID: Rule{"#content.thread_view input[name=thread_id]@value"},

			Post:       Rule{"#messageList > li.message", "li.message[id^='post-']"},
			PostID:     Rule{"@id", "@data-message-id"},
			Permalink:  Rule{"a.datePermalink@href", "a.postNumber@href", ".messageMeta a[title=Permalink]@href"},
			Position:   Rule{"a.postNumber"},
			PostTime:   Rule{"a.datePermalink .DateTime", ".messageMeta .privateControls .DateTime", ".messageMeta .DateTime", ".messageDetails .DateTime"},
			EditTime:   Rule{".editDate .DateTime"},
			Body:       Rule{".messageContent blockquote.messageText", "blockquote.messageText", ".messageContent"},
			Signature:  Rule{".signature", ".baseHtml.signature"},
			Attachment: Rule{".attachedFiles .attachmentList li.attachment", ".attachedFiles li.attachment"},
			AttachName: Rule{".attachmentInfo h6 a", ".attachmentInfo .filename a", "a@title"},
			TextSkip:   Rule{".messageTextEndMarker, .quoteExpand, .AttributionLink, .bbCodeBlock .type"},
			Smilie:     Rule{"img.mceSmilie, img.mceSmilieSprite, img.smilie"},
			BodyImage:  Rule{"img.bbCodeImage", "img:not(.mceSmilie):not(.mceSmilieSprite):not(.smilie)"},

			Quote:       Rule{".bbCodeQuote"},
			QuoteAuthor: Rule{"@data-author", ".attribution"},
			QuotePostID: Rule{".AttributionLink@href", "@data-source"},
			QuoteText:   Rule{".quoteContainer .quote", ".quoteContainer", "."},

			AuthorName:   Rule{".messageUserInfo .userText .username", ".messageUserInfo a.username", "@data-author"},
			AuthorURL:    Rule{".messageUserInfo .userText a.username@href", ".messageUserInfo a.avatar@href"},
			AuthorAvatar: Rule{".messageUserInfo .avatar img@src", ".messageUserInfo .avatarHolder img@src"},
			AuthorTitle:  Rule{".messageUserInfo .userTitle"},
			AuthorBanner: Rule{".messageUserInfo .userBanner"},
			AuthorPair:   Rule{".messageUserInfo .extraUserInfo dl"},
			PairLabel:    Rule{"dt"},
			PairValue:    Rule{"dd"},

			Item:         Rule{"li.discussionListItem"},
			ItemID:       Rule{"@id"},
			ItemLink:     Rule{"h3.title a.PreviewTooltip@href", "h3.title a:last-of-type@href"},
			ItemAuthor:   Rule{"@data-author", ".posterDate .username"},
			ItemReplies:  Rule{".stats dl.major dd", ".stats dd"},
			ItemViews:    Rule{".stats dl.minor dd"},
			ItemLastPost: Rule{".lastPost .DateTime", ".lastPostInfo .DateTime"},
			ItemSticky:   Rule{".iconKey .sticky"},
			ItemPages:    Rule{".itemPageNav a[href]"},
			StickyGroup:  Rule{".stickyThreads"},

			// A node's own title, not those of the nodes below it (link forums, pages).
			BoardLink: Rule{"li.node.category > div .categoryText .nodeTitle a[href], li.node.forum > div .nodeTitle a[href]"},
		},
	}
}

package parser

import "regexp"

// XenForo2 returns the rules of XenForo 2 (2.0-2.3), including its common
// third-party styles (UI.X, ThemeHouse): `<html id="XF">`, `article.message--post`.
func XenForo2() *Engine {
	return &Engine{
		Name: "xenforo2",
		Markers: []Marker{
			{Rule{"html#XF"}, 4, `<html id="XF">`},
			{Rule{"html[data-app][data-template]"}, 1, "html data-app and data-template attributes"},
			{Rule{"article.message--post, .message--post"}, 2, "message--post elements"},
			{Rule{".structItem--thread"}, 2, "structItem--thread elements"},
			{Rule{".p-body-inner, .p-pageWrapper"}, 1, "p-body-inner page wrapper"},
		},
		NeverContent: xenforo2Traps,
		DropParams:   []string{"order", "direction", "prefix_id", "starter_id", "last_days", "_xfToken", "_debug"},
		PagePath:     regexp.MustCompile(`(/|-)page-(\d+)(\.html?)?/?$`),
		Selectors: Selectors{
			IsThread: Rule{"html[data-template=thread_view]", "article.message--post"},
			IsBoard:  Rule{"html[data-template=forum_view]", ".structItem--thread"},
			IsIndex:  Rule{"html[data-template=forum_list]", "html[data-template=category_view]", ".node--forum"},

			Canonical:   Rule{"link[rel=canonical]@href"},
			Title:       Rule{"h1.p-title-value", "meta[property='og:title']@content", "title"},
			TitleSkip:   Rule{".label, .label-append, .labelLink"},
			Breadcrumb:  Rule{"ul.p-breadcrumbs:not(.p-breadcrumbs--bottom) li a[href]", ".p-breadcrumbs li a[href]"},
			CrumbName:   Rule{"[itemprop=name]", "."},
			Root:        Rule{"ul.p-breadcrumbs li:first-child a@href", ".p-header-logo a@href"},
			PageNow:     Rule{".pageNav-page--current a", ".pageNav-page--current", ".pageNavSimple-el--current"},
			PageLinks:   Rule{".pageNav-main a[href]"},
			NextPage:    Rule{"a.pageNav-jump--next@href", "link[rel=next]@href"},
			ContentID:   Rule{"html@data-content-key"},
			ContainerID: Rule{"html@data-container-key"},

			Post:       Rule{"article.message--post", ".message--post"},
			PostID:     Rule{"@data-content", "@id", ".u-anchorTarget@id"},
			Permalink:  Rule{".message-attribution-main a[href*='post']@href", ".message-attribution-opposite a[href*='post-']@href", ".message-attribution-opposite li:last-child a@href"},
			Position:   Rule{".message-attribution-opposite li:last-child a", ".message-attribution-opposite a"},
			PostTime:   Rule{".message-attribution-main time", ".message-attribution time"},
			EditTime:   Rule{".message-lastEdit time"},
			Body:       Rule{".message-body .bbWrapper", ".message-body", ".message-content"},
			Signature:  Rule{".message-signature .bbWrapper", ".message-signature"},
			Attachment: Rule{".message-attachments .attachmentList li", ".attachmentList li"},
			AttachName: Rule{".file-name", ".file-content@title", "a@title"},
			Reaction:   Rule{".reactionsBar .reactionSummary .reaction img", ".reactionSummary img", ".likesBar.is-active .likeIcon"},
			TextSkip:   Rule{".bbCodeBlock-expandLink, .js-selectToQuoteEnd, .bbCodeBlock-shrinkLink, .bbCodeCode-copy, .u-srOnly"},
			Smilie:     Rule{"img.smilie"},
			BodyImage:  Rule{"img.bbImage", "img:not(.smilie)"},

			Quote:       Rule{".bbCodeBlock--quote"},
			QuoteAuthor: Rule{"@data-quote", ".bbCodeBlock-title"},
			QuotePostID: Rule{"@data-source", ".bbCodeBlock-sourceJump@data-content-selector", ".bbCodeBlock-sourceJump@href", ".bbCodeBlock-title a@href"},
			QuoteText:   Rule{".bbCodeBlock-expandContent", ".bbCodeBlock-content", "."},

			AuthorName:   Rule{".message-name .username", ".message-name", "@data-author"},
			AuthorID:     Rule{".message-name [data-user-id]@data-user-id", ".message-avatar [data-user-id]@data-user-id"},
			AuthorURL:    Rule{".message-name a[href]@href", ".message-avatar a[href]@href"},
			AuthorAvatar: Rule{".message-avatar img@src"},
			AuthorTitle:  Rule{".message-userTitle", ".userTitle"},
			AuthorBanner: Rule{".message-userBanner", ".userBanner"},
			AuthorPair:   Rule{".message-userExtras .pairs", ".message-userExtras dl"},
			PairLabel:    Rule{"dt", "@title"},
			PairValue:    Rule{"dd", "."},

			Item:         Rule{".structItem--thread"},
			ItemID:       Rule{"@class", ".structItem-title a[data-tp-primary]@href"},
			ItemLink:     Rule{".structItem-title a[data-tp-primary]@href", ".structItem-title a:last-of-type@href"},
			ItemAuthor:   Rule{"@data-author", ".structItem-minor .username", ".structItem-parts .username"},
			ItemReplies:  Rule{".structItem-cell--meta dl:first-of-type dd", ".structItem-cell--meta dd"},
			ItemViews:    Rule{".structItem-cell--meta dl.structItem-minor dd", ".structItem-cell--meta dl:nth-of-type(2) dd"},
			ItemLastPost: Rule{".structItem-cell--latest time", "time.structItem-latestDate"},
			ItemSticky:   Rule{".structItem-status--sticky"},
			ItemPages:    Rule{".structItem-pageJump a[href]"},
			StickyGroup:  Rule{".structItemContainer-group--sticky"},

			BoardLink:     Rule{".node--forum .node-title a[href], .node-subNodeFlatList a[href], .node--category .node-title a[href]"},
			BoardItem:     Rule{".node"},
			BoardLastPost: Rule{"time.node-extra-date", ".node-extra-date time"},
		},
	}
}

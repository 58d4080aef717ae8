package parser

import "regexp"

// Vanilla returns the rules of Vanilla Forums 2/3 (`<body id="vanilla_…">`):
// a discussion page shows the opening post as `div.ItemDiscussion` and the
// replies as `li.ItemComment`; discussion lists are `li.ItemDiscussion`
// (or `tr.ItemDiscussion` in the table layout), category lists
// `li.ItemCategory`. URLs are /discussion/N/slug with pages as …/pN.
//
// Beside a post, the author's role goes in extra ("role") and the Ranks
// plugin's rank in the title (its label, or its name when the label is only
// symbols such as ✭✭✭) and in extra ("rank", the name). Profile URLs name
// users, not numbers, so an author has an id only where the page gives one.
func Vanilla() *Engine {
	return &Engine{
		Name: "vanilla",
		Markers: []Marker{
			{Rule{"body[id^=vanilla_]"}, 3, `<body id="vanilla_…">`},
			{Rule{"body.Vanilla"}, 1, `<body class="Vanilla">`},
			{Rule{"div.ItemDiscussion[id^=Discussion_], li.ItemComment[id^=Comment_], li.ItemDiscussion[id^=Discussion_]"}, 2, "ItemDiscussion/ItemComment items"},
			{Rule{"li.ItemCategory, tr.ItemCategory"}, 1, "ItemCategory items"},
			{Rule{".Breadcrumbs .CrumbLabel"}, 1, "Breadcrumbs with CrumbLabel"},
			{Rule{"link[href*='/applications/vanilla/'], script[src*='/applications/vanilla/'], link[href*='/applications/dashboard/']"}, 2, "/applications/vanilla assets"},
		},
		NeverContent: vanillaTraps,
		DropParams:   []string{"TransientKey", "DeliveryType", "DeliveryMethod", "Target"},
		// Page N of a discussion or list is its URL plus /pN; page 1 is the
		// URL itself, with no trailing slash (as its canonical link says).
		PagePath: regexp.MustCompile(`()/p(\d+)()/?$`),
		Finish:   finishVanilla,
		Selectors: Selectors{
			IsThread: Rule{"body#vanilla_discussion_index", "div.ItemDiscussion", "li.ItemComment"},
			IsBoard:  Rule{"body#vanilla_discussions_index", "li.ItemDiscussion", "tr.ItemDiscussion"},
			IsIndex:  Rule{"body#vanilla_categories_all", "body#vanilla_categories_index", "li.ItemCategory", "tr.ItemCategory"},

			Canonical:   Rule{"link[rel=canonical]@href"},
			Title:       Rule{"div.PageTitle h1", "h1", "meta[property='og:title']@content", "title"},
			Breadcrumb:  Rule{".Breadcrumbs .CrumbLabel a[href]"},
			CrumbName:   Rule{"span", "."},
			Root:        Rule{".Breadcrumbs .HomeCrumb a@href"},
			PageNow:     Rule{"#PagerBefore .Highlight", ".Pager .Highlight"},
			PageLinks:   Rule{"#PagerBefore a[href]", ".Pager a[href]"},
			NextPage:    Rule{"#PagerBefore a.Next@href", ".Pager a.Next@href", "link[rel=next]@href"},
			ContentID:   Rule{"div.ItemDiscussion@id", "input#Form_DiscussionID@value", "link[rel=canonical]@href ~ /discussion/(\\d+)"},
			ContainerID: Rule{"input#Form_CategoryID@value"},

			Post:      Rule{"div.ItemDiscussion, li.ItemComment"},
			PostID:    Rule{"@id"},
			Permalink: Rule{".Meta a.Permalink@href", "a.Permalink@href"},
			PostTime:  Rule{"a.Permalink time", ".DateCreated time", "time"},
			// "edited 4 December 2016 at 12:42AM", titled "Edited 4 December 2016 at 12:42AM."
			EditTime: Rule{".DateUpdated time", "span.DateUpdated[title]@title ~ ^\\S+\\s+(.+?)\\.?$", "span.DateUpdated"},
			// A comment's permalink is named Item_N, N counting comments
			// across the discussion (its opening post is Item_0).
			Position:   Rule{"a.Permalink@name ~ ^Item_(\\d+)$"},
			Body:       Rule{"div.Message.userContent", "div.Message"},
			Signature:  Rule{"div.UserSignature", "div.Signature"},
			Attachment: Rule{".Attachments .Attachment", "div.Attachment"},
			AttachName: Rule{".FileName", "a@title"},
			Reaction:   Rule{".Reactions a.ReactButton:has(.Count) .ReactLabel", ".Reactions a.ReactButton:has(.Count)@title"},
			TextSkip:   Rule{".sr-only, .SpoilerTitle"},
			Smilie:     Rule{"img.emoji", "img.Emoticon", "img[src*='/emoji/']"},
			BodyImage:  Rule{"img"},

			Quote:       Rule{"blockquote.Quote, blockquote.UserQuote"},
			QuoteAuthor: Rule{".QuoteAuthor a[href]", ".QuoteAuthor", "div.blockquote-content a[href*='/profile']"},
			QuotePostID: Rule{"a.QuoteLink@href"},
			QuoteText:   Rule{".QuoteText", "div.blockquote-content + div.blockquote-content", "."},

			AuthorName:   Rule{".Author a.Username", "a.Username", ".Author"},
			AuthorID:     Rule{"a.Username[data-userid]@data-userid", "a.Username@href ~ /profile/(\\d+)/"},
			AuthorURL:    Rule{".Author a.Username@href", "a.Username@href"},
			AuthorAvatar: Rule{".Author img.ProfilePhoto", "a.PhotoWrap img"},
			AuthorTitle:  Rule{".AuthorInfo .AuthorTitle", ".AuthorInfo .Rank ~ ([\\p{L}\\p{N}].*)", ".AuthorInfo .Rank@title"},
			AuthorPair:   Rule{".AuthorInfo .PostCount, .AuthorInfo .CountPosts, .AuthorInfo .MItem.Location"},
			PairLabel:    Rule{". ~ ^([^:\\d][^:]{0,39}):", ".Number@title ~ ^[\\d.,\\s]*\\d\\s+(\\D+)$", ". ~ ^[\\d.,\\s]*\\d[KkMm]?\\s+(\\D+)$"},
			PairValue:    Rule{"b", ".Number@title ~ ^([\\d.,\\s]*\\d)", ". ~ ^[^:\\d][^:]{0,39}:\\s*(.+)$", "."},

			Item:         Rule{"li.ItemDiscussion", "tr.ItemDiscussion"},
			ItemID:       Rule{"@id", "@data-discussionid"},
			ItemLink:     Rule{"a.Title@href", ".Title a@href", ".DiscussionName a@href"},
			ItemAuthor:   Rule{".DiscussionAuthor a", ".FirstUser .UserLink", ".FirstUser a.Username"},
			ItemReplies:  Rule{".CommentCount .Number@title", ".CommentCount .Number", ".CountComments .Number@title", ".CountComments .Number"},
			ItemViews:    Rule{".ViewCount .Number@title", ".ViewCount .Number", ".CountViews .Number@title", ".CountViews .Number"},
			ItemLastPost: Rule{".LastCommentDate time", ".LastUser time", "time"},
			ItemSticky:   Rule{".Announcement, .Tag-Announcement"},
			ItemPages:    Rule{".MiniPager a[href]"},

			BoardLink: Rule{"li.ItemCategory a.Title[href], tr.ItemCategory a.Title[href], .ChildCategories a[href]"},
			BoardID:   Rule{"@href ~ /categories/(\\d+)/?$"},

			Extra: map[string]Rule{
				"role": {".AuthorInfo .RoleTitle"},
				"rank": {".AuthorInfo .Rank@title", ".AuthorInfo .Rank"},
			},
		},
	}
}

// finishVanilla turns the Item_N of a comment's permalink into its position
// (N+1: the discussion's opening post comes first) and gives the opening
// post, known by the discussion's id, position 1.
func finishVanilla(p *Page) {
	if p.Thread == nil {
		return
	}
	for i := range p.Posts {
		post := &p.Posts[i]
		switch {
		case post.Position > 0:
			post.Position++
		case post.ID != "" && post.ID == p.Thread.ID && post.Page <= 1:
			post.Position = 1
		}
	}
}

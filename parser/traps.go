package parser

import (
	"net/url"
	"regexp"
	"slices"
	"strings"
)

// The links each engine's pages carry that never lead to content: posting,
// replying, quoting, reporting, logging in, registering, searching, member
// lists and profiles, printable and archive views, jumps to new or next
// posts and threads, and sort and filter variants. Matched against a link's
// path and query ("/viewtopic.php?t=5&view=next"), after canonicalisation.
// A crawl follows only links the parser classes as boards and threads; these
// catch what a loose selector or an odd skin lets through.
var (
	xenforo2Traps = regexp.MustCompile(`/(login|register|lost-password|account|conversations|search|members|whats-new|find-threads|watched|online|help|misc|goto|attachments|inline-mod|logout)(/|$|\?)` +
		`|/(posts/\d+/(reply|quote|report|edit|react|reactions|share|history|ip)|threads/[^/]+/(reply|add-reply|watch|unread|latest|preview|post-thread|draft)|forums/[^/]+/(post-thread|create-thread|mark-read|watch))(/|$|\?)`)
	xenforo1Traps = regexp.MustCompile(`(/|\?)(login|register|lost-password|account|conversations|search|members|find-new|recent-activity|online|help|misc|goto|logout)(/|$|&|\?)` +
		`|/(reply|add-reply|quote|report|like|edit|watch-confirm|unread|create-thread|mark-read|preview)(/|$|\?|&)`)
	phpbbTraps = regexp.MustCompile(`/(posting|ucp|mcp|memberlist|search|report|faq|viewonline|feed|app\.php/help)(\.php)?(/|$|\?)` +
		`|[?&](view=(next|previous|print|unread)|mode=(reply|quote|post|edit|viewprofile)|e=\d+|p=\d+)(&|$)`)
	vbulletinTraps = regexp.MustCompile(`/(newreply|newthread|private|member|memberlist|search|login|register|profile|usercp|sendmessage|report|printthread|showpost|calendar|online|misc|subscription|editpost|announcement|faq|payments|group|album)(\.php)?(/|$|\?)` +
		`|/archive/|[?&](goto=(newpost|nextnewest|nextoldest|lastpost)|do=(newreply|getnew|markread|getdaily)|pp=\d+|mode=(hybrid|threaded)|p=\d+)(&|$)`)
	smfTraps = regexp.MustCompile(`[?&](action=(post|post2|profile|pm|search|search2|login|login2|logout|register|reminder|printpage|mlist|who|calendar|markasread|notify|notifyboard|reporttm|stats|help|unread|unreadreplies|recent|quotefast|quickmod|emailuser|likes)` +
		`|prev_next=(prev|next)|topicseen|msg=\d+|all)(&|$|=)`)
	mybbTraps = regexp.MustCompile(`/(newreply|newthread|member|memberlist|search|private|usercp|printthread|sendthread|report|editpost|calendar|online|misc|showteam|stats|ratethread|moderation|reputation|announcements)(\.php)?(/|$|\?)` +
		`|/archive/|[?&](action=(newpost|lastpost|nextnewest|nextoldest|thread)|pid=\d+|mode=threaded)(&|$)`)
	invisionTraps = regexp.MustCompile(`/(login|register|lostpassword|search|online|leaderboard|discover|notifications|messenger|settings|profile|staff|guidelines)(/|$|\?)` +
		`|[?&](do=(reply|add|getNewComment|getLastComment|findComment|report|reportComment|quote|edit|follow|markRead|showReactions)(&|$)|filter=|comment=\d+)`)
	vanillaTraps   = regexp.MustCompile(`/(entry|profile|search|messages|activity|post|bestof|drafts|bookmarked|mine|participated|unanswered)(/|$|\?)|/discussion/comment/\d+|[?&](sort|Sort|followed)=`)
	discourseTraps = regexp.MustCompile(`/(u|users|badges|my|session|search|groups|raw|admin|login|signup|password-reset|invites|tags/intersection)(/|\.json|$|\?)|/t/[^/]+/\d+/print(/|$)`)
)

// dropNeverContent removes the links that e knows never lead to content.
func (e *Engine) dropNeverContent(links []Link) []Link {
	if e == nil || e.NeverContent == nil {
		return links
	}
	return slices.DeleteFunc(links, func(l Link) bool { return e.NeverContentURL(l.URL) })
}

// NeverContentURL reports whether u is a link of e's that never leads to
// content (posting, login, search, member lists, print views, jumps...).
func (e *Engine) NeverContentURL(u string) bool {
	if e == nil || e.NeverContent == nil {
		return false
	}
	s, ok := plainPathQuery(u)
	if !ok {
		if s, ok = parsedPathQuery(u); !ok {
			return false
		}
	}
	return e.NeverContent.MatchString(s)
}

// parsedPathQuery returns the escaped path of u and its query after a "?"
// when it has one, as url.Parse reads them; false when it does not parse.
func parsedPathQuery(u string) (string, bool) {
	pu, err := url.Parse(u)
	if err != nil {
		return "", false
	}
	s := pu.EscapedPath()
	if pu.RawQuery != "" {
		s += "?" + pu.RawQuery
	}
	return s, true
}

// plainPathQuery is parsedPathQuery read off the text of a plainly
// absolute URL (see plainAbsolute), whose path url.Parse keeps as written,
// and false for any other.
func plainPathQuery(u string) (string, bool) {
	if !plainAbsolute(u) {
		return "", false
	}
	_, rest, _ := strings.Cut(u, "://")
	k := strings.IndexAny(rest, "/?#")
	if k < 0 {
		return "", true
	}
	rest, _, _ = strings.Cut(rest[k:], "#")
	if strings.HasSuffix(rest, "?") && strings.IndexByte(rest, '?') == len(rest)-1 {
		rest = rest[:len(rest)-1] // an empty query
	}
	return rest, true
}

package forumsim

import (
	"strconv"
	"strings"
)

// romanize maps the accented Latin letters used by the generator to ASCII,
// as XenForo's URL romanization does; other non-ASCII letters are dropped.
var romanize = map[rune]string{
	'à': "a", 'á': "a", 'â': "a", 'ä': "a", 'å': "a", 'ç': "c", 'è': "e", 'é': "e",
	'ê': "e", 'ë': "e", 'ì': "i", 'í': "i", 'î': "i", 'ï': "i", 'ñ': "n", 'ò': "o",
	'ó': "o", 'ô': "o", 'ö': "o", 'ø': "o", 'ù': "u", 'ú': "u", 'û': "u", 'ü': "u",
	'ß': "ss", 'œ': "oe",
}

// slugify returns the URL slug of a title: lower-case ASCII words joined by
// dashes. It may be "", in which case paths carry the ID alone.
func slugify(title string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(title) {
		s := ""
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			s = string(r)
		case romanize[r] != "":
			s = romanize[r]
		}
		if s == "" {
			dash = b.Len() > 0
			continue
		}
		if dash {
			b.WriteByte('-')
			dash = false
		}
		b.WriteString(s)
	}
	out := b.String()
	if len(out) > 60 {
		out = strings.TrimRight(out[:60], "-")
	}
	return out
}

// key returns the "slug.ID" path segment of a node, or the ID alone when the
// slug is empty.
func key(slug string, n int64) string {
	if slug == "" {
		return id(n)
	}
	return slug + "." + id(n)
}

// parseKey returns the ID in a "slug.ID" or "ID" path segment.
func parseKey(seg string) (string, int64, bool) {
	slug, num := "", seg
	if i := strings.LastIndexByte(seg, '.'); i >= 0 {
		slug, num = seg[:i], seg[i+1:]
	}
	n, err := strconv.ParseInt(num, 10, 64)
	if err != nil || n <= 0 || num[0] == '+' {
		return "", 0, false
	}
	return slug, n, true
}

// pageSuffix returns "" for page 1 and "page-N" otherwise.
func pageSuffix(n int) string {
	if n <= 1 {
		return ""
	}
	return "page-" + strconv.Itoa(n)
}

// indexPath returns the path of the index page.
func (f *Forum) indexPath() string { return f.skin.indexPath(f) }

// boardPath returns the canonical path of a board listing page.
func (f *Forum) boardPath(b *board, page int) string { return f.skin.boardPath(f, b, page) }

// threadPath returns the canonical path of a thread page.
func (f *Forum) threadPath(t *thread, page int) string { return f.skin.threadPath(f, t, page) }

// postPath returns the permalink of a post.
func (f *Forum) postPath(p *post) string { return f.skin.postPath(f, p) }

// memberPath returns the profile path of a member.
func (f *Forum) memberPath(u *user) string { return f.skin.memberPath(f, u) }

// attachmentPath returns the path an attachment links to.
func (f *Forum) attachmentPath(a attachment) string { return f.skin.attachmentPath(f, a) }

// threadPages returns the number of pages of a thread.
func (f *Forum) threadPages(t *thread) int {
	return (len(t.posts) + f.cfg.PostsPerPage - 1) / f.cfg.PostsPerPage
}

// postPage returns the thread page a post is on.
func (f *Forum) postPage(p *post) int {
	return (p.position-1)/f.cfg.PostsPerPage + 1
}

// boardPages returns the number of listing pages of a board.
func (f *Forum) boardPages(b *board) int {
	n := 0
	for _, t := range b.threads {
		if !t.sticky {
			n++
		}
	}
	if n == 0 {
		return 1
	}
	return (n + f.cfg.ThreadsPerPage - 1) / f.cfg.ThreadsPerPage
}

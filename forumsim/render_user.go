package forumsim

import (
	"strconv"
	"strings"
)

// pair is one label/value pair of an author block.
type pair struct {
	label, value string
	icon         string     // font awesome icon for tooltip-labelled skins
	dd           string     // value HTML
	flag         *flagValue // set when the value is a flag image
	custom       bool       // a custom field shown as div.pairs with a title
}

// pairs returns a member's pairs in page order.
func (f *Forum) pairs(u *user) []pair {
	pre := f.cfg.Prefix
	ps := []pair{
		{label: "Joined", value: xfDate(u.joined), icon: "fa-user", dd: xfDate(u.joined)},
		{label: "Messages", value: number(u.messages), icon: "fa-comments",
			dd: `<a href="` + pre + `/search/member?user_id=` + id(u.id) + `" rel="nofollow">` + number(u.messages) + `</a>`},
		{label: "Reaction score", value: number(u.reactions), icon: "fa-thumbs-up", dd: number(u.reactions)},
	}
	if u.points != nil {
		ps = append(ps, pair{label: "Points", value: number(*u.points), icon: "fa-trophy",
			dd: `<a href="` + f.memberPath(u) + `trophies" data-xf-click="overlay">` + number(*u.points) + `</a>`})
	}
	if l := u.location; l != nil {
		p := pair{label: "Location", value: l.display, icon: "fa-map-marker", flag: l}
		if l.flag == "" {
			p.dd = `<a href="` + pre + `/misc/location-info?location=` + esc(queryEscape(l.text)) +
				`" rel="nofollow noreferrer" target="_blank" class="u-concealed">` + esc(l.text) + `</a>`
			p.flag = nil
		}
		ps = append(ps, p)
	}
	if c := u.country; c != nil {
		ps = append(ps, pair{label: "Country", value: c.display, icon: "fa-flag", flag: c})
	}
	for _, c := range u.custom {
		ps = append(ps, pair{label: c.Label, value: c.Value, custom: true})
	}
	return ps
}

// queryEscape escapes a query value the way XenForo links locations (spaces as "+").
func queryEscape(s string) string {
	var b strings.Builder
	for _, c := range []byte(s) {
		switch {
		case c == ' ':
			b.WriteByte('+')
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == '-', c == '_', c == '.':
			b.WriteByte(c)
		default:
			b.WriteString("%" + strings.ToUpper(strconv.FormatInt(int64(c)|0x100, 16)[1:]))
		}
	}
	return b.String()
}

// flagHTML returns a flag image.
func (f *Forum) flagHTML(v *flagValue) string {
	h := `<img src="` + f.cfg.Prefix + `/styles/flags/` + v.flag + `.png" alt="` + esc(v.alt) + `"`
	if v.title != "" {
		h += ` title="` + esc(v.title) + `"`
	}
	return h + ` />`
}

// banners returns the banners of a post's author block.
func (f *Forum) banners(p *post) []string {
	out := append([]string(nil), p.author.banners...)
	if p.thread.opBanner && p.author == p.thread.posts[0].author && p.author.kind == member {
		out = append(out, "Original poster")
	}
	return out
}

// writeUser writes the message-user section of a post.
func (f *Forum) writeUser(b *strings.Builder, p *post) {
	u := p.author
	b.WriteString("\t<section itemscope itemtype=\"https://schema.org/Person\" class=\"message-user\">\n\t\t<div class=\"message-avatar \">\n\t\t\t<div class=\"message-avatar-wrapper\">\n\t\t\t\t")
	b.WriteString(f.avatar(u))
	b.WriteString("\n\t\t\t</div>\n\t\t</div>\n\t\t<div class=\"message-userDetails\">\n\t\t\t<h4 class=\"message-name\">")
	if u.kind == member {
		b.WriteString(`<a href="` + f.memberPath(u) + `" class="username " dir="auto" data-user-id="` + id(u.id) +
			`" data-xf-init="member-tooltip" itemprop="name">` + esc(u.name) + `</a>`)
	} else {
		b.WriteString(`<span class="username " dir="auto" itemprop="name">` + esc(u.name) + `</span>`)
	}
	b.WriteString("</h4>\n\t\t\t<h5 class=\"userTitle message-userTitle\" dir=\"auto\" itemprop=\"jobTitle\">" + esc(u.title) + "</h5>\n")
	for _, bn := range f.banners(p) {
		cls := "userBanner--staff"
		if bn == "Original poster" {
			cls = "uix_userBanner--op"
		}
		b.WriteString("\t\t\t<div class=\"userBanner " + cls + " message-userBanner\" dir=\"auto\" itemprop=\"jobTitle\">\n\t\t\t\t<span class=\"userBanner-before\"></span>\n\t\t\t\t<strong>" +
			esc(bn) + "</strong>\n\t\t\t\t<span class=\"userBanner-after\"></span>\n\t\t\t</div>\n")
	}
	b.WriteString("\t\t</div>\n")
	if u.kind == member {
		b.WriteString("\t\t<div class=\"message-userExtras\">\n")
		for _, pr := range f.pairs(u) {
			f.writePair(b, pr, p.thread.tooltipSkin)
		}
		b.WriteString("\t\t</div>\n")
	}
	b.WriteString("\t\t<span class=\"message-userArrow\"></span>\n\t</section>\n")
}

// writePair writes one pair, labelled by text or (tooltip skins) by an icon with a tooltip.
func (f *Forum) writePair(b *strings.Builder, pr pair, tooltip bool) {
	dd := pr.dd
	if pr.flag != nil {
		dd = f.flagHTML(pr.flag)
	}
	if pr.custom {
		b.WriteString("\t\t\t<div class=\"pairs pairs--justified\" title=\"" + esc(pr.label) + "\">\n\t\t\t\t" + esc(pr.value) + "\n\t\t\t</div>\n")
		return
	}
	dt := esc(pr.label)
	if tooltip {
		dt = "\n\t\t\t\t\t<span data-xf-init=\"tooltip\" title=\"" + esc(pr.label) + "\">\n\t\t\t\t\t\t<i class=\"fa--xf fas " + pr.icon +
			" uix_icon\" aria-hidden=\"true\"></i>\n\t\t\t\t\t</span>\n\t\t\t\t"
	}
	b.WriteString("\t\t\t<dl class=\"pairs pairs--justified\">\n\t\t\t\t<dt>" + dt + "</dt>\n\t\t\t\t<dd>" + dd + "</dd>\n\t\t\t</dl>\n")
}

// avatar returns a user's avatar: an uploaded image or a letter avatar.
func (f *Forum) avatar(u *user) string {
	letter := "?"
	for _, r := range u.name {
		letter = strings.ToUpper(string(r))
		break
	}
	if u.kind != member {
		return `<span class="avatar avatar--m avatar--default avatar--default--text">` + "\n\t\t\t<span class=\"avatar-u0-m\">" + esc(letter) + "</span>\n\t\t</span>"
	}
	uid := id(u.id)
	open := `<a href="` + f.memberPath(u) + `" class="avatar avatar--m`
	if u.avatar {
		img := f.cfg.Prefix + "/data/avatars/m/" + id(u.id/1000) + "/" + uid + ".jpg?" + strconv.FormatInt(u.avatarTS, 10)
		return open + `" data-user-id="` + uid + `" data-xf-init="member-tooltip">` + "\n\t\t\t<img src=\"" + img + `" alt="` + esc(u.name) +
			`" class="avatar-u` + uid + `-m" itemprop="image" />` + "\n\t\t</a>"
	}
	return open + ` avatar--default avatar--default--dynamic" data-user-id="` + uid + `" data-xf-init="member-tooltip" style="background-color: #9c27b0; color: #ea80fc">` +
		"\n\t\t\t<span class=\"avatar-u" + uid + "-m\">" + esc(letter) + "</span>\n\t\t</a>"
}

package forumsim

import (
	"strconv"
	"strings"
)

// siteName is the forum's name in page titles.
const siteName = "Forumsim Community"

// page describes the frame around a page's content.
type page struct {
	template   string       // XenForo template name: thread_view, forum_view, forum_list...
	title      string       // <title> text before the site name, unescaped
	h1         string       // page title, unescaped ("" for none)
	desc       string       // HTML under the title ("" for none)
	canonical  string       // canonical path ("" for none)
	prev, next string       // rel prev/next paths ("" for none)
	crumbs     []CrumbTruth // breadcrumb
	container  string       // data-container-key
	content    string       // data-content-key
	body       string       // the page content HTML
}

// render returns the whole HTML document of a page; origin is the
// scheme://host the request came to, for absolute canonical URLs.
func (f *Forum) render(origin string, p page) string {
	var b strings.Builder
	b.Grow(len(p.body) + 8000)
	pre := f.cfg.Prefix
	b.WriteString("<!DOCTYPE html>\n<html id=\"XF\" lang=\"en-US\" dir=\"LTR\"\n\tdata-app=\"public\"\n\tdata-template=\"" + p.template + "\"\n")
	b.WriteString("\tdata-container-key=\"" + p.container + "\"\n\tdata-content-key=\"" + p.content + "\"\n")
	b.WriteString("\tdata-logged-in=\"false\"\n\tdata-cookie-prefix=\"xf_\"\n\tdata-csrf=\"1562130994,d8f3b3c32cbd2529ed60e8a76656f7c7\"\n")
	b.WriteString("\tclass=\"has-no-js template-" + p.template + "\"\n\t>\n<head>\n\t<meta charset=\"utf-8\" />\n")
	b.WriteString("\t<meta name=\"viewport\" content=\"width=device-width, initial-scale=1, viewport-fit=cover\">\n")
	title := p.title
	if title != "" {
		title += " | "
	}
	b.WriteString("\t<title>" + esc(title+siteName) + "</title>\n")
	if p.canonical != "" {
		b.WriteString("\t<meta property=\"og:url\" content=\"" + esc(origin+p.canonical) + "\" />\n")
		b.WriteString("\t<link rel=\"canonical\" href=\"" + esc(origin+p.canonical) + "\" />\n")
	}
	if p.h1 != "" {
		b.WriteString("\t<meta property=\"og:title\" content=\"" + esc(p.h1) + "\" />\n")
	}
	if p.prev != "" {
		b.WriteString("\t<link rel=\"prev\" href=\"" + esc(p.prev) + "\" />\n")
	}
	if p.next != "" {
		b.WriteString("\t<link rel=\"next\" href=\"" + esc(p.next) + "\" />\n")
	}
	b.WriteString("\t<link rel=\"stylesheet\" href=\"" + pre + "/css.php?css=public%3Anormalize.css%2Cpublic%3Acore.less&amp;s=1&amp;l=1\" />\n")
	b.WriteString("\t<link rel=\"alternate\" type=\"application/rss+xml\" title=\"RSS feed for " + siteName + "\" href=\"" + pre + "/forums/-/index.rss\" />\n")
	b.WriteString("</head>\n<body data-template=\"" + p.template + "\">\n<div class=\"p-pageWrapper\" id=\"top\">\n")
	f.header(&b)
	b.WriteString("<div class=\"p-body\">\n\t<div class=\"p-body-inner\">\n")
	f.breadcrumbs(&b, p.crumbs, false)
	if p.h1 != "" {
		b.WriteString("\t\t<div class=\"p-body-header\">\n\t\t\t<div class=\"p-title \">\n\t\t\t\t<h1 class=\"p-title-value\">" + esc(p.h1) + "</h1>\n\t\t\t</div>\n")
		if p.desc != "" {
			b.WriteString("\t\t\t<div class=\"p-description\">" + p.desc + "</div>\n")
		}
		b.WriteString("\t\t</div>\n")
	}
	b.WriteString("\t\t<div class=\"p-body-main  \">\n\t\t\t<div class=\"p-body-content\">\n\t\t\t\t<div class=\"p-body-pageContent\">\n")
	b.WriteString(p.body)
	b.WriteString("\t\t\t\t</div>\n\t\t\t</div>\n\t\t</div>\n")
	f.breadcrumbs(&b, p.crumbs, true)
	b.WriteString("\t</div>\n</div>\n")
	f.footer(&b)
	b.WriteString("</div>\n</body>\n</html>\n")
	return b.String()
}

// header writes the site header with its navigation: links a crawler of
// forum content must not follow (what's new, members, log in, search).
func (f *Forum) header(b *strings.Builder) {
	pre := f.cfg.Prefix
	b.WriteString(`<header class="p-header" id="header">
	<div class="p-header-inner"><div class="p-header-content">
		<div class="p-header-logo p-header-logo--image"><a href="` + pre + `/"><img src="` + pre + `/styles/default/xenforo/xenforo-logo.png" alt="` + siteName + `" /></a></div>
	</div></div>
</header>
<div class="p-navSticky p-navSticky--primary" data-xf-init="sticky-header">
	<nav class="p-nav"><div class="p-nav-inner">
		<div class="p-nav-scroller hScroller" data-xf-init="h-scroller"><div class="hScroller-scroll">
		<ul class="p-nav-list js-offCanvasNavSource">
			<li><div class="p-navEl is-selected" data-has-children="true"><a href="` + pre + `/" class="p-navEl-link p-navEl-link--splitMenu " data-nav-id="forums">Forums</a></div></li>
			<li><div class="p-navEl " data-has-children="true"><a href="` + pre + `/whats-new/" class="p-navEl-link p-navEl-link--splitMenu " data-nav-id="whatsNew">What's new</a></div></li>
			<li><div class="p-navEl " data-has-children="true"><a href="` + pre + `/members/" class="p-navEl-link p-navEl-link--splitMenu " data-nav-id="members">Members</a></div></li>
		</ul>
		</div></div>
		<div class="p-nav-opposite"><div class="p-navgroup p-account p-navgroup--guest">
			<a href="` + pre + `/login/" class="p-navgroup-link p-navgroup-link--textual p-navgroup-link--logIn" data-xf-click="overlay" data-follow-redirects="on"><span class="p-navgroup-linkText">Log in</span></a>
			<a href="` + pre + `/register/" class="p-navgroup-link p-navgroup-link--textual p-navgroup-link--register" data-xf-click="overlay" data-follow-redirects="on"><span class="p-navgroup-linkText">Register</span></a>
		</div>
		<div class="p-navgroup p-discovery">
			<a href="` + pre + `/whats-new/" class="p-navgroup-link p-navgroup-link--iconic p-navgroup-link--whatsnew" title="What&#039;s new"><i aria-hidden="true"></i><span class="p-navgroup-linkText">What's new</span></a>
			<a href="` + pre + `/search/" class="p-navgroup-link p-navgroup-link--iconic p-navgroup-link--search" data-xf-click="menu" data-xf-key="/" aria-label="Search" aria-expanded="false" aria-haspopup="true" title="Search"><i aria-hidden="true"></i><span class="p-navgroup-linkText">Search</span></a>
		</div></div>
	</div></nav>
</div>
`)
}

// breadcrumbs writes the breadcrumb list as XenForo 2 does.
func (f *Forum) breadcrumbs(b *strings.Builder, crumbs []CrumbTruth, bottom bool) {
	if len(crumbs) == 0 {
		return
	}
	cls := "p-breadcrumbs "
	if bottom {
		cls = "p-breadcrumbs p-breadcrumbs--bottom"
	}
	b.WriteString("\t\t<ul class=\"" + cls + "\"\n\t\t\titemscope itemtype=\"https://schema.org/BreadcrumbList\">\n")
	for i, c := range crumbs {
		b.WriteString("\t<li itemprop=\"itemListElement\" itemscope itemtype=\"https://schema.org/ListItem\">\n\t\t<a href=\"" + esc(c.Path) +
			"\" itemprop=\"item\">\n\t\t\t<span itemprop=\"name\">" + esc(c.Name) + "</span>\n\t\t</a>\n\t\t<meta itemprop=\"position\" content=\"" +
			strconv.Itoa(i+1) + "\" />\n\t</li>\n")
	}
	b.WriteString("\t\t</ul>\n")
}

// footer writes the site footer, with its links to help pages and an outside host.
func (f *Forum) footer(b *strings.Builder) {
	pre := f.cfg.Prefix
	b.WriteString(`<footer class="p-footer" id="footer">
	<div class="p-footer-inner">
		<div class="p-footer-row">
			<div class="p-footer-row-opposite">
				<ul class="p-footer-linkList">
					<li><a href="` + pre + `/misc/contact" data-xf-click="overlay">Contact us</a></li>
					<li><a href="` + pre + `/help/terms/">Terms and rules</a></li>
					<li><a href="` + pre + `/help/privacy-policy/">Privacy policy</a></li>
					<li><a href="` + pre + `/help/">Help</a></li>
					<li><a href="https://example.com/">Home</a></li>
					<li><a href="` + pre + `/forums/-/index.rss" target="_blank" class="p-footer-rssLink" title="RSS"><span aria-hidden="true"><i class="fa--xf far fa-rss" aria-hidden="true"></i><span class="u-srOnly">RSS</span></span></a></li>
				</ul>
			</div>
		</div>
		<div class="p-footer-copyright">
			<a href="https://example.com/forum-software" class="u-concealed" dir="ltr" target="_blank" rel="sponsored noopener">Community platform by XenForo<sup>&reg;</sup> <span class="copyright">&copy; 2010-2024 XenForo Ltd.</span></a>
		</div>
	</div>
</footer>
`)
}

// pageNav returns XenForo 2 page navigation for pages 1..last at cur, with
// page links from link(n) (link(1) is ".../" or, for some, ".../page-1").
func pageNav(cur, last int, link func(n int) string) string {
	if last <= 1 {
		return ""
	}
	var b strings.Builder
	b.WriteString("<div class=\"block-outer-main\"><nav class=\"pageNavWrapper pageNavWrapper--mixed \">\n<div class=\"pageNav  \">\n")
	if cur > 1 {
		b.WriteString("<a href=\"" + esc(link(cur-1)) + "\" class=\"pageNav-jump pageNav-jump--prev\">Prev</a>\n")
	}
	b.WriteString("<ul class=\"pageNav-main\">\n")
	lo, hi := max(2, cur-2), min(last-1, cur+2)
	item := func(n int) {
		cls := "pageNav-page "
		switch {
		case n == cur:
			cls += "pageNav-page--current "
		case n == cur-1 || n == cur-2:
			cls += "pageNav-page--earlier"
		case n == cur+1 || n == cur+2:
			cls += "pageNav-page--later"
		}
		b.WriteString("<li class=\"" + cls + "\"><a href=\"" + esc(link(n)) + "\">" + strconv.Itoa(n) + "</a></li>\n")
	}
	skip := func(end string) {
		b.WriteString("<li class=\"pageNav-page pageNav-page--skip pageNav-page--skip" + end +
			"\">\n<a data-xf-init=\"tooltip\" title=\"Go to page\" data-xf-click=\"menu\" role=\"button\" tabindex=\"0\" aria-expanded=\"false\" aria-haspopup=\"true\">…</a>\n</li>\n")
	}
	item(1)
	if lo > 2 {
		skip("Start")
	}
	for n := lo; n <= hi; n++ {
		item(n)
	}
	if hi < last-1 {
		skip("End")
	}
	item(last)
	b.WriteString("</ul>\n")
	if cur < last {
		b.WriteString("<a href=\"" + esc(link(cur+1)) + "\" class=\"pageNav-jump pageNav-jump--next\">Next</a>\n")
	}
	b.WriteString("</div>\n<div class=\"pageNavSimple\">\n<a class=\"pageNavSimple-el pageNavSimple-el--current\" data-xf-init=\"tooltip\" title=\"Go to page\" data-xf-click=\"menu\" role=\"button\" tabindex=\"0\" aria-expanded=\"false\" aria-haspopup=\"true\">\n" +
		strconv.Itoa(cur) + " of " + strconv.Itoa(last) + "\n</a>\n</div>\n</nav>\n</div>\n")
	return b.String()
}

package parser

import (
	"bytes"
	"net/url"
	"strings"

	"golang.org/x/net/html"
)

// GuessURL returns the URL a saved page names for itself: its
// <link rel="canonical"> or, failing that, its og:url; "" when it names none
// that is absolute http(s).
func GuessURL(body []byte) string {
	z := html.NewTokenizer(bytes.NewReader(body))
	var og string
	for {
		switch z.Next() {
		case html.ErrorToken:
			return og
		case html.StartTagToken, html.SelfClosingTagToken:
			t := z.Token()
			switch t.Data {
			case "link":
				if strings.EqualFold(tokenAttr(t, "rel"), "canonical") && absHTTP(tokenAttr(t, "href")) {
					return tokenAttr(t, "href")
				}
			case "meta":
				if tokenAttr(t, "property") == "og:url" && absHTTP(tokenAttr(t, "content")) && og == "" {
					og = tokenAttr(t, "content")
				}
			case "body":
				return og
			}
		}
	}
}

func tokenAttr(t html.Token, key string) string {
	for _, a := range t.Attr {
		if a.Key == key {
			return strings.TrimSpace(a.Val)
		}
	}
	return ""
}

func absHTTP(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

package parser

import (
	"strings"

	"golang.org/x/net/html"
)

// profileKey is a typed author field that a profile pair's label can name.
type profileKey int

const (
	keyNone profileKey = iota
	keyJoined
	keyMessages
	keyReactionScore
	keyPoints
	keyLocation
	keyCountry
)

// profileLabels maps lower-case labels, as engines show them in several
// languages, to the typed field they fill.
var profileLabels = map[string]profileKey{
	"joined": keyJoined, "join date": keyJoined, "registered": keyJoined, "member since": keyJoined,
	"registriert": keyJoined, "registriert seit": keyJoined, "mitglied seit": keyJoined, "dabei seit": keyJoined,
	"inscrit": keyJoined, "inscrit le": keyJoined, "enregistré le": keyJoined, "date d'enregistrement": keyJoined, "inscription": keyJoined, "date d'inscription": keyJoined,
	"regisztrált": keyJoined, "регистрация": keyJoined, "зарегистрирован": keyJoined, "iscritto": keyJoined,
	"registrado": keyJoined, "lid sinds": keyJoined,

	"messages": keyMessages, "posts": keyMessages, "post": keyMessages, "post count": keyMessages, "total posts": keyMessages,
	"beiträge": keyMessages, "nachrichten": keyMessages, "hozzászólások": keyMessages, "сообщения": keyMessages,
	"сообщений": keyMessages, "messaggi": keyMessages, "mensajes": keyMessages, "berichten": keyMessages,

	"reaction score": keyReactionScore, "likes": keyReactionScore, "likes received": keyReactionScore,
	"reactions": keyReactionScore, "reputation": keyReactionScore, "member's total reputation": keyReactionScore, "reaktionspunkte": keyReactionScore,
	"erhaltene likes": keyReactionScore, "score de réaction": keyReactionScore, "j'aime reçus": keyReactionScore,
	"симпатии": keyReactionScore, "реакции": keyReactionScore,

	"points": keyPoints, "trophy points": keyPoints, "punkte": keyPoints, "erfolgspunkte": keyPoints,
	"баллы": keyPoints,

	"location": keyLocation, "ort": keyLocation, "wohnort": keyLocation, "localisation": keyLocation,
	"lieu": keyLocation, "откуда": keyLocation, "город": keyLocation, "ubicación": keyLocation,

	"country": keyCountry, "land": keyCountry, "pays": keyCountry, "страна": keyCountry, "país": keyCountry,
}

// labelKey returns the typed field a profile label names, or keyNone.
func labelKey(label string) profileKey {
	l := strings.TrimRight(strings.TrimSpace(label), ":： ")
	var buf [32]byte
	if len(l) <= len(buf) && isASCII(l) { // most labels: lower-cased without allocating
		for i := 0; i < len(l); i++ {
			c := l[i]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf[i] = c
		}
		return profileLabels[string(buf[:len(l)])]
	}
	return profileLabels[strings.ToLower(l)]
}

// isASCII reports whether s holds only ASCII bytes.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// setTyped fills a's typed field named by label from value, reading dates
// with readDate; it keeps what is already set when a label repeats.
func (a *Author) setTyped(label, value string, readDate func(string) (Date, bool)) {
	switch labelKey(label) {
	case keyJoined:
		if d, ok := readDate(value); ok && a.Joined == nil {
			a.Joined = &d
		}
	case keyMessages:
		setCount(&a.Messages, value)
	case keyReactionScore:
		setCount(&a.ReactionScore, value)
	case keyPoints:
		setCount(&a.Points, value)
	case keyLocation:
		if a.Location == "" {
			a.Location = value
		}
	case keyCountry:
		if a.Country == "" {
			a.Country = value
		}
	}
}

func setCount(dst **int64, value string) {
	if *dst != nil {
		return
	}
	if n, ok := ParseCount(value); ok {
		*dst = &n
	}
}

// displayValue returns what n shows: its text, or when it shows only an
// image or an icon, that image's title, else its alt, else the icon's tooltip.
func displayValue(n *html.Node) string {
	if n == nil {
		return ""
	}
	if t := nodeText(n); t != "" {
		return t
	}
	var img, titled *html.Node
	var find func(*html.Node)
	find = func(c *html.Node) {
		if c.Type != html.ElementNode || (img != nil && titled != nil) {
			return
		}
		if img == nil && c.Data == "img" {
			img = c
		}
		if titled == nil && attr(c, "title") != "" {
			titled = c
		}
		for k := c.FirstChild; k != nil; k = k.NextSibling {
			find(k)
		}
	}
	find(n)
	if img != nil {
		if v := strings.TrimSpace(attr(img, "title")); v != "" {
			return v
		}
		if v := strings.TrimSpace(attr(img, "alt")); v != "" {
			return v
		}
	}
	if titled != nil {
		return strings.TrimSpace(attr(titled, "title"))
	}
	return ""
}

package fetch

import (
	"bytes"
	"net/http"
	"strings"
)

// challengeMarkers are strings that only anti-bot challenge pages carry,
// with who sets them. Checked in order, on 403, 429 and 503 replies only.
var challengeMarkers = []struct{ marker, vendor string }{
	{"/cdn-cgi/challenge-platform/", "Cloudflare"},
	{"cf-browser-verification", "Cloudflare"},
	{"_cf_chl_", "Cloudflare"},
	{"<title>Just a moment...</title>", "Cloudflare"},
	{"Attention Required! | Cloudflare", "Cloudflare"},
	{"cf-turnstile", "Cloudflare"},
	{"DDoS-Guard", "DDoS-Guard"},
	{"_Incapsula_Resource", "Imperva"},
	{"sucuri_cloudproxy", "Sucuri"},
	{"px-captcha", "PerimeterX"},
	{"geo.captcha-delivery.com", "DataDome"},
	{"Checking your browser before accessing", "a JavaScript check"},
	{"g-recaptcha", "captcha"},
	{"h-captcha", "captcha"},
	{"hcaptcha.com", "captcha"},
}

// challengeVendor returns who set the anti-bot challenge a response is, or
// "" when it is not one. A challenge is a 403, 429 or 503 whose header
// says so (Cloudflare's cf-mitigated) or whose body carries a marker.
func challengeVendor(status int, h http.Header, body []byte) string {
	if status != http.StatusForbidden && status != http.StatusServiceUnavailable && status != http.StatusTooManyRequests {
		return ""
	}
	if strings.EqualFold(h.Get("Cf-Mitigated"), "challenge") {
		return "Cloudflare"
	}
	head := body[:min(len(body), 64<<10)]
	for _, m := range challengeMarkers {
		if bytes.Contains(head, []byte(m.marker)) {
			return m.vendor
		}
	}
	return ""
}

// sniffHTML sets the Content-Type of a response whose server sent none or a
// generic binary type to "text/html" when the body is HTML; the charset
// is left for the decoder to find (the sniffer always claims UTF-8).
func sniffHTML(h http.Header, body []byte) {
	ct := strings.ToLower(strings.TrimSpace(h.Get("Content-Type")))
	if ct != "" && !strings.HasPrefix(ct, "application/octet-stream") && !strings.HasPrefix(ct, "binary/octet-stream") {
		return
	}
	if strings.HasPrefix(http.DetectContentType(body), "text/html") {
		h.Set("Content-Type", "text/html")
	}
}

package fetch

import (
	"fmt"
	"net/textproto"
	"net/url"
	"strings"
)

// ParseHeader returns the name and value of a "Name: value" header
// argument. Errors name the header, never its value.
func ParseHeader(s string) (string, string, error) {
	name, value, ok := strings.Cut(s, ":")
	name = strings.TrimSpace(name)
	if !ok || name == "" {
		return "", "", fmt.Errorf("header %q: want 'Name: value'", redactHeaderArg(s))
	}
	for _, r := range name {
		if r <= ' ' || r >= 0x7f || strings.ContainsRune("()<>@,;:\\\"/[]?={}", r) {
			return "", "", fmt.Errorf("header %q: bad character %q in the name", name, r)
		}
	}
	value = strings.TrimSpace(value)
	if strings.ContainsAny(value, "\r\n\x00") {
		return "", "", fmt.Errorf("header %s: the value holds a line break", name)
	}
	name = textproto.CanonicalMIMEHeaderKey(name)
	switch name {
	case "Accept-Encoding", "Content-Length", "Transfer-Encoding", "Connection", "Host":
		return "", "", fmt.Errorf("header %s: set by forumcrawl itself, not settable", name)
	}
	return name, value, nil
}

// redactHeaderArg returns a header argument shortened to its name for messages.
func redactHeaderArg(s string) string {
	if i := strings.IndexByte(s, ':'); i >= 0 {
		return s[:i] + ": ..."
	}
	if len(s) > 20 {
		return s[:20] + "..."
	}
	return s
}

// ParseProxy returns a proxy URL (http, https, socks5 or socks5h) checked
// for use. The error never shows the URL's password.
func ParseProxy(s string) (*url.URL, error) {
	u, err := url.Parse(s)
	if err != nil {
		return nil, fmt.Errorf("proxy URL: %w", redactURLError(err))
	}
	switch u.Scheme {
	case "http", "https", "socks5", "socks5h":
	default:
		return nil, fmt.Errorf("proxy %s: scheme %q not supported (want http, https, socks5 or socks5h)", u.Redacted(), u.Scheme)
	}
	if u.Hostname() == "" {
		return nil, fmt.Errorf("proxy %s: no host", u.Redacted())
	}
	if u.Path != "" && u.Path != "/" {
		return nil, fmt.Errorf("proxy %s: a proxy URL has no path", u.Redacted())
	}
	return u, nil
}

// redactURLError drops the URL (which may hold a password) from a url.Error.
func redactURLError(err error) error {
	if ue, ok := err.(*url.Error); ok {
		return ue.Err
	}
	return err
}

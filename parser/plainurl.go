package parser

import (
	"net/url"
	"strings"
)

// plainAbsolute reports whether ref is an absolute http(s) URL that
// resolving gives back unchanged: url.Parse, ResolveReference against any
// base and String write exactly ref again. It holds for the plain shape
// most forums write their links in (SMF writes every link absolute), and
// saves a parse and a print per link: a lower-case scheme; a host of
// letters, digits, dots, hyphens and underscores, with an optional port of
// digits; a path that is empty or starts with one "/", has no "." or ".."
// segment (ResolveReference removes them) and only bytes String does not
// escape and no "%" (Parse would keep its own spelling of an escape);
// a query of printable ASCII; a fragment of the bytes String does not
// escape. Anything else answers false, and is resolved as before
// (TestResolveParsedEveryFixtureLink checks every link of every fixture,
// TestPlainAbsoluteMadeUp 2.2M made-up ones).
func plainAbsolute(ref string) bool {
	rest, ok := strings.CutPrefix(ref, "http://")
	if !ok {
		if rest, ok = strings.CutPrefix(ref, "https://"); !ok {
			return false
		}
	}
	i := 0
	for i < len(rest) && (isAlnum(rest[i]) || rest[i] == '.' || rest[i] == '-' || rest[i] == '_') {
		i++
	}
	if i == 0 {
		return false
	}
	if i < len(rest) && rest[i] == ':' {
		i++
		for i < len(rest) && isDigit(rest[i]) {
			i++
		}
	}
	return plainRest(rest[i:])
}

// plainRest reports whether what follows the host in a URL (its path,
// query and fragment) is in plainAbsolute's shape.
func plainRest(rest string) bool {
	path, query, fragment := rest, "", ""
	hasFragment := false
	if k := strings.IndexByte(path, '#'); k >= 0 {
		path, fragment, hasFragment = path[:k], path[k+1:], true
	}
	if k := strings.IndexByte(path, '?'); k >= 0 { // "?" alone: Parse sets ForceQuery, String writes it back
		path, query = path[:k], path[k+1:]
	}
	if path != "" && (path[0] != '/' || strings.HasPrefix(path, "//")) {
		return false
	}
	if !plainPath(path) || (hasFragment && fragment == "") {
		return false
	}
	for i := 0; i < len(query); i++ {
		if c := query[i]; c <= ' ' || c >= 0x7f {
			return false
		}
	}
	for i := 0; i < len(fragment); i++ {
		if !plainPathByte(fragment[i]) && fragment[i] != '?' {
			return false
		}
	}
	return true
}

// plainPath reports whether every byte of path is one String leaves as it
// is, and no segment is "." or "..".
func plainPath(path string) bool {
	for i := 0; i < len(path); i++ {
		if !plainPathByte(path[i]) {
			return false
		}
		if path[i] == '.' && (i == 0 || path[i-1] == '/') {
			j := i + 1
			if j < len(path) && path[j] == '.' {
				j++
			}
			if j == len(path) || path[j] == '/' {
				return false
			}
		}
	}
	return true
}

// plainPathByte reports whether url.URL.String writes c in a path as it is.
func plainPathByte(c byte) bool {
	if isAlnum(c) {
		return true
	}
	switch c {
	case '-', '.', '_', '~', '$', '&', '+', ',', '/', ':', ';', '=', '@':
		return true
	}
	return false
}

// isAlnum reports whether c is an ASCII letter or digit.
func isAlnum(c byte) bool {
	return isDigit(c) || ('a' <= c|0x20 && c|0x20 <= 'z')
}

// plainRelative returns what resolving ref against base gives, and true,
// when both are in a plain shape where that is a join of strings: base an
// http(s) URL as reparses wants it, with a path of plain bytes that starts
// with "/" and has no dot segment; ref a path of plain bytes without ":"
// or dot segments (but for one leading "./"), absolute ("/x", not "//x")
// or relative ("x", "./x"), then a plain query and fragment as in
// plainAbsolute. Else it returns false and ref is resolved as before
// (TestResolveParsedEveryFixtureLink checks every link of every fixture,
// TestPlainRelativeMadeUp 15M made-up references against six bases).
func plainRelative(base *url.URL, ref string) (string, bool) {
	if base == nil || !reparses(base) || base.Path == "" || base.Path[0] != '/' || strings.HasPrefix(base.Path, "//") || !plainPath(base.Path) {
		return "", false
	}
	path, tail := ref, ""
	if k := strings.IndexAny(ref, "?#"); k >= 0 {
		path, tail = ref[:k], ref[k:]
	}
	if p, ok := strings.CutPrefix(path, "./"); ok {
		if strings.HasPrefix(p, "/") { // ".//x" is relative: left to url.Parse
			return "", false
		}
		path = p
	}
	if path == "" || strings.HasPrefix(path, "//") || strings.IndexByte(path, ':') >= 0 || !plainPath(path) {
		return "", false
	}
	if !plainRest(tail) {
		return "", false
	}
	var b strings.Builder
	b.Grow(len(base.Scheme) + 3 + len(base.Host) + len(base.Path) + len(ref))
	b.WriteString(base.Scheme)
	b.WriteString("://")
	b.WriteString(base.Host)
	if path[0] != '/' {
		b.WriteString(base.Path[:strings.LastIndexByte(base.Path, '/')+1])
	}
	b.WriteString(path)
	b.WriteString(tail)
	return b.String(), true
}

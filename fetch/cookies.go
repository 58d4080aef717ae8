package fetch

import (
	"bufio"
	"fmt"
	"io"
	"net/http"
	"os"
	"strconv"
	"strings"
	"time"
)

// Cookie is one cookie of a Netscape cookies.txt file, for the hosts it
// matches. Its value must never be logged.
type Cookie struct {
	Domain     string // without a leading dot
	Subdomains bool   // also sent to subdomains of Domain
	Path       string
	Secure     bool // sent over https only
	Expires    time.Time
	Name       string
	Value      string
}

// LoadCookies reads a Netscape cookies.txt file (as browser extensions and
// curl export it). Lines that are not cookies are skipped, each named in
// the returned warnings; the error is for a file that cannot be read.
func LoadCookies(path string) ([]Cookie, []string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, fmt.Errorf("cookies file: %w", err)
	}
	defer f.Close()
	cs, warns, err := ParseCookies(f, path, time.Now())
	if err != nil {
		return nil, warns, err
	}
	return cs, warns, nil
}

// ParseCookies reads cookies.txt lines from r (name is the file's name in
// warnings); cookies expired at now are left out.
func ParseCookies(r io.Reader, name string, now time.Time) ([]Cookie, []string, error) {
	var out []Cookie
	var warns []string
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimRight(sc.Text(), "\r")
		if rest, ok := strings.CutPrefix(line, "#HttpOnly_"); ok {
			line = rest
		} else if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		c, err := parseCookieLine(line)
		if err != nil {
			warns = append(warns, fmt.Sprintf("%s line %d: %v; line skipped", name, n, err))
			continue
		}
		if !c.Expires.IsZero() && c.Expires.Before(now) {
			warns = append(warns, fmt.Sprintf("%s line %d: cookie %s expired on %s; skipped", name, n, c.Name, c.Expires.Format(time.DateOnly)))
			continue
		}
		out = append(out, c)
	}
	if err := sc.Err(); err != nil {
		return out, warns, fmt.Errorf("read %s: %w", name, err)
	}
	return out, warns, nil
}

// parseCookieLine parses "domain flag path secure expiry name value",
// tab-separated. Errors never quote the value.
func parseCookieLine(line string) (Cookie, error) {
	f := strings.Split(line, "\t")
	if len(f) != 7 {
		return Cookie{}, fmt.Errorf("want 7 tab-separated fields, got %d", len(f))
	}
	c := Cookie{Path: f[2], Name: f[5], Value: f[6]}
	c.Domain = strings.ToLower(strings.TrimPrefix(f[0], "."))
	if c.Domain == "" {
		return c, fmt.Errorf("empty domain")
	}
	var err error
	if c.Subdomains, err = cookieBool(f[1]); err != nil {
		return c, fmt.Errorf("subdomain flag: %w", err)
	}
	c.Subdomains = c.Subdomains || strings.HasPrefix(f[0], ".")
	if c.Secure, err = cookieBool(f[3]); err != nil {
		return c, fmt.Errorf("secure flag: %w", err)
	}
	exp, err := strconv.ParseInt(f[4], 10, 64)
	if err != nil {
		return c, fmt.Errorf("expiry %q is not a number", f[4])
	}
	if exp > 0 {
		c.Expires = time.Unix(exp, 0)
	}
	if c.Name == "" || strings.ContainsAny(c.Name, "=; ") {
		return c, fmt.Errorf("bad cookie name")
	}
	if strings.ContainsAny(c.Value, ";\r\n") {
		return c, fmt.Errorf("cookie %s: value holds ';' or a line break", c.Name)
	}
	if c.Path == "" {
		c.Path = "/"
	}
	return c, nil
}

func cookieBool(s string) (bool, error) {
	switch strings.ToUpper(s) {
	case "TRUE":
		return true, nil
	case "FALSE":
		return false, nil
	}
	return false, fmt.Errorf("%q is not TRUE or FALSE", s)
}

// matches reports whether c is sent with a request to u's host and path.
func (c *Cookie) matches(scheme, host, path string) bool {
	if c.Secure && scheme != "https" {
		return false
	}
	host = strings.ToLower(host)
	if host != c.Domain && !(c.Subdomains && strings.HasSuffix(host, "."+c.Domain)) {
		return false
	}
	if !strings.HasPrefix(path, c.Path) {
		return false
	}
	return len(path) == len(c.Path) || strings.HasSuffix(c.Path, "/") || path[len(c.Path)] == '/'
}

// addCookies adds the cookies that match req to its Cookie header, after
// any the crawl's own jar put there.
func addCookies(req *http.Request, cs []Cookie) {
	var b strings.Builder
	for i := range cs {
		c := &cs[i]
		if !c.matches(req.URL.Scheme, req.URL.Hostname(), req.URL.EscapedPath()) {
			continue
		}
		if b.Len() > 0 {
			b.WriteString("; ")
		}
		b.WriteString(c.Name + "=" + c.Value)
	}
	if b.Len() == 0 {
		return
	}
	if old := req.Header.Get("Cookie"); old != "" {
		req.Header.Set("Cookie", old+"; "+b.String())
		return
	}
	req.Header.Set("Cookie", b.String())
}

package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/forumcrawl/forumcrawl/parser"
	"github.com/forumcrawl/forumcrawl/scraper"
)

const detectExamples = `  forumcrawl detect https://forum.example.com/threads/hello.345/
  forumcrawl detect saved-thread.html saved-board.html
  forumcrawl detect --selectors my-skin.yaml saved-thread.html
`

// maxDetectBody caps the page detect fetches, as the crawler caps its pages by default.
const maxDetectBody = 8 << 20

// runDetect is the detect command: for each page (a URL, fetched once, or a
// saved file) the engine chosen, its score and evidence, the page kind and
// the runners-up. A page no engine claims makes it exit 1.
func runDetect(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("detect", "forumcrawl detect [flags] URL|FILE...", detectExamples, stderr)
	pageURL := fs.String("url", "", "for files: the `URL` they were served from (default: each page's canonical link)")
	selectors := fs.String("selectors", "", "selector overrides for custom skins, a YAML `file` (see forumcrawl selectors)")
	timeout := fs.Duration("timeout", 30*time.Second, "timeout of the request for a URL")
	ua := fs.String("user-agent", scraper.DefaultUserAgent, "User-Agent header")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return flagExit(err)
	}
	if len(pos) == 0 {
		fmt.Fprintln(stderr, "forumcrawl detect: no URL or file given (see forumcrawl detect --help)")
		return exitUsage
	}
	for _, a := range pos {
		if isWebURL(a) {
			if _, err := scraper.ValidateStart(a); err != nil {
				fmt.Fprintln(stderr, "forumcrawl detect:", err)
				return exitUsage
			}
		}
	}
	overrides, err := loadSelectors(*selectors)
	if err != nil {
		fmt.Fprintln(stderr, "forumcrawl detect:", err)
		return exitUsage
	}
	p, err := parser.New(parser.Options{Overrides: overrides})
	if err != nil {
		fmt.Fprintln(stderr, "forumcrawl detect:", err)
		return exitUsage
	}
	code := exitOK
	for i, a := range pos {
		if ctx.Err() != nil {
			return 130
		}
		u, body, err := "", []byte(nil), error(nil)
		if isWebURL(a) {
			u, body, err = fetchOne(ctx, a, *ua, *timeout)
		} else {
			u, body, err = readPage(a, *pageURL)
		}
		if err != nil {
			fmt.Fprintf(stderr, "forumcrawl detect: %s: %v\n", a, err)
			code = exitPartial
			continue
		}
		if i > 0 {
			fmt.Fprintln(stdout)
		}
		if page := report(stdout, a, u, body, p); page.Engine == "" {
			msg := strings.Join(page.Warnings, "; ")
			if !strings.Contains(msg, "closest") {
				msg += " (closest: none; no engine found any of its markers)"
			}
			fmt.Fprintf(stderr, "forumcrawl detect: %s: %s\n", a, msg)
			code = exitPartial
		}
	}
	return code
}

// isWebURL reports whether a command-line argument names a page on the web rather than a file.
func isWebURL(a string) bool {
	return strings.HasPrefix(a, "http://") || strings.HasPrefix(a, "https://")
}

// fetchOne fetches one page with a single GET (following redirects) and
// returns its final URL and its body as UTF-8.
func fetchOne(ctx context.Context, rawURL, ua string, timeout time.Duration) (string, []byte, error) {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, rawURL, nil)
	if err != nil {
		return "", nil, err
	}
	req.Header.Set("User-Agent", ua)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return "", nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return "", nil, fmt.Errorf("status %s", resp.Status)
	}
	raw, err := io.ReadAll(io.LimitReader(resp.Body, maxDetectBody))
	if err != nil {
		return "", nil, err
	}
	body, _ := parser.Decode(raw, resp.Header.Get("Content-Type")) // on error, the bytes as they are
	return resp.Request.URL.String(), body, nil
}

// readPage reads a saved page and returns the URL it was served from
// (given, else its canonical link, else "") and its body as UTF-8.
func readPage(file, given string) (string, []byte, error) {
	raw, err := os.ReadFile(file)
	if err != nil {
		return "", nil, err
	}
	body, _ := parser.Decode(raw, "")
	u := given
	if u == "" {
		u = parser.GuessURL(body)
	}
	return u, body, nil
}

// report writes what detection and parsing say of one page (at URL u, ""
// when unknown) and returns the parsed page.
func report(w io.Writer, arg, u string, body []byte, p *parser.Parser) *parser.Page {
	ds := p.Detect(body)
	at := u
	if at == "" {
		at = "http://unknown.invalid/" // the kind does not depend on the URL
	}
	page, err := p.Parse(at, body)
	if err != nil {
		page = &parser.Page{Kind: parser.KindUnknown, Warnings: []string{err.Error()}}
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	defer tw.Flush()
	fmt.Fprintf(tw, "%s\n", arg)
	switch {
	case u == "":
		fmt.Fprintf(tw, "  url\t(the page names none; give it with --url)\n")
	case u != arg:
		fmt.Fprintf(tw, "  url\t%s\n", u)
	}
	chosen := page.Engine
	switch {
	case chosen == "":
		fmt.Fprintf(tw, "  engine\tnone\n")
	case len(ds) > 0 && ds[0].Engine.Name == chosen:
		fmt.Fprintf(tw, "  engine\t%s (score %d)\n", chosen, ds[0].Score)
	default: // a JSON API response, which markup markers do not score
		fmt.Fprintf(tw, "  engine\t%s\n", chosen)
	}
	if chosen != "" {
		fmt.Fprintf(tw, "  evidence\t%s\n", strings.Join(page.Evidence, "; "))
	}
	kind := string(page.Kind)
	switch page.Kind {
	case parser.KindThread:
		kind += fmt.Sprintf(" (%d posts)", len(page.Posts))
	case parser.KindBoard:
		kind += fmt.Sprintf(" (%d threads)", len(page.Board.Threads))
	case parser.KindIndex:
		kind += fmt.Sprintf(" (%d boards)", len(page.Boards))
	}
	fmt.Fprintf(tw, "  kind\t%s\n", kind)
	var runners []string
	for _, d := range ds {
		if d.Engine.Name == chosen || d.Score == 0 {
			continue
		}
		r := fmt.Sprintf("%s (score %d", d.Engine.Name, d.Score)
		if len(d.Evidence) > 0 {
			r += ": " + strings.Join(d.Evidence, "; ")
		}
		runners = append(runners, r+")")
	}
	first := "runners-up"
	if chosen == "" {
		first = "candidates"
	}
	if len(runners) == 0 {
		runners = []string{"none (no other engine found any of its markers)"}
	}
	for i, r := range runners {
		label := ""
		if i == 0 {
			label = first
		}
		fmt.Fprintf(tw, "  %s\t%s\n", label, r)
	}
	if chosen != "" {
		for _, warn := range page.Warnings {
			fmt.Fprintf(tw, "  warning\t%s\n", warn)
		}
	}
	return page
}

package main

import (
	"fmt"
	"io"
	"os"
	"time"

	"github.com/forumcrawl/forumcrawl/parser"
)

// explainFile prints how the generic extractor reads the saved page f:
// the reading it took and why, the runners-up, the posts it gives, and the
// fields' selectors as a selector file to start a --selectors override
// from. engine names the file's engine key; "" takes the engine detection
// finds closest. It returns the exit code for the file.
func explainFile(p *parser.Parser, f, pageURL, engine string, stdout, stderr io.Writer) int {
	raw, err := os.ReadFile(f)
	if err != nil {
		fmt.Fprintln(stderr, "forumcrawl parse:", err)
		return exitPartial
	}
	body, err := parser.Decode(raw, "")
	if err != nil {
		fmt.Fprintf(stderr, "forumcrawl parse: %s: %v\n", f, err)
	}
	if pageURL == "" {
		pageURL = parser.GuessURL(body)
	}
	if pageURL == "" {
		fmt.Fprintf(stderr, "forumcrawl parse: %s: the page names no URL of its own; give it with --url\n", f)
		return exitUsage
	}
	ex, err := p.Explain(pageURL, body, time.Now())
	if err != nil {
		fmt.Fprintf(stderr, "forumcrawl parse: %s: %v\n", f, err)
		return exitPartial
	}
	if engine == "" || engine == parser.GenericEngine {
		engine = "ENGINE" // the user's choice: the engine whose table the selectors replace
		if ds := p.Detect(body); len(ds) > 0 && ds[0].Score > 0 {
			engine = ds[0].Engine.Name
		}
	}
	writeExplanation(stdout, f, ex, engine)
	if ex.Kind == parser.KindUnknown {
		return exitPartial
	}
	return exitOK
}

// writeExplanation prints an explanation for a person, then as YAML.
func writeExplanation(w io.Writer, f string, ex *parser.Explanation, engine string) {
	fmt.Fprintf(w, "# %s\n# page %s\n# read as: %s (confidence %.2f; a thread from %.2f)\n", f, ex.URL, ex.Kind, ex.Confidence, parser.GenericThreshold)
	if c := ex.Chosen; c != nil {
		fmt.Fprintf(w, "# chosen: %d records, one per date of %q; %d with an author, %d with a text, %d of mostly links",
			c.Records, c.DateSignature, c.WithAuthor, c.WithBody, c.LinkBodies)
		if c.LeadPost {
			fmt.Fprint(w, "; the first post, styled apart, added")
		}
		fmt.Fprintln(w)
	}
	for _, o := range ex.Others {
		fmt.Fprintf(w, "# runner-up: %d records of %q, score %.0f (%d with an author, %d with a text)\n",
			o.Records, o.DateSignature, o.Score, o.WithAuthor, o.WithBody)
	}
	for i, p := range ex.Posts {
		if i == 10 {
			fmt.Fprintf(w, "# ... %d posts in all\n", len(ex.Posts))
			break
		}
		fmt.Fprintf(w, "# post %d: %q, %q, %s: %.60q\n", i+1, p.Author.Name, p.DateRaw, p.URL, p.BodyText)
	}
	fmt.Fprintf(w, "# As a selector file (forumcrawl parse --selectors FILE): keep the engine key\n# below (or write the engine the site runs), and the fields you need.\n")
	fmt.Fprint(w, ex.YAML(engine))
}

package fetch_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"

	"github.com/forumcrawl/forumcrawl/fetch"
)

// A crawl's HTTP client goes through the polite transport: robots.txt is
// obeyed, and a disallowed page is refused with a typed error.
func ExampleNew() {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			fmt.Fprint(w, "User-agent: *\nDisallow: /members/\n")
			return
		}
		fmt.Fprint(w, "<html><body>a thread</body></html>")
	}))
	defer srv.Close()

	tr, err := fetch.New(context.Background(), fetch.Options{Start: srv.URL + "/", Rate: 10})
	if err != nil {
		fmt.Println(err)
		return
	}
	client := &http.Client{Transport: tr}
	resp, err := client.Get(srv.URL + "/threads/hello.1/")
	if err == nil {
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		fmt.Println(resp.StatusCode, string(body))
	}
	_, err = client.Get(srv.URL + "/members/bob.2/")
	var de *fetch.DisallowedError
	fmt.Println(errors.As(err, &de), de.SkipReason())
	// Output:
	// 200 <html><body>a thread</body></html>
	// true robots
}

package storage_test

import (
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/forumcrawl/forumcrawl/parser"
	"github.com/forumcrawl/forumcrawl/storage"
)

func ExampleOpenJSONL() {
	dir, err := os.MkdirTemp("", "forumcrawl-example")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "posts.jsonl")

	w, err := storage.OpenJSONL(path, storage.JSONLOptions{})
	if err != nil {
		log.Fatal(err) // e.g. the directory does not exist
	}
	defer w.Close()

	post := func(id, text string) storage.Record {
		return storage.Record{
			SchemaVersion: storage.SchemaVersion,
			Site:          "forums.example.com",
			Engine:        "xenforo2",
			PageURL:       "https://forums.example.com/threads/hello.1/",
			FetchedAt:     time.Date(2025, 3, 14, 9, 26, 53, 0, time.UTC),
			Thread:        parser.Thread{ID: "1", Title: "Hello", Page: 1, LastPage: 1},
			Post:          parser.Post{ID: id, BodyText: text, BodyHTML: "<b>" + text + "</b>"},
			Author:        parser.Author{Name: "vostok", ID: "136215"},
		}
	}
	// The second page repeats post 2, as a page does when a post was added
	// between two fetches: it is written once.
	n1, _ := w.WritePage([]storage.Record{post("1", "first"), post("2", "second")})
	n2, _ := w.WritePage([]storage.Record{post("2", "second"), post("3", "third")})
	if err := w.Close(); err != nil {
		log.Fatal(err)
	}
	fmt.Println("written:", n1, n2, "total:", w.Count())

	b, err := os.ReadFile(path)
	if err != nil {
		log.Fatal(err)
	}
	first, _, _ := strings.Cut(string(b), "\n")
	_, html, _ := strings.Cut(first, `"body_html":`)
	html, _, _ = strings.Cut(html, ",")
	fmt.Println(html) // not escaped to \u003cb\u003e
	// Output:
	// written: 2 1 total: 3
	// "<b>first</b>"
}

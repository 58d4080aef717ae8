package parser

// Discourse returns the rules of Discourse: its JSON API and the server-rendered crawler view.
// Not written yet: without markers it never claims a page.
func Discourse() *Engine {
	return &Engine{Name: "discourse"}
}

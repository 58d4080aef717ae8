package parser

// MyBB returns the rules of MyBB 1.8.
// Not written yet: without markers it never claims a page.
func MyBB() *Engine {
	return &Engine{Name: "mybb"}
}

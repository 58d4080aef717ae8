package parser

// Vanilla returns the rules of Vanilla Forums 2/3.
// Not written yet: without markers it never claims a page.
func Vanilla() *Engine {
	return &Engine{Name: "vanilla"}
}

package parser

// SMF returns the rules of Simple Machines Forum 1.1 and 2.x.
// Not written yet: without markers it never claims a page.
func SMF() *Engine {
	return &Engine{Name: "smf"}
}

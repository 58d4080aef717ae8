package parser

// Invision returns the rules of Invision Community 4/5 (and IP.Board 2/3 listings).
// Not written yet: without markers it never claims a page.
func Invision() *Engine {
	return &Engine{Name: "invision"}
}

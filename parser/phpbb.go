package parser

// PhpBB returns the rules of phpBB 3.0-3.3 (prosilver and derivatives, subsilver2-style tables).
// Not written yet: without markers it never claims a page.
func PhpBB() *Engine {
	return &Engine{Name: "phpbb"}
}

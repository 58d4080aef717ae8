package parser

// VBulletin returns the rules of vBulletin 3.x, 4.x and 5.x, and heavily customised vBulletin 2 skins.
// Not written yet: without markers it never claims a page.
func VBulletin() *Engine {
	return &Engine{Name: "vbulletin"}
}

package parser

// XenForo1 returns the rules of XenForo 1.x (messageList, messageUserInfo, extraUserInfo).
// Not written yet: without markers it never claims a page.
func XenForo1() *Engine {
	return &Engine{Name: "xenforo1"}
}

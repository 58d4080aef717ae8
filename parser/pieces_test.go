package parser

// eachText calls f with every text made of up to n of the pieces (each
// piece any number of times, in every order), the empty text first: the
// tests that check a hand-written reader against the regexp or the code
// it replaces run both on every such text.
func eachText(pieces []string, n int, f func(string)) {
	var grow func(s string, n int)
	grow = func(s string, n int) {
		f(s)
		if n == 0 {
			return
		}
		for _, p := range pieces {
			grow(s+p, n-1)
		}
	}
	grow("", n)
}

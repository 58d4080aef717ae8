package parser

// Eight bytes at a time: most of a page's text is words joined by single
// spaces, which writeFolded copies as they are. Its byte loop spent about a
// nanosecond a byte deciding so; proseEnd decides for eight bytes at once.

const (
	ones  = 0x0101010101010101 // 0x01 in each byte
	highs = 0x8080808080808080 // each byte's high bit
	lows  = 0x7F7F7F7F7F7F7F7F // each byte's other bits
)

// proseEnd returns i moved on by whole blocks of eight bytes that
// writeFolded keeps in one run (see proseBlock), as long as a block that
// ends in a space is followed by a printable ASCII character other than a
// space. The byte before s[i] must not be a space when s[i] is one (true
// inside a run, which starts at a word and takes a space only before
// another word).
func proseEnd(s string, i int) int {
	for i+8 <= len(s) {
		x := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
			uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
		if !proseBlock(x) {
			break
		}
		if x>>56 == ' ' && (i+8 == len(s) || s[i+8] <= ' ' || s[i+8] >= 0x7F) {
			break // a space that may end the run: the byte loop decides
		}
		i += 8
	}
	return i
}

// proseBlock reports whether no byte of x is below 0x20 (a space other
// than ' ', or a control byte), none is 0xC2, 0xE2 or 0xEF (the lead bytes
// of U+00A0, U+200B and U+FEFF, the spaces spaceAt decodes), and no two
// neighbouring bytes are spaces: the other bytes, ASCII or parts of other
// characters, stay in writeFolded's run one by one. The test for bytes
// below 0x20 is exact as an "any byte" test: a borrow that spills into the
// next byte comes only from a byte that already failed.
func proseBlock(x uint64) bool {
	if (x-0x20*ones)&^x&highs != 0 {
		return false
	}
	if x&highs != 0 && zeroBytes(x^0xC2*ones)|zeroBytes(x^0xE2*ones)|zeroBytes(x^0xEF*ones) != 0 {
		return false
	}
	sp := zeroBytes(x ^ 0x20*ones)
	return sp&(sp>>8) == 0
}

// zeroBytes returns y with the high bit set in each byte that is 0, and
// every other bit clear.
func zeroBytes(y uint64) uint64 {
	return ^(((y & lows) + lows) | y | lows)
}

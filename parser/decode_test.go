package parser

import (
	"strings"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// forumText is a post in several scripts, for the encodings that hold it.
var forumText = map[string]string{
	"cyrillic": "Здравствуйте! Подскажите, пожалуйста, как настроить форум. Спасибо за помощь, уважаемые участники.",
	"latin":    "Café crème, naïve façade – “quoted” and the price is 5 € … Grüße aus Köln, señor.",
	"latin1":   "Café crème, naïve façade, Grüße aus Köln, señor. Ça va très bien, merci à tous.",
	"latin9":   "Le prix est de 5 € pour l'œuvre complète, merci à tous.",
	"japanese": "こんにちは。このフォーラムの設定方法を教えてください。よろしくお願いします。日本語の掲示板です。",
	"chinese":  "大家好，请问这个论坛怎么设置？谢谢大家的帮助。这是一个中文论坛，欢迎大家发帖讨论问题。",
	"korean":   "안녕하세요. 이 포럼을 설정하는 방법을 알려주세요. 도움 주셔서 감사합니다. 한국어 게시판입니다.",
}

// TestDecodeEncodings checks that pages in the legacy encodings forums use
// come out as UTF-8, declared in the header, in a <meta>, or not at all.
func TestDecodeEncodings(t *testing.T) {
	cases := []struct {
		name        string
		enc         encoding.Encoding
		text        string
		contentType string
		meta        string
	}{
		{"windows-1251 in the header", charmap.Windows1251, "cyrillic", "text/html; charset=windows-1251", ""},
		{"windows-1251 in a meta", charmap.Windows1251, "cyrillic", "text/html", `<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">`},
		{"windows-1251 undeclared", charmap.Windows1251, "cyrillic", "text/html", ""},
		{"windows-1252 undeclared", charmap.Windows1252, "latin", "text/html", ""},
		{"windows-1252 without any Content-Type", charmap.Windows1252, "latin", "", ""},
		{"ISO-8859-1 in the header", charmap.ISO8859_1, "latin1", "text/html; charset=ISO-8859-1", ""},
		{"ISO-8859-15 in a meta", charmap.ISO8859_15, "latin9", "", `<meta charset="iso-8859-15">`},
		{"Shift_JIS in a meta", japanese.ShiftJIS, "japanese", "text/html", `<meta charset="Shift_JIS">`},
		{"Shift_JIS undeclared", japanese.ShiftJIS, "japanese", "text/html", ""},
		{"GBK in the header", simplifiedchinese.GBK, "chinese", "text/html; charset=gbk", ""},
		{"GBK undeclared", simplifiedchinese.GBK, "chinese", "", ""},
		{"EUC-KR in the header", korean.EUCKR, "korean", "text/html; charset=euc-kr", ""},
		{"EUC-KR undeclared", korean.EUCKR, "korean", "text/html", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			text := forumText[tc.text]
			page := "<html><head>" + tc.meta + "<title>forum</title></head><body><div class=\"post\">" +
				strings.Repeat(text+"\n", 3) + "</div></body></html>"
			body, err := tc.enc.NewEncoder().Bytes([]byte(page))
			if err != nil {
				t.Fatalf("encode: %v", err)
			}
			got, err := Decode(body, tc.contentType)
			if err != nil {
				t.Fatalf("Decode: %v", err)
			}
			if !strings.Contains(string(got), text) {
				t.Errorf("decoded page lacks the text; got %.120q", got)
			}
		})
	}
}

// TestDecodeUTF8 keeps UTF-8 as it is, less a byte-order mark, whatever is declared.
func TestDecodeUTF8(t *testing.T) {
	page := "\xef\xbb\xbf<html><body>" + forumText["cyrillic"] + "</body></html>"
	got, err := Decode([]byte(page), "text/html; charset=ISO-8859-1")
	if err != nil || string(got) != page[3:] {
		t.Errorf("Decode = %.80q, %v", got, err)
	}
}

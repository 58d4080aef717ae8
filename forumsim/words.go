package forumsim

// The generator's vocabulary. Entries never begin or end with a space and
// never hold two spaces in a row, so that the text truth is unambiguous.

var words = []string{
	"the", "battery", "phone", "screen", "update", "firmware", "driver", "setting", "forum", "thread",
	"camera", "cable", "charger", "problem", "issue", "solution", "version", "release", "model", "price",
	"week", "month", "year", "day", "time", "people", "friend", "store", "warranty", "repair",
	"works", "fails", "breaks", "helps", "seems", "looks", "feels", "runs", "crashes", "boots",
	"really", "probably", "actually", "still", "already", "never", "always", "sometimes", "again", "just",
	"good", "bad", "new", "old", "fast", "slow", "cheap", "expensive", "quiet", "loud",
	"and", "but", "or", "so", "because", "with", "without", "after", "before", "about",
	"my", "your", "their", "our", "this", "that", "every", "some", "any", "no",
	"café", "naïve", "Größe", "über", "déjà", "señor", "crème", "façade", "Zürich", "Ångström",
	"привет", "спасибо", "телефон", "AT&T", "R&D", "x<y", "a>b", "5\"", "it's", "don't",
}

var sentenceEnds = []string{".", ".", ".", "!", "?", "...", "?!"}

var titleWords = []string{
	"Battery", "drain", "after", "update", "Best", "settings", "for", "night", "photos", "Help",
	"with", "boot", "loop", "Which", "charger", "do", "you", "use", "Review", "of",
	"the", "new", "model", "Tips", "&", "tricks", "Problem", "connecting", "to", "Wi-Fi",
	"Größe", "Café", "Über", "Привет", "вопрос", "\"Pro\"", "<beta>", "Q&A", "Naïve", "Señor",
}

var boardTitles = []string{
	"General Discussion", "News & Announcements", "Help & Support", "Buying Advice",
	"Off-Topic Café", "Accessories", "Software <Beta>", "Русский раздел", "Marketplace",
	"Tutorials \"How-to\"", "Photography", "Gaming",
}

var subBoardTitles = []string{
	"Archive", "FAQ & Guides", "Bug Reports", "Show-off Zone", "Rumors", "Résumés",
}

var categoryTitles = []string{"Main Forums", "Community", "Support Center", "Über alles"}

var userNames = []string{
	"reacher", "ilikewhey", "akash.nu", "LFC2020", "Puppuccino", "rui no onna", "ericwn",
	"dieketzer", "krstep", "Baci Ton", "mista", "Orangehase07", "Dr.No", "Typhoon1969",
	"René", "Jürgen_K", "Владимир", "Наташа", "Tom & Jerry", "<Ghost>", "\"Quotes\"",
	"Zoë", "mañana", "O'Brien", "xX_gamer_Xx", "hal9000", "Léa", "Søren", "Ивan", "Marta",
	"techie", "oldtimer", "Nova", "pixelpeeper", "Sam", "Kira", "Bjørn", "Chloé", "max_power",
	"Lin", "Aiko", "Pedro", "Ольга", "Ümit", "Noor", "Kai", "Ezra", "Mila", "Theo", "Ana",
}

var guestNames = []string{"Gast", "guest_reader", "Аноним", "Visitor & Co", "lurker", "Anonymous"}

var deletedNames = []string{"deleted member", "Deleted member 4711", "gone_user", "Ex-Mitglied"}

var userTitles = []string{
	"New member", "Member", "Active member", "Well-known member", "Senior member",
	"macrumors 6502", "Stammgast", "Erfahrenes Mitglied", "Старожил", "Rock & Roll <Star>",
}

var banners = []string{"Staff member", "Moderator", "Premium member", "Verified"}

// countries are ISO codes and the names flag images carry as titles.
var countries = [][2]string{
	{"ru", "Russian Federation"}, {"de", "Germany"}, {"us", "United States"}, {"fr", "France"},
	{"gb", "United Kingdom"}, {"jp", "Japan"}, {"br", "Brazil"}, {"ch", "Switzerland"},
	{"ci", "Côte d'Ivoire"}, {"tt", "Trinidad & Tobago"},
}

var locations = []string{"nyc upper east", "Berlin", "São Paulo", "Москва", "Paris & suburbs", "Earth"}

var languages = []string{"English", "Deutsch", "Français", "Русский", "Español"}

var smilies = [][2]string{
	{":)", "Smile"}, {":D", "Big grin"}, {";)", "Wink"}, {":(", "Frown"}, {":p", "Stick out tongue"},
	{":eek:", "Eek!"}, {":rolleyes:", "Roll eyes"},
}

var emojis = [][3]string{
	{"😂", ":joy:", "1f602"}, {"👍", ":thumbsup:", "1f44d"}, {"🤔", ":thinking:", "1f914"},
}

var signatures = []string{
	"Sent from my phone", "iPhone 11 Pro | MacBook Air M1", "Grüße aus Zürich",
	"С уважением, админ", "Q&A <archive> is read-only", "Keep calm & carry on",
}

var reactionNames = []string{"Like", "Love", "Haha", "Wow", "Sad"}

var fileExts = []string{"jpg", "png", "pdf", "zip", "txt"}

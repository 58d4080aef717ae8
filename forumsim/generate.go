package forumsim

import (
	"math/rand/v2"
	"slices"
	"strconv"
	"time"
)

// gen holds the state of one generation run.
type gen struct {
	f      *Forum
	r      *rand.Rand
	nextAt int64 // next attachment ID
}

// zones are the time zones thread pages render in (XenForo renders every
// time in the visitor's zone; each thread picks one to vary the offsets).
var zones = []*time.Location{
	time.FixedZone("", 0), time.FixedZone("", 3600), time.FixedZone("", -7*3600),
	time.FixedZone("", 3*3600), time.FixedZone("", 5*3600+1800), time.FixedZone("", -5*3600),
}

// New returns the forum generated from cfg; the same cfg gives the same
// forum, and the same cfg with another Engine the same forum as that engine
// shows it. It panics when cfg.Engine names no known engine (see NewChecked).
func New(cfg Config) *Forum {
	f, err := NewChecked(cfg)
	if err != nil {
		panic(err)
	}
	return f
}

// NewChecked returns the forum generated from cfg, or an error when
// cfg.Engine names no known engine.
func NewChecked(cfg Config) (*Forum, error) {
	sk, err := skinFor(cfg.Engine)
	if err != nil {
		return nil, err
	}
	cfg = cfg.withDefaults()
	f := &Forum{
		cfg:        cfg,
		skin:       sk,
		boardByID:  map[int64]*board{},
		threadByID: map[int64]*thread{},
		postByID:   map[int64]*post{},
		requests:   map[string]int{},
	}
	seed := uint64(cfg.Seed)
	g := &gen{f: f, r: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)), nextAt: 1000 + int64(seed%997)}
	g.users()
	g.nodes()
	g.threads()
	g.posts()
	for _, u := range f.users {
		u.signature = f.renderPieces(u.sig)
	}
	for _, p := range f.postByID {
		p.body = f.renderPieces(p.pieces)
	}
	return f, nil
}

// pick returns a random element of list.
func pick[T any](r *rand.Rand, list []T) T { return list[r.IntN(len(list))] }

// chance reports true with probability p.
func (g *gen) chance(p float64) bool { return g.r.Float64() < p }

// users generates the registered users.
func (g *gen) users() {
	uid := int64(100 + g.r.IntN(900))
	for i := 0; i < g.f.cfg.Users; i++ {
		uid += int64(1 + g.r.IntN(40))
		name := userNames[i%len(userNames)]
		if i >= len(userNames) {
			name += strconv.Itoa(i / len(userNames))
		}
		g.f.users = append(g.f.users, g.member(uid, name))
	}
}

// member generates one registered user.
func (g *gen) member(uid int64, name string) *user {
	r := g.r
	u := &user{
		kind:      member,
		id:        uid,
		name:      name,
		slug:      slugify(name),
		title:     pick(r, userTitles),
		avatar:    g.chance(0.6),
		avatarTS:  1300000000 + r.Int64N(300000000),
		joined:    time.Unix(1104537600+r.Int64N(7*365*86400), 0).UTC(),
		messages:  1 + int64(r.ExpFloat64()*1500),
		reactions: int64(r.ExpFloat64() * 400),
	}
	if g.chance(0.15) {
		u.banners = append(u.banners, pick(r, banners))
	}
	if g.chance(0.4) {
		p := int64(r.IntN(3000))
		u.points = &p
	}
	if g.chance(0.4) {
		if g.chance(0.5) {
			u.location = g.flag()
		} else {
			l := pick(r, locations)
			u.location = &flagValue{text: l, display: l}
		}
	}
	if g.chance(0.4) {
		u.country = g.flag()
	}
	if g.chance(0.25) {
		u.custom = append(u.custom, FieldTruth{Label: "Native language", Value: pick(r, languages)})
	}
	if g.chance(0.3) {
		u.sig = g.signature()
	}
	return u
}

// flag returns a flag image value; some images carry only an alt.
func (g *gen) flag() *flagValue {
	c := pick(g.r, countries)
	v := &flagValue{flag: c[0], alt: upper(c[0]), title: c[1], display: c[1]}
	if g.chance(0.3) {
		v.title, v.display = "", v.alt
	}
	return v
}

// upper returns an ASCII code in upper case.
func upper(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'a' && c <= 'z' {
			b[i] = c - 32
		}
	}
	return string(b)
}

// nodes generates the categories and boards.
func (g *gen) nodes() {
	cfg := g.f.cfg
	ncat := min(len(categoryTitles), (cfg.Boards+1)/2)
	nid := int64(1)
	var tops []*board
	for c := 0; c < ncat; c++ {
		cat := &category{id: nid, title: categoryTitles[c]}
		cat.slug = slugify(cat.title)
		nid++
		g.f.categories = append(g.f.categories, cat)
		for i := c * cfg.Boards / ncat; i < (c+1)*cfg.Boards/ncat; i++ {
			b := g.board(nid, boardTitles[i%len(boardTitles)], i/len(boardTitles))
			nid++
			b.cat = cat
			cat.boards = append(cat.boards, b)
			g.f.boards = append(g.f.boards, b)
			tops = append(tops, b)
			if i < cfg.SubBoards {
				s := g.board(nid, subBoardTitles[i%len(subBoardTitles)], i/len(subBoardTitles))
				nid++
				s.parent, s.cat = b, cat
				b.children = append(b.children, s)
				g.f.boards = append(g.f.boards, s)
			}
		}
	}
}

// board returns a new board; round > 0 numbers repeated titles.
func (g *gen) board(nid int64, title string, round int) *board {
	if round > 0 {
		title += " " + strconv.Itoa(round+1)
	}
	b := &board{id: nid, title: title, slug: slugify(title), desc: g.sentence()}
	g.f.boardByID[nid] = b
	return b
}

// threads generates the threads (without their posts) and spreads them over the boards.
func (g *gen) threads() {
	cfg, r := g.f.cfg, g.r
	all := g.f.boards
	counts := make([]int, len(all))
	counts[0] = cfg.Threads
	if len(all) > 1 {
		counts[0] = max(1, cfg.Threads*3/5)
		rest := cfg.Threads - counts[0]
		for i := 1; i < len(all) && rest > 0; i++ {
			counts[i]++
			rest--
		}
		for ; rest > 0; rest-- {
			counts[1+r.IntN(len(all)-1)]++
		}
	}
	tid := int64(1000 + r.IntN(9000))
	for bi, b := range all {
		stickies := 0
		for i := 0; i < counts[bi]; i++ {
			tid += int64(1 + r.IntN(30))
			t := &thread{id: tid, board: b, views: 0}
			t.title = g.title()
			t.slug = slugify(t.title)
			t.zone = pick(r, zones)
			t.tooltipSkin = g.chance(0.3)
			t.opBanner = t.tooltipSkin && g.chance(0.7)
			t.page1Link = g.chance(0.25)
			if stickies < 3 && g.chance(0.08) {
				t.sticky = true
				stickies++
			}
			b.threads = append(b.threads, t)
			g.f.threads = append(g.f.threads, t)
			g.f.threadByID[tid] = t
		}
	}
	slices.SortFunc(g.f.threads, func(a, b *thread) int { return int(a.id - b.id) })
}

// title returns a thread title of a few title words.
func (g *gen) title() string {
	n := 2 + g.r.IntN(6)
	s := ""
	for i := 0; i < n; i++ {
		if i > 0 {
			s += " "
		}
		s += pick(g.r, titleWords)
	}
	if s[0] >= 'a' && s[0] <= 'z' {
		s = string(s[0]-32) + s[1:]
	}
	if g.chance(0.3) {
		s += "?"
	}
	return s
}

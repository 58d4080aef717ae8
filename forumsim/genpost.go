package forumsim

import (
	"math"
	"slices"
	"time"
)

// posts generates every thread's posts: times and authors first, then IDs in
// time order across the forum (as a real forum assigns them), then bodies.
func (g *gen) posts() {
	cfg, r := g.f.cfg, g.r
	var all []*post
	for _, t := range g.f.threads {
		pages := cfg.MinPages + r.IntN(cfg.MaxPages-cfg.MinPages+1)
		n := (pages-1)*cfg.PostsPerPage + 1 + r.IntN(cfg.PostsPerPage)
		at := 1325376000 + r.Int64N(11*365*86400) // 2012..2023
		starter := g.author()
		for i := 0; i < n; i++ {
			p := &post{thread: t, position: i + 1, author: g.author()}
			if i == 0 || g.chance(0.2) {
				p.author = starter
			}
			if i > 0 {
				at += 60 + int64(r.ExpFloat64()*float64(6*3600))
			}
			p.at = time.Unix(at, 0).In(t.zone)
			t.posts = append(t.posts, p)
			all = append(all, p)
		}
		t.views = int64(n) + int64(r.ExpFloat64()*400)
		if g.chance(0.15) {
			t.views += 1000 + r.Int64N(20000)
		}
		if t.views >= 1000 {
			t.views = t.views / 100 * 100 // exact as "1.2K"
		}
	}
	slices.SortStableFunc(all, func(a, b *post) int {
		if c := a.at.Compare(b.at); c != 0 {
			return c
		}
		return int(a.thread.id - b.thread.id)
	})
	pid := int64(10000 + r.IntN(90000))
	for _, p := range all {
		pid += int64(1 + r.IntN(3))
		p.id = pid
		g.f.postByID[pid] = p
	}
	for _, t := range g.f.threads {
		leads := make([]string, len(t.posts))
		for i, p := range t.posts {
			leads[i] = g.body(p, t.posts[:i], leads[:i])
			g.extras(p)
		}
	}
	for _, b := range g.f.boards {
		sortListing(b)
	}
}

// last returns a thread's latest post.
func (t *thread) last() *post { return t.posts[len(t.posts)-1] }

// author returns a post author: mostly members (a few of them busy), ~5%
// guests or deleted users.
func (g *gen) author() *user {
	r := g.r
	switch x := r.Float64(); {
	case x < 0.03:
		return &user{kind: guest, name: pick(r, guestNames), title: "Guest"}
	case x < 0.05:
		return &user{kind: deleted, name: pick(r, deletedNames), title: "Guest"}
	}
	us := g.f.users
	i := int(math.Pow(r.Float64(), 2) * float64(len(us)))
	return us[min(i, len(us)-1)]
}

// extras adds a post's edit time, attachments and reactions.
func (g *gen) extras(p *post) {
	r := g.r
	if g.chance(0.1) {
		e := p.at.Add(time.Duration(120+r.Int64N(5*86400)) * time.Second)
		p.editedAt = &e
	}
	if g.chance(0.06) {
		for n := 1 + r.IntN(3); n > 0; n-- {
			g.nextAt += int64(1 + r.IntN(50))
			ext := pick(r, fileExts)
			name := pick(r, []string{"screenshot", "Bild_ü", "log", "photo 1", "spec&sheet"}) + "." + ext
			p.attach = append(p.attach, attachment{id: g.nextAt, name: name, size: numberShortKB(10 + r.IntN(4000))})
		}
	}
	if g.chance(0.3) {
		for _, name := range reactionNames[:1+r.IntN(3)] {
			p.reactions = append(p.reactions, name)
		}
		for n := 1 + r.IntN(3); n > 0; n-- {
			p.likers = append(p.likers, pick(r, g.f.users).name)
		}
		if g.chance(0.4) {
			p.others = 1 + r.IntN(20)
		}
	}
}

// numberShortKB formats a size in KB as XenForo shows file sizes.
func numberShortKB(kb int) string {
	if kb < 1024 {
		return trimZero(formatFloat1(float64(kb))) + " KB"
	}
	return trimZero(formatFloat1(float64(kb)/1024)) + " MB"
}

package storage

import (
	"time"

	"github.com/forumcrawl/forumcrawl/parser"
)

// sampleRecord returns a realistic XenForo 2 record with every field set.
func sampleRecord() Record {
	posted := time.Date(2021, 12, 26, 19, 21, 24, 0, time.FixedZone("", 5*3600))
	edited := posted.Add(14 * time.Minute)
	messages, score, likes := int64(10291), int64(27), int64(3)
	thread := "https://forums.example.com/threads/nato-to-convene-nato-russia-council-on-january-12.734519/"
	return Record{
		SchemaVersion: SchemaVersion,
		Site:          "forums.example.com",
		Engine:        "xenforo2",
		PageURL:       thread,
		FetchedAt:     time.Date(2025, 3, 14, 9, 26, 53, 0, time.UTC),
		Thread: parser.Thread{
			ID:    "734519",
			Title: "NATO to convene NATO-Russia Council on January 12",
			URL:   thread,
			Breadcrumb: []parser.Crumb{
				{Name: "Forums", URL: "https://forums.example.com/"},
				{Name: "World Affairs", URL: "https://forums.example.com/forums/world-affairs.12/"},
			},
			Page:     1,
			LastPage: 2,
		},
		Post: parser.Post{
			ID:       "13410277",
			URL:      thread + "post-13410277",
			Position: 1,
			Page:     1,
			PostedAt: &posted,
			DateRaw:  "Dec 26, 2021",
			EditedAt: &edited,
			BodyText: "The source noted that NATO was in talks with Russia on this issue\n" +
				"TASS, December 26. NATO Secretary General Jens Stoltenberg has decided to convene a meeting of the NATO-Russia Council (NRC) on January 12.\n" +
				"Source: news.example.com",
			BodyHTML: "<b>The source noted that NATO was in talks with Russia on this issue</b><br />\n" +
				"TASS, December 26. NATO Secretary General Jens Stoltenberg has decided to convene a meeting of the NATO-Russia Council (NRC) on January 12.<br />\n" +
				`Source: <a href="https://news.example.com/world/1381021" target="_blank" class="link link--external" rel="nofollow ugc noopener">news.example.com</a>`,
			Quotes:      []parser.Quote{{Author: "Hamartia Antidote", PostID: "13410200", Text: "Any news from Brussels?", Offset: 66}},
			Links:       []string{"https://news.example.com/world/1381021"},
			Images:      []string{"https://forums.example.com/attachments/nrc-jpg.812345/"},
			Attachments: []parser.Attachment{{Name: "nrc.jpg", URL: "https://forums.example.com/attachments/nrc-jpg.812345/"}},
			Signature:   "Peace through dialogue.",
			Reactions:   []parser.Reaction{{Name: "Like", Count: &likes}, {Name: "Love", Count: nil}},
		},
		Author: parser.Author{
			Name:      "vostok",
			ID:        "136215",
			URL:       "https://forums.example.com/members/vostok.136215/",
			AvatarURL: "https://forums.example.com/data/avatars/m/136/136215.jpg?1621407051",
			Title:     "PDF THINK TANK: ANALYST",
			Banners:   []string{"Think Tank Analyst"},
			Fields: []parser.Field{
				{Label: "Joined", Value: "Jun 23, 2013"},
				{Label: "Messages", Value: "10,291"},
				{Label: "Reaction score", Value: "27"},
				{Label: "Country", Value: "Russian Federation"},
				{Label: "Location", Value: "Russian Federation"},
			},
			Joined:        &parser.Date{Year: 2013, Month: time.June, Day: 23},
			Messages:      &messages,
			ReactionScore: &score,
			Points:        nil,
			Location:      "Russian Federation",
			Country:       "Russian Federation",
		},
	}
}

// recordWithID returns sampleRecord moved to site with post id.
func recordWithID(site, id string) Record {
	r := sampleRecord()
	r.Site = site
	r.Post.ID = id
	return r
}

// page returns records of site with the given post ids.
func page(site string, ids ...string) []Record {
	recs := make([]Record, len(ids))
	for i, id := range ids {
		recs[i] = recordWithID(site, id)
	}
	return recs
}

// guestRecord returns a record of a guest's post on a page that shows nothing
// optional: no times, counts or lists (left nil).
func guestRecord() Record {
	return Record{
		SchemaVersion: SchemaVersion,
		Site:          "forums.example.com",
		Engine:        "xenforo2",
		PageURL:       "https://forums.example.com/threads/hello.1/",
		FetchedAt:     time.Date(2025, 3, 14, 9, 26, 53, 0, time.UTC),
		Thread:        parser.Thread{ID: "1", Title: "Hello", URL: "https://forums.example.com/threads/hello.1/", Page: 1, LastPage: 1},
		Post:          parser.Post{ID: "7", Page: 1, DateRaw: "Yesterday at 7:21 PM", BodyText: "Hi", BodyHTML: "Hi"},
		Author:        parser.Author{Name: "Guest"},
	}
}

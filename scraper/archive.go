package scraper

import (
	"fmt"
	"net/http"
	"time"

	"github.com/gocolly/colly/v2"

	"github.com/forumcrawl/forumcrawl/fetch"
	"github.com/forumcrawl/forumcrawl/storage"
)

// archive hands the exchange of r to the archiver, if any, and reports
// whether the crawl may go on; an archive that fails stops the crawl.
func (cr *crawl) archive(r *colly.Response, fetched time.Time) bool {
	if cr.cfg.Archiver == nil {
		return true
	}
	if err := cr.cfg.Archiver.Archive(exchange(r, fetched)); err != nil {
		cr.stop(fmt.Errorf("archive %s: %w", r.Request.URL, err))
		return false
	}
	return true
}

// robotsReporter is a transport that tells of the robots.txt files it reads
// (fetch.Transport), so that the archive holds them beside the pages.
type robotsReporter interface {
	OnRobots(fetch.RobotsFunc)
}

// archiveRobots makes the crawl's transport hand every robots.txt it reads
// to the archiver, as archivists expect of a crawl's record. The returned
// func undoes it, for a transport that outlives the crawl.
func (cr *crawl) archiveRobots() (undo func()) {
	rr, ok := cr.cfg.Transport.(robotsReporter)
	if !ok || cr.cfg.Archiver == nil {
		return func() {}
	}
	rr.OnRobots(func(resp *http.Response, body []byte) {
		ex := &Exchange{URL: resp.Request.URL.String(), Method: resp.Request.Method, Status: resp.StatusCode,
			Proto: "HTTP/1.1", Header: resp.Header.Clone(), RequestHeader: resp.Request.Header.Clone(),
			Body: body, Finished: time.Now().UTC()}
		if err := cr.cfg.Archiver.Archive(ex); err != nil {
			cr.stop(fmt.Errorf("archive %s: %w", ex.URL, err))
		}
	})
	return func() { rr.OnRobots(nil) }
}

// WARCArchiver returns an Archiver that writes every exchange to w.
func WARCArchiver(w *storage.WARCWriter) Archiver { return warcArchiver{w} }

// warcArchiver adapts a storage.WARCWriter to Archiver.
type warcArchiver struct{ w *storage.WARCWriter }

// Archive writes ex's response and request records.
func (a warcArchiver) Archive(ex *Exchange) error {
	return a.w.Archive(&storage.Exchange{
		URL:           ex.URL,
		Method:        ex.Method,
		RequestHeader: ex.RequestHeader,
		Status:        ex.Status,
		Proto:         ex.Proto,
		Header:        ex.Header,
		Body:          ex.Body,
		RemoteAddr:    ex.RemoteAddr,
		Fetched:       ex.Finished,
	})
}

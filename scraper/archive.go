package scraper

import (
	"fmt"
	"time"

	"github.com/gocolly/colly/v2"

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

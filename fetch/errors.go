package fetch

import (
	"fmt"
	"time"
)

// DisallowedError is the error for a URL that the site's robots.txt
// disallows; the request is not sent.
type DisallowedError struct {
	URL string
}

func (e *DisallowedError) Error() string { return "robots.txt disallows " + e.URL }

// SkipReason returns "robots": a crawl records the page as skipped, not failed.
func (e *DisallowedError) SkipReason() string { return "robots" }

// ChallengeError is the error for a response that is an anti-bot challenge
// (a JavaScript or captcha page) instead of the page asked for.
type ChallengeError struct {
	URL    string
	Status int
	Vendor string // who set the challenge, e.g. "Cloudflare", or "captcha"
}

func (e *ChallengeError) Error() string {
	return fmt.Sprintf("%s: status %d is an anti-bot challenge (%s), not the page", e.URL, e.Status, e.Vendor)
}

// SkipReason returns "challenge": a crawl records the page as skipped, not failed.
func (e *ChallengeError) SkipReason() string { return "challenge" }

// BlockedAddressError is the error for a connection refused because the
// address is loopback, private, link-local or otherwise not a public one.
type BlockedAddressError struct {
	Addr  string // the resolved IP:port
	Class string // e.g. "loopback", "private", "link-local"
}

func (e *BlockedAddressError) Error() string {
	return fmt.Sprintf("refused to connect to %s: a %s address (allow with --allow-private)", e.Addr, e.Class)
}

// SkipReason returns "private_address": a crawl records the page as skipped, not failed.
func (e *BlockedAddressError) SkipReason() string { return "private_address" }

// TooLargeError is the error for a response body larger than the limit,
// counted after decompression.
type TooLargeError struct {
	URL   string
	Limit int64
}

func (e *TooLargeError) Error() string {
	return fmt.Sprintf("%s: body larger than %d bytes (see --max-body)", e.URL, e.Limit)
}

// FailKind returns "too_large", the class of this failure in a crawl's summary.
func (e *TooLargeError) FailKind() string { return "too_large" }

// RetryError is the error for a request that still failed after its retries.
type RetryError struct {
	URL      string
	Attempts int
	Elapsed  time.Duration
	Err      error
}

func (e *RetryError) Error() string {
	return fmt.Sprintf("fetch %s: %d attempts in %s: %v", e.URL, e.Attempts, e.Elapsed.Round(time.Millisecond), e.Err)
}

func (e *RetryError) Unwrap() error { return e.Err }

package report

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"syscall"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/forumcrawl/forumcrawl/scraper"
)

// Metrics counts a crawl for Prometheus, on a registry of its own (no
// global state): pages fetched, failed by kind and skipped by reason, posts
// written, bytes, the queue's size and the request latency. It is a
// scraper.Observer, safe for concurrent use.
type Metrics struct {
	reg      *prometheus.Registry
	fetched  prometheus.Counter
	failed   *prometheus.CounterVec
	skipped  *prometheus.CounterVec
	posts    prometheus.Counter
	bytes    prometheus.Counter
	pending  prometheus.Gauge
	latency  prometheus.Histogram
	lastPage prometheus.Gauge
}

// NewMetrics returns metrics on a new registry, with the Go runtime's and
// the process's own metrics beside them.
func NewMetrics() *Metrics {
	m := &Metrics{
		reg: prometheus.NewRegistry(),
		fetched: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "forumcrawl_pages_fetched_total", Help: "Pages fetched and parsed.",
		}),
		failed: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "forumcrawl_page_errors_total", Help: "Pages that could not be fetched, by kind of error (http, timeout, network, too_large...).",
		}, []string{"kind"}),
		skipped: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "forumcrawl_pages_skipped_total", Help: "Pages fetched but not used, by reason.",
		}, []string{"reason"}),
		posts: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "forumcrawl_posts_written_total", Help: "Posts written to the output.",
		}),
		bytes: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "forumcrawl_response_bytes_total", Help: "Bytes of the page bodies fetched.",
		}),
		pending: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "forumcrawl_queue_pending", Help: "Pages queued and not yet handled.",
		}),
		latency: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name: "forumcrawl_request_duration_seconds", Help: "Time from sending a request to having its response.",
			Buckets: []float64{.01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10, 30},
		}),
		lastPage: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "forumcrawl_last_page_timestamp_seconds", Help: "When the last page was handled, as a Unix time.",
		}),
	}
	m.reg.MustRegister(m.fetched, m.failed, m.skipped, m.posts, m.bytes, m.pending, m.latency, m.lastPage,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

// Observe counts one page.
func (m *Metrics) Observe(ev scraper.Event) {
	switch {
	case ev.Kind == "":
		m.failed.WithLabelValues(ev.ErrKind).Inc()
	case ev.Err != "":
		m.fetched.Inc()
		m.skipped.WithLabelValues(ev.ErrKind).Inc()
	default:
		m.fetched.Inc()
	}
	m.posts.Add(float64(ev.Posts))
	m.bytes.Add(float64(ev.Bytes))
	m.pending.Set(float64(ev.Pending))
	if ev.Latency > 0 {
		m.latency.Observe(ev.Latency.Seconds())
	}
	if !ev.Finished.IsZero() {
		m.lastPage.Set(float64(ev.Finished.UnixNano()) / 1e9)
	}
}

// Handler returns the HTTP handler that serves the metrics in Prometheus's
// text format.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{Registry: m.reg})
}

// Registry returns the registry the metrics are on, for tests and for
// adding more.
func (m *Metrics) Registry() *prometheus.Registry { return m.reg }

// MetricsServer serves metrics over HTTP at /metrics.
type MetricsServer struct {
	srv  *http.Server
	addr string
	done chan error
}

// ServeMetrics listens on addr (e.g. "127.0.0.1:9090") and serves m at
// /metrics until Close. It returns an error at once when addr cannot be
// listened on (in use, not an address, not allowed), so a crawl can refuse
// to start.
func ServeMetrics(m *Metrics, addr string) (*MetricsServer, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		hint := "give another host:port"
		if errors.Is(err, syscall.EADDRINUSE) {
			hint = "something else listens there: stop it or give another port"
		}
		return nil, fmt.Errorf("--metrics-addr %s: %w (%s)", addr, err, hint)
	}
	mux := http.NewServeMux()
	mux.Handle("/metrics", m.Handler())
	s := &MetricsServer{
		srv:  &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second},
		addr: ln.Addr().String(),
		done: make(chan error, 1),
	}
	go func() { s.done <- s.srv.Serve(ln) }()
	return s, nil
}

// Addr returns the address the server listens on, with the port chosen when addr asked for port 0.
func (s *MetricsServer) Addr() string { return s.addr }

// Close stops the server, letting scrapes in progress finish for up to a second.
func (s *MetricsServer) Close() error {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	err := s.srv.Shutdown(ctx)
	if serr := <-s.done; !errors.Is(serr, http.ErrServerClosed) && err == nil {
		err = serr
	}
	return err
}

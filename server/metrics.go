package server

import (
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/trialwatch/trialwatch"
	"github.com/trialwatch/trialwatch/store"
)

// pageOutcomes are the run counts that say what became of a fetched page.
var pageOutcomes = []string{"fetched", "not_modified", "skipped_robots", "refused", "failed"}

// metrics are the daemon's Prometheus metrics, in a registry of its own so
// that tests and several servers in one process do not collide.
type metrics struct {
	reg         *prometheus.Registry
	pages       *prometheus.CounterVec
	articles    *prometheus.CounterVec
	cases       *prometheus.CounterVec
	runs        *prometheus.CounterVec
	duration    *prometheus.HistogramVec
	lastSuccess *prometheus.GaugeVec
	running     *prometheus.GaugeVec
	failures    *prometheus.GaugeVec
	stale       *prometheus.GaugeVec
	requests    *prometheus.CounterVec
	skipped     *prometheus.CounterVec
}

func newMetrics(db *store.DB, s *Server) *metrics {
	m := &metrics{
		reg: prometheus.NewRegistry(),
		pages: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "trialwatch_pages_total",
			Help: "Pages requested by crawls, by source and outcome (fetched, not_modified, skipped_robots, refused, failed).",
		}, []string{"source", "outcome"}),
		articles: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "trialwatch_articles_total",
			Help: "Article pages read by crawls, by source.",
		}, []string{"source"}),
		cases: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "trialwatch_cases_total",
			Help: "Cases found by crawls, by source and kind (new, merged into a stored case).",
		}, []string{"source", "kind"}),
		runs: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "trialwatch_crawl_runs_total",
			Help: "Finished crawl runs, by source and result (ok, failed, panic, cancelled).",
		}, []string{"source", "result"}),
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "trialwatch_crawl_duration_seconds",
			Help:    "How long crawl runs took, by source.",
			Buckets: []float64{0.1, 0.5, 1, 5, 15, 30, 60, 120, 300, 600, 1200, 3600},
		}, []string{"source"}),
		lastSuccess: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: "trialwatch_source_last_success_timestamp_seconds",
			Help: "Unix time when the last successful crawl of the source finished.",
		}, []string{"source"}),
		running: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: "trialwatch_source_running",
			Help: "1 while the source is crawling.",
		}, []string{"source"}),
		failures: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: "trialwatch_source_consecutive_failures",
			Help: "Failed crawls of the source in a row; above 1 the source backs off.",
		}, []string{"source"}),
		stale: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: "trialwatch_source_stale",
			Help: "1 when the source's last successful runs found no article.",
		}, []string{"source"}),
		skipped: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "trialwatch_crawl_ticks_skipped_total",
			Help: "Scheduled ticks that started no crawl, by source and reason (backoff: the source is failing; running: it was still crawling, started through the API).",
		}, []string{"source", "reason"}),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "trialwatch_http_requests_total",
			Help: "HTTP requests answered, by method and status code.",
		}, []string{"method", "code"}),
	}
	m.reg.MustRegister(m.requests, m.skipped, m.pages, m.articles, m.cases, m.runs, m.duration,
		m.lastSuccess, m.running, m.failures, m.stale,
		storeCollector{db},
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
	)
	// Every source has its series from the start, at zero.
	for _, name := range s.order {
		for _, o := range pageOutcomes {
			m.pages.WithLabelValues(name, o)
		}
		m.articles.WithLabelValues(name)
		m.duration.WithLabelValues(name)
		m.cases.WithLabelValues(name, "new")
		m.cases.WithLabelValues(name, "merged")
		for _, r := range []string{resultOK, resultFailed, resultPanic, resultCancelled} {
			m.runs.WithLabelValues(name, r)
		}
		m.skipped.WithLabelValues(name, "backoff")
		m.skipped.WithLabelValues(name, "running")
		m.running.WithLabelValues(name)
		m.failures.WithLabelValues(name)
		m.stale.WithLabelValues(name)
	}
	return m
}

// observe counts a finished run.
func (m *metrics) observe(source, result string, d time.Duration, run trialwatch.Run) {
	for _, o := range pageOutcomes {
		m.pages.WithLabelValues(source, o).Add(float64(max(run.Counts[o], 0)))
	}
	m.articles.WithLabelValues(source).Add(float64(max(run.Counts["articles"], 0)))
	m.cases.WithLabelValues(source, "new").Add(float64(max(run.Counts["cases_new"], 0)))
	m.cases.WithLabelValues(source, "merged").Add(float64(max(run.Counts["cases_merged"], 0)))
	m.runs.WithLabelValues(source, result).Inc()
	m.duration.WithLabelValues(source).Observe(d.Seconds())
	m.running.WithLabelValues(source).Set(0)
}

// health publishes a source's health gauges.
func (m *metrics) health(name string, failures int, stale bool, lastOK time.Time) {
	m.failures.WithLabelValues(name).Set(float64(failures))
	m.stale.WithLabelValues(name).Set(b2f(stale))
	if !lastOK.IsZero() {
		m.lastSuccess.WithLabelValues(name).Set(float64(lastOK.UnixNano()) / 1e9)
	}
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// instrument counts the requests next answers.
func (m *metrics) instrument(next http.Handler) http.Handler {
	return promhttp.InstrumentHandlerCounter(m.requests, next)
}

func (m *metrics) handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{Registry: m.reg})
}

// storeCollector reads the store's size and counts at scrape time.
type storeCollector struct{ db *store.DB }

var (
	descStoreSize = prometheus.NewDesc("trialwatch_store_size_bytes",
		"Size of the database file.", nil, nil)
	descStoreCount = prometheus.NewDesc("trialwatch_store_records",
		"Records in the database, by kind.", []string{"kind"}, nil)
	descStoreUp = prometheus.NewDesc("trialwatch_store_up",
		"1 when the database answered the scrape.", nil, nil)
)

func (c storeCollector) Describe(ch chan<- *prometheus.Desc) {
	ch <- descStoreSize
	ch <- descStoreCount
	ch <- descStoreUp
}

func (c storeCollector) Collect(ch chan<- prometheus.Metric) {
	st, err := c.db.Stats()
	if err != nil {
		ch <- prometheus.MustNewConstMetric(descStoreUp, prometheus.GaugeValue, 0)
		return
	}
	ch <- prometheus.MustNewConstMetric(descStoreUp, prometheus.GaugeValue, 1)
	ch <- prometheus.MustNewConstMetric(descStoreSize, prometheus.GaugeValue, float64(st.FileBytes))
	for kind, n := range storeCounts(st) {
		ch <- prometheus.MustNewConstMetric(descStoreCount, prometheus.GaugeValue, float64(n), kind)
	}
}

// storeCounts names the store's counts for the records metric.
func storeCounts(st store.Stats) map[string]int {
	return map[string]int{"cases": st.Cases, "articles": st.Articles, "pages": st.Pages, "visited": st.Visited, "runs": st.Runs}
}

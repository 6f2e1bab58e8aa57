// Package server is the daemon side of trialwatch (trialwatch serve).
//
// It crawls each source on its schedule (robfig/cron, in the configured
// time zone), never two runs of one source at once, whether a run was
// started by the schedule or through the API. A panic in a crawl is
// recovered, logged and counted, and the next tick runs. A source that
// keeps failing backs off (it sits out 1, 3, 7 … ticks, up to a day) and
// shows as unhealthy; one whose last successful runs found no article is
// flagged stale. On shutdown the scheduler stops, running crawls are
// cancelled and waited for (bounded), then the HTTP server drains.
//
// It serves spec/interface.md's HTTP API:
//
//	GET  /healthz                 200 "ok" while the database answers, else 503
//	GET  /metrics                 Prometheus text (own registry, Go and process collectors)
//	GET  /api/cases               ?since=YYYY-MM-DD&after=ID&limit=N&country=&stage= → JSON array, oldest first
//	GET  /api/cases/{id}          one case, 404 if none
//	POST /api/crawl               ?source=NAME (or none: every source) → 202 {"run_id"}, 409, 404, 401/403
//	GET  /api/runs                recent runs, newest first, running ones included
//	GET  /api/runs/{id}           one run, by the id POST handed out or its stored number
//	GET  /api/sources             each source's health
//	GET  /feed.atom               Atom feed of the newest cases
//	GET  /                        the web page of cases, with filters, a chart and source health
//
// server only reads the store; every write happens inside the CrawlFunc
// the caller provides (the pipeline). It never parses news pages itself,
// and the page loads nothing from elsewhere: no script, no external asset,
// the template and styles are embedded.
package server

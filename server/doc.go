// Package server is the daemon side of trialwatch: it crawls each source on
// its schedule (robfig/cron), never two runs of one source at once, backs a
// failing source off and flags a source that stopped yielding articles, and
// serves the HTTP API, an Atom feed of new cases, Prometheus metrics and a
// server-rendered web page of the cases with their evidence and sources.
//
// server only reads the store; every write happens inside the CrawlFunc the
// caller provides (the pipeline). It never parses news pages itself, and it
// loads nothing from outside the binary: the page's template and styles are
// embedded.
package server

// Package demo is a small built-in news site, served on loopback, that
// reports a few court decisions in the style of real outlets: a home page
// with pagination, an RSS feed, a sitemap, a robots.txt and article pages,
// some reporting verdicts and some not. `trialwatch demo` crawls it to show
// the whole pipeline offline; tests use it as a realistic site.
package demo

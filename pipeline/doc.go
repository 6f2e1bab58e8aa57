// Package pipeline runs the fixed chain of one crawl: fetch (crawler) →
// extract the article and its cases (extract) → store them (store), and
// records the run. It holds no logic of its own beyond passing each page on
// and counting what happened.
package pipeline

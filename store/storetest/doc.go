// Package storetest makes synthetic articles and cases in bulk, for
// benchmarks and load tests of the store and what reads from it. The data
// is deterministic (the i-th article is always the same) and shaped like
// real reports: places, countries, dates over two decades, head counts and
// terms, evidence sentences. It is not for tests of extraction.
//
// It never touches a database itself: it only makes values to save.
package storetest

// Package store keeps everything trialwatch remembers in one bbolt file: the
// articles read and the raw pages they came from, the cases found in them
// (one record per real-world decision, merged across outlets), the crawl
// state (visited set, per-URL fetch state), crawl runs and export cursors.
//
// # Saving
//
// Each article is saved in one transaction together with its page (gzipped,
// with its SHA-256 and fetch time, so a case can be traced to the exact
// bytes) and its cases: either all of it is stored or none. Writes from
// many goroutines are committed together (group commit), so fsync does not
// bound how many crawlers can save at once.
//
// Every case an article reports is kept as that article's contribution. A
// stored case shows, field by field, the value most of its sources agree on
// (ties: the earliest source) and lists the others under Disputed. An
// article saved again (same canonical URL, or the same page bytes or text
// behind another URL such as an AMP copy) replaces its own contributions.
//
// # Dedup
//
// A new report is compared only with the stored cases an index finds
// (same place word and decision month, same country and decision date, or
// placeless cases of the same country and month), never with every case,
// so saving costs the same at a thousand cases as at a million. Reports are
// scored on stage, country and decision date (contradictions there keep
// them apart; a month matches a day in it, two days are two decisions),
// court and place words (stemmed, so "Taldykorgan City Court" meets "a
// court in Taldykorgan" and "Талдыкорганский" meets "Талдыкорган"), head
// counts, terms and who the defendants were. An appeal is never merged
// with a verdict; it is linked to the verdict it reviews (AppealOf).
//
// # Reading
//
// Case ids are fixed-width decimal strings that grow monotonically, so
// "cases found after X" is a range scan. Query.Since filters on when the
// store first found a case (first_seen), not on the decision date
// (Query.DecidedSince). Every write to a case gives it a new revision;
// Head and Query.ChangedAfter let an export hand out only new and changed
// cases. Reads stream in short transactions of a few hundred records, so a
// long export never holds the file from growing.
//
// store is the only package that imports bbolt. It never parses HTML and
// never touches the network.
package store

// Package rules loads and validates trialwatch's rule files: site rules (CSS
// selectors per domain for title, body, date and what to drop) and fact rules
// (lexicons and patterns per language that the extractors apply). A default
// set is embedded in the binary; a user's rule folder extends or overrides it.
//
// Every error names the file and line. The package never touches the network
// or the database.
package rules

// Package rules loads and validates trialwatch's rule files: site rules (CSS
// selectors per domain for title, body, date and what to drop) and fact rules
// (lexicons and patterns per language that the extractors apply). A default
// set is embedded in the binary; a user's rule folder extends or overrides it.
//
// A rule file is YAML with a top-level "sites:" key (a list of Site), a
// "facts:" key (the Facts of one language), or both. Unknown keys are errors.
// Fact rules hold lexicons (number words, units of time, person nouns,
// countries and their adjectives, court words…) and named patterns: regular
// expressions with macros built from the lexicons ({NUM}, {PERSON},
// {COURT}…), each of a kind the case extractor knows (outcome, skip,
// term_type, victims, place, dateline, …; see default/en.yaml). Patterns are
// compiled once, at load, together with a prefilter of the literals a match
// must hold, so that most sentences never reach the regular-expression
// engine. A language is a new file, not new code.
//
// Every error names the file and line. The package never touches the network
// or the database.
package rules

// Package extract turns a fetched page into an article and the article into
// court cases.
//
// ReadArticle reads the canonical URL, headline, publication date, outlet
// and main text of a page, using the site rule for the page's host where one
// exists and a general fallback elsewhere: JSON-LD, meta tags, <time>
// elements and dates written near the headline for the date; paragraph
// scoring with link density and class/id cues for the main text, so that
// navigation, teasers of other stories, comments, banners, captions and
// bylines never reach the case extractor. Cases reads the court decisions
// out of the article's sentences with the fact rules.
//
// The package never touches the network or the database; it only reads the
// page and the rules it is given.
package extract

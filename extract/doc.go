// Package extract turns a fetched page into an article and the article into
// court cases.
//
// ReadArticle reads the canonical URL, headline, publication date, outlet
// and main text of a page. The site rule for the page's host, where one
// exists, chooses the title, body and date elements and what to drop; a
// general fallback, written for speed (one HTML parse, then walks over the
// tree; no library extractor), reads everything else:
//
//   - date: a date in the URL path, JSON-LD datePublished (of the object
//     about this page), published-time meta tags, <time> and
//     itemprop=datePublished elements nearest the headline (update stamps
//     skipped), dates written near the headline ("20 March 2024",
//     "20.03.2024, 09:15", "Mar 20, 2024", "20 марта 2024"; "Updated …"
//     labels skipped), short datelines anywhere, modified-time meta, and
//     last a timestamp anywhere in the source. Dates after the fetch are
//     refused.
//   - text: paragraphs are scored by length, commas and link density and
//     credited to their containers; the best container, widened over a
//     story split into blocks, is read paragraph by paragraph. Furniture is
//     left out by tag, role and class/id words (navigation, related and
//     most-read lists, comments, sharing, cookie banners, promotions,
//     captions, bylines), by headings that open lists of other stories
//     ("Related", "Читайте также"), and by shape (teaser cards and lists
//     that open with a headline link), so that teasers, which mention other
//     verdicts, never reach the case extractor.
//
// Cases reads the court decisions out of the article's sentences with the
// fact rules; Extract runs both.
//
// The package never touches the network or the database; it only reads the
// page and the rules it is given.
package extract

// Package crawler fetches the pages of one news source and hands every
// article page it finds to a sink.
//
// A crawl starts from the source's entry points (listing pages, RSS/Atom/JSON
// feeds, sitemaps, plus feeds announced on start pages and sitemaps named in
// robots.txt), walks listing pages whose path matches the source's Follow
// patterns up to MaxDepth hops, and fetches the pages whose path matches its
// Articles patterns. Entry points and listing pages are fetched on every run
// with a conditional GET; an article URL is fetched once, ever: the visited
// set lives behind the State interface so it survives restarts.
//
// Fetching is built on github.com/gocolly/colly/v2, used as a request engine
// only: the crawler keeps its own frontier (per-host delay and parallelism),
// its own robots.txt handling (RFC 9309), its own visited set (an article is
// marked visited only once the sink has taken it), its own charset decoding,
// and a guarded transport that refuses private, loopback, link-local and
// metadata addresses at connect time, bounds bodies after decompression and
// ignores proxy settings from the environment.
//
// The crawler never interprets what an article says: it only decides which
// URLs are listing pages, feeds, sitemaps or articles. It never connects to a
// non-public address that Options.AllowNetworks does not open, never
// requests a path robots.txt disallows, and never follows a link off the
// source's allowed domains.
package crawler

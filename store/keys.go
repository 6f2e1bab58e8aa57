package store

import (
	"encoding/binary"
	"fmt"
	"strconv"

	bolt "go.etcd.io/bbolt"
)

// Bucket names. Each concept lives in its own top-level bucket.
var (
	bCases    = []byte("cases")    // case id -> rev (8 bytes) + stored case JSON
	bFeat     = []byte("features") // case id -> dedup features JSON
	bContrib  = []byte("contribs") // case id \x00 article URL -> one article's report of the case
	bIndex    = []byte("index")    // dedup index keys -> nothing
	bRevs     = []byte("revs")     // rev (8 bytes) -> case id: the change log behind --updated
	bArticles = []byte("articles") // canonical URL -> article record
	bArtDate  = []byte("artdate")  // published \x00 seq (8 bytes) -> canonical URL
	bAlias    = []byte("alias")    // "p:"+page sha256 | "t:"+text sha256 | "u:"+page URL -> canonical URL
	bPages    = []byte("pages")    // page URL -> page record (JSON, without the body)
	bBodies   = []byte("bodies")   // body seq (8 bytes) -> gzipped page body, appended in fetch order
	bVisited  = []byte("visited")  // request id (8 bytes) -> nothing
	bFetch    = []byte("fetch")    // URL -> fetch state JSON
	bRuns     = []byte("runs")     // run id (8 bytes) -> run JSON
	bCursors  = []byte("cursors")  // consumer -> cursor JSON
	bMeta     = []byte("meta")     // counters and schema version
)

var allBuckets = [][]byte{bCases, bFeat, bContrib, bIndex, bRevs, bArticles, bArtDate,
	bAlias, bPages, bBodies, bVisited, bFetch, bRuns, bCursors, bMeta}

// schemaVersion is written on creation; a file from a newer trialwatch is
// refused rather than misread. Version 2 keeps page bodies in their own
// bucket (version 1 kept them inside the page record, which version 2
// still reads); opening a version 1 file raises it to 2.
const schemaVersion = 2

func initBuckets(tx *bolt.Tx) error {
	for _, name := range allBuckets {
		if _, err := tx.CreateBucketIfNotExists(name); err != nil {
			return fmt.Errorf("create bucket %s: %w", name, err)
		}
	}
	meta := tx.Bucket(bMeta)
	v := meta.Get([]byte("schema"))
	if v == nil {
		return meta.Put([]byte("schema"), u64(schemaVersion))
	}
	got := binary.BigEndian.Uint64(v)
	if got > schemaVersion {
		return fmt.Errorf("file has schema version %d, this program reads up to %d", got, schemaVersion)
	}
	if got < schemaVersion {
		return meta.Put([]byte("schema"), u64(schemaVersion))
	}
	return nil
}

// idWidth is the number of digits of a case id.
const idWidth = 10

// formatID turns a bucket sequence number into a case id: zero-padded
// decimal, so ids sort as strings in the order they were made.
func formatID(seq uint64) string { return fmt.Sprintf("%0*d", idWidth, seq) }

// parseID checks that id has the shape of a case id.
func parseID(id string) (uint64, error) {
	if len(id) != idWidth {
		return 0, fmt.Errorf("store: bad case id %q: want %d digits", id, idWidth)
	}
	n, err := strconv.ParseUint(id, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("store: bad case id %q: want %d digits", id, idWidth)
	}
	return n, nil
}

func u64(v uint64) []byte {
	b := make([]byte, 8)
	binary.BigEndian.PutUint64(b, v)
	return b
}

// clone copies bytes that bolt owns so they can outlive the transaction.
func clone(b []byte) []byte {
	if b == nil {
		return nil
	}
	return append([]byte(nil), b...)
}

// addCount adds delta to the named counter in the meta bucket.
func addCount(tx *bolt.Tx, name string, delta int64) error {
	meta := tx.Bucket(bMeta)
	k := []byte("count:" + name)
	var n int64
	if v := meta.Get(k); v != nil {
		n = int64(binary.BigEndian.Uint64(v))
	}
	return meta.Put(k, u64(uint64(n+delta)))
}

func getCount(tx *bolt.Tx, name string) int {
	v := tx.Bucket(bMeta).Get([]byte("count:" + name))
	if v == nil {
		return 0
	}
	return int(int64(binary.BigEndian.Uint64(v)))
}

func itoa(n int) string { return strconv.Itoa(n) }

func atoi(s string) (int, error) { return strconv.Atoi(s) }

// packAppends fills the pages of buckets whose keys mostly grow (ids,
// revisions) nearly full: bolt's default half-full split suits random
// inserts and would double their size on disk.
func packAppends(tx *bolt.Tx) {
	for _, name := range [][]byte{bCases, bFeat, bContrib, bRevs} {
		tx.Bucket(name).FillPercent = 0.9
	}
}

// IDBefore returns the id n places before id ("" when there is none), so
// that Query{After: IDBefore(head, n)} reads at most the newest n cases.
func IDBefore(id string, n int) (string, error) {
	if id == "" {
		return "", nil
	}
	seq, err := parseID(id)
	if err != nil {
		return "", err
	}
	if n < 0 || uint64(n) >= seq {
		return "", nil
	}
	return formatID(seq - uint64(n)), nil
}

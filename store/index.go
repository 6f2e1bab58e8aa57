package store

import (
	"bytes"

	bolt "go.etcd.io/bbolt"
)

// The dedup index finds the stored cases a new report could be the same
// decision as without reading every case: its keys are
//
//	p \0 place-stem \0 month \0 id   every place word of a case, by decision month
//	n \0 country    \0 month \0 id   cases that name no place, by country and month
//	a \0 country    \0 date  \0 id   every case, by country and decision date
//	h \0 country \1 n \0 month \0 id   every dated case, by country, month and head count
//
// with month and date "-" for undated cases. The a keys let a report find
// the same decision reported with another place name ("Kaskelen" and
// "Karasai District Court of the Almaty Region") on the same day, and let
// a report that names no place find those that do. A lookup reads a handful of key ranges,
// each capped at scanCap keys, newest first, so its cost does not grow with
// the number of stored cases.
const scanCap = 128

const noMonth = "-"

func indexKeys(f *features, id string) [][]byte {
	months := f.months()
	if len(months) == 0 {
		months = []string{noMonth}
	}
	countries := f.Countries
	if len(countries) == 0 {
		countries = []string{""}
	}
	var keys [][]byte
	for _, m := range months {
		for _, p := range f.Places {
			keys = append(keys, ikey("p", p, m, id))
		}
		for _, c := range countries {
			if len(f.Places) == 0 {
				keys = append(keys, ikey("n", c, m, id))
			}
		}
		if len(f.Places) == 0 && len(f.Countries) > 0 {
			keys = append(keys, ikey("n", "", m, id))
		}
	}
	for _, m := range f.months() {
		for _, c := range countries {
			for _, h := range f.heads() {
				keys = append(keys, ikey("h", headTok(c, h), m, id))
			}
		}
	}
	dates := f.Dates
	if len(dates) == 0 {
		dates = []string{noMonth}
	}
	for _, d := range dates {
		for _, c := range countries {
			keys = append(keys, ikey("a", c, d, id))
		}
	}
	return keys
}

func ikey(kind, tok, month, id string) []byte {
	b := make([]byte, 0, len(kind)+len(tok)+len(month)+len(id)+3)
	b = append(b, kind...)
	b = append(b, 0)
	b = append(b, tok...)
	b = append(b, 0)
	b = append(b, month...)
	b = append(b, 0)
	return append(b, id...)
}

// prefix returns the key prefix for kind, tok and (if not empty) month.
func prefix(kind, tok, month string) []byte {
	b := append([]byte(kind), 0)
	b = append(b, tok...)
	b = append(b, 0)
	if month != "" {
		b = append(b, month...)
		b = append(b, 0)
	}
	return b
}

func headTok(country string, n int) string { return country + "\x01" + itoa(n) }

// datePrefix is the prefix of keys whose date starts with d: a month's
// days and the month itself.
func datePrefix(kind, tok, d string) []byte {
	return append(prefix(kind, tok, ""), d...)
}

func putIndex(tx *bolt.Tx, f *features, id string) error {
	ix := tx.Bucket(bIndex)
	for _, k := range indexKeys(f, id) {
		if err := ix.Put(k, nil); err != nil {
			return err
		}
	}
	return nil
}

func deleteIndex(tx *bolt.Tx, f *features, id string) error {
	ix := tx.Bucket(bIndex)
	for _, k := range indexKeys(f, id) {
		if err := ix.Delete(k); err != nil {
			return err
		}
	}
	return nil
}

// candidates returns the ids of stored cases that could report the same
// decision as f: those sharing a place word and month, or a country and
// month where one side names no place; undated ones too.
func candidates(tx *bolt.Tx, f *features) []string {
	ix := tx.Bucket(bIndex)
	seen := map[string]bool{}
	var out []string
	scan := func(pfx []byte) {
		for _, id := range scanPrefix(ix, pfx, scanCap) {
			if !seen[id] {
				seen[id] = true
				out = append(out, id)
			}
		}
	}
	months := f.months()
	countries := f.Countries
	if len(countries) == 0 {
		countries = []string{""}
	}
	for _, p := range f.Places {
		for _, m := range months {
			scan(prefix("p", p, m))
		}
		if len(months) > 0 {
			scan(prefix("p", p, noMonth))
		} else {
			scan(prefix("p", p, ""))
		}
	}
	for _, c := range countries {
		if len(f.Places) > 0 {
			for _, m := range months {
				scan(prefix("n", c, m))
			}
			if len(months) > 0 {
				scan(prefix("n", c, noMonth))
			} else {
				scan(prefix("n", c, ""))
			}
			if c != "" {
				for _, m := range months {
					scan(prefix("n", "", m))
				}
			}
		}
		// Same country and date, whatever the place: a day-precise report
		// reads that day and the month-precise cases of its month. A
		// month-precise report reads the whole month when it names no
		// place, else only the cases of its month with its head count:
		// with another place name, a month alone is too little to go on.
		for _, d := range f.Dates {
			scan(prefix("a", c, d))
			switch {
			case len(d) == 10:
				scan(prefix("a", c, d[:7]))
			case len(f.Places) == 0:
				scan(datePrefix("a", c, d))
			default:
				for _, h := range f.heads() {
					scan(prefix("h", headTok(c, h), d))
				}
			}
		}
		if len(f.Places) == 0 {
			if len(f.Dates) > 0 {
				scan(prefix("a", c, noMonth))
			} else {
				scan(prefix("a", c, ""))
			}
		}
	}
	return out
}

// scanPrefix returns the ids (the last field) of at most limit keys with
// the prefix, last key first: the newest cases of the newest month.
func scanPrefix(b *bolt.Bucket, pfx []byte, limit int) []string {
	c := b.Cursor()
	end := append(clone(pfx), 0xff)
	k, _ := c.Seek(end)
	if k == nil {
		k, _ = c.Last()
	} else {
		k, _ = c.Prev()
	}
	var ids []string
	for ; k != nil && bytes.HasPrefix(k, pfx) && len(ids) < limit; k, _ = c.Prev() {
		if i := bytes.LastIndexByte(k, 0); i >= 0 {
			ids = append(ids, string(k[i+1:]))
		}
	}
	return ids
}

package crawler

import (
	"errors"
	"fmt"
	"hash/fnv"
	"net/url"
	"strings"
)

// trackingParams are query parameters that only say where a reader came
// from; two URLs that differ only in them name the same page.
var trackingParams = map[string]bool{
	"fbclid": true, "gclid": true, "dclid": true, "gbraid": true, "wbraid": true,
	"msclkid": true, "yclid": true, "mc_cid": true, "mc_eid": true, "_ga": true,
	"_gl": true, "igshid": true, "ocid": true, "cmpid": true, "twclid": true,
	"ttclid": true, "li_fat_id": true, "_hsenc": true, "_hsmi": true,
}

// CanonicalURL returns the form of raw under which the crawler dedupes and
// stores pages: scheme and host in lower case, default ports, user info and
// the fragment dropped, dot segments resolved, an empty path written as "/",
// and tracking parameters (utm_*, fbclid, gclid, ...) removed from the query.
// Only absolute http and https URLs are accepted.
func CanonicalURL(raw string) (string, error) {
	c, err := canonical(raw)
	if err != nil {
		return "", fmt.Errorf("crawler: url %q: %w", raw, err)
	}
	return c, nil
}

func canonical(raw string) (string, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return "", err
	}
	u.Scheme = strings.ToLower(u.Scheme)
	if u.Scheme != "http" && u.Scheme != "https" {
		return "", fmt.Errorf("scheme %q is not http or https", u.Scheme)
	}
	host := strings.TrimSuffix(strings.ToLower(u.Hostname()), ".")
	if host == "" {
		return "", errors.New("no host")
	}
	port := u.Port()
	if (u.Scheme == "http" && port == "80") || (u.Scheme == "https" && port == "443") {
		port = ""
	}
	if strings.Contains(host, ":") {
		host = "[" + host + "]"
	}
	u.Host = host
	if port != "" {
		u.Host += ":" + port
	}
	u.User = nil
	u.Fragment, u.RawFragment = "", ""
	u.RawQuery = stripTracking(u.RawQuery)
	u.ForceQuery = false
	// Resolving an empty reference removes dot segments from the path.
	u = u.ResolveReference(&url.URL{})
	if u.Path == "" {
		u.Path, u.RawPath = "/", ""
	}
	return u.String(), nil
}

// stripTracking drops tracking parameters from a raw query, keeping the
// others in their order and original encoding.
func stripTracking(raw string) string {
	if raw == "" {
		return ""
	}
	parts := strings.Split(raw, "&")
	kept := parts[:0]
	for _, p := range parts {
		if p == "" {
			continue
		}
		name, _, _ := strings.Cut(p, "=")
		if n, err := url.QueryUnescape(name); err == nil {
			name = n
		}
		name = strings.ToLower(name)
		if strings.HasPrefix(name, "utm_") || trackingParams[name] {
			continue
		}
		kept = append(kept, p)
	}
	return strings.Join(kept, "&")
}

// VisitID is the key of a URL in the visited set: the 64-bit FNV-1a hash of
// its canonical form (CanonicalURL). It is the crawler's own key, not Colly's
// request id, so that a store can compute it without Colly.
func VisitID(canonical string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(canonical))
	return h.Sum64()
}

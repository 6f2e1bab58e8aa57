package crawler

import (
	"context"
	"errors"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"strconv"
	"strings"
	"syscall"
	"time"
)

const (
	defaultAttempts = 3
	defaultBackoff  = time.Second
	maxBackoff      = 30 * time.Second
	maxRetryAfter   = 2 * time.Minute
)

// outcome classifies a failed fetch: the reason it is counted under in
// Stats.FailedBy and whether another attempt may succeed.
func outcome(status int, err error) (reason string, retryable bool) {
	switch {
	case errors.Is(err, ErrRefused):
		return "refused", false
	case errors.Is(err, ErrDisallowed):
		return "skipped_robots", false
	case errors.Is(err, ErrTooLarge):
		return "too_large", false
	case errors.Is(err, ErrTooManyRedirects):
		return "redirects", false
	case errors.Is(err, ErrOffSite):
		return "offsite_redirect", false
	case errors.Is(err, ErrRobotsUnavailable):
		return "robots_unavailable", false
	case status >= 203:
		switch status {
		case http.StatusTooManyRequests, http.StatusInternalServerError, http.StatusBadGateway,
			http.StatusServiceUnavailable, http.StatusGatewayTimeout, http.StatusRequestTimeout:
			return "http_" + strconv.Itoa(status), true
		}
		return "http_" + strconv.Itoa(status), false
	case isTimeout(err):
		return "timeout", true
	case errors.Is(err, syscall.ECONNRESET), errors.Is(err, syscall.ECONNREFUSED),
		errors.Is(err, syscall.EPIPE), errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return "connection", true
	case err != nil && strings.Contains(err.Error(), "server closed"):
		return "connection", true
	}
	return "fetch", false
}

func isTimeout(err error) bool {
	if errors.Is(err, context.DeadlineExceeded) {
		return true
	}
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

// backoff is the wait before attempt number attempt (1 for the first retry):
// exponential with full jitter between half and all of it, capped.
func backoff(base time.Duration, attempt int) time.Duration {
	d := base << (attempt - 1)
	if d <= 0 || d > maxBackoff {
		d = maxBackoff
	}
	return d/2 + rand.N(d/2+1)
}

// retryAfter reads a Retry-After header (seconds or an HTTP date), capped;
// 0 when absent or unreadable.
func retryAfter(h http.Header, now time.Time) time.Duration {
	v := strings.TrimSpace(h.Get("Retry-After"))
	if v == "" {
		return 0
	}
	var d time.Duration
	if secs, err := strconv.Atoi(v); err == nil {
		d = time.Duration(secs) * time.Second
	} else if t, err := http.ParseTime(v); err == nil {
		d = t.Sub(now)
	}
	return min(max(d, 0), maxRetryAfter)
}

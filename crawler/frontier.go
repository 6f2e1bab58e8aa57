package crawler

import (
	"context"
	"sync"
	"time"
)

// kind is what the crawler expects behind a URL.
type kind int

const (
	kindListing kind = iota // HTML page whose links are walked
	kindFeed                // RSS, Atom or JSON feed
	kindSitemap             // sitemap, sitemap index or news sitemap
	kindArticle             // article page, handed to the sink
)

func (k kind) String() string {
	return [...]string{"listing", "feed", "sitemap", "article"}[k]
}

// task is one URL to fetch.
type task struct {
	url       string // canonical
	host      string // host[:port], the unit of politeness
	kind      kind
	hops      int // link hops from a start page
	attempt   int // 0 for the first try
	notBefore time.Time
}

// hostQueue holds the waiting tasks of one host and its politeness state.
type hostQueue struct {
	tasks    []task
	inflight int
	next     time.Time // no request to this host starts before then
	last     time.Time // when the last request to this host started
	delay    time.Duration
	parallel int
}

// frontier is the crawl's queue. It hands out a task only when its host has
// a free slot and its delay has passed, so limits hold per host (a Colly
// LimitRule with DomainGlob "*" would throttle all hosts together), and it
// knows when the crawl is finished: nothing queued, waiting or running.
type frontier struct {
	mu       sync.Mutex
	hosts    map[string]*hostQueue
	order    []string
	rr       int
	delayed  []task
	seen     map[string]bool
	pending  int
	changed  chan struct{}
	delay    time.Duration
	parallel int
}

func newFrontier(delay time.Duration, parallel int) *frontier {
	return &frontier{
		hosts:    map[string]*hostQueue{},
		seen:     map[string]bool{},
		changed:  make(chan struct{}),
		delay:    delay,
		parallel: parallel,
	}
}

// notify wakes every waiting worker; callers hold f.mu.
func (f *frontier) notify() {
	close(f.changed)
	f.changed = make(chan struct{})
}

func (f *frontier) host(name string) *hostQueue {
	h := f.hosts[name]
	if h == nil {
		h = &hostQueue{delay: f.delay, parallel: f.parallel}
		f.hosts[name] = h
		f.order = append(f.order, name)
	}
	return h
}

// see records that the crawl met a URL and reports whether it is new.
func (f *frontier) see(u string) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.seen[u] {
		return false
	}
	f.seen[u] = true
	return true
}

// add queues t unless its URL was queued before in this crawl.
func (f *frontier) add(t task) bool {
	if !f.see(t.url) {
		return false
	}
	f.push(t)
	return true
}

// push queues t, which the caller has seen.
func (f *frontier) push(t task) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.pending++
	h := f.host(t.host)
	h.tasks = append(h.tasks, t)
	f.notify()
}

// done ends a task handed out by next.
func (f *frontier) done(t task) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.host(t.host).inflight--
	f.pending--
	f.notify()
}

// retry ends a task handed out by next and queues it again for at.
func (f *frontier) retry(t task, at time.Time) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.host(t.host).inflight--
	t.attempt++
	t.notBefore = at
	f.delayed = append(f.delayed, t)
	f.notify()
}

// pause keeps every request to host from starting before until.
func (f *frontier) pause(host string, until time.Time) {
	f.mu.Lock()
	defer f.mu.Unlock()
	h := f.host(host)
	if until.After(h.next) {
		h.next = until
	}
	f.notify()
}

// setDelay raises the delay of one host (robots.txt Crawl-delay).
func (f *frontier) setDelay(host string, d time.Duration) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if h := f.host(host); d > h.delay {
		h.delay = d
		if at := h.last.Add(d); at.After(h.next) {
			h.next = at
		}
	}
}

// queued is the number of tasks not yet finished, running ones included.
func (f *frontier) queued() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.pending
}

// next blocks until a task may start, and returns false once the crawl is
// finished or ctx is done.
func (f *frontier) next(ctx context.Context) (task, bool) {
	var timer *time.Timer
	defer func() {
		if timer != nil {
			timer.Stop()
		}
	}()
	for {
		f.mu.Lock()
		if f.pending == 0 {
			f.mu.Unlock()
			return task{}, false
		}
		now := time.Now()
		wait := time.Duration(-1)
		keep := f.delayed[:0]
		for _, t := range f.delayed {
			if !now.Before(t.notBefore) {
				h := f.host(t.host)
				h.tasks = append([]task{t}, h.tasks...)
				continue
			}
			keep = append(keep, t)
			if d := t.notBefore.Sub(now); wait < 0 || d < wait {
				wait = d
			}
		}
		f.delayed = keep
		for i := range f.order {
			name := f.order[(f.rr+i)%len(f.order)]
			h := f.hosts[name]
			if len(h.tasks) == 0 || h.inflight >= h.parallel {
				continue
			}
			if d := h.next.Sub(now); d > 0 {
				if wait < 0 || d < wait {
					wait = d
				}
				continue
			}
			t := h.tasks[0]
			h.tasks = h.tasks[1:]
			h.inflight++
			h.next = now.Add(h.delay)
			h.last = now
			f.rr = (f.rr + i + 1) % len(f.order)
			f.mu.Unlock()
			return t, true
		}
		changed := f.changed
		f.mu.Unlock()
		var tick <-chan time.Time
		if wait >= 0 {
			if timer == nil {
				timer = time.NewTimer(wait)
			} else {
				timer.Reset(wait)
			}
			tick = timer.C
		}
		select {
		case <-ctx.Done():
			return task{}, false
		case <-changed:
		case <-tick:
		}
	}
}

//go:build !unix

package export

import (
	"testing"
	"time"
)

// cpuTime is not measured here: benchmarks report 0 CPU time.
func cpuTime(tb testing.TB) time.Duration { return 0 }

package rules

import (
	"fmt"
	"slices"
	"testing"
)

// dedupe keeps first occurrences in order, whether the list is searched
// (short) or hashed (long).
func TestDedupe(t *testing.T) {
	if got := dedupe(nil); got != nil {
		t.Errorf("dedupe(nil) = %q", got)
	}
	for _, n := range []int{1, 5, 32, 33, 100} {
		var in, want []string
		for i := 0; i < n; i++ {
			s := fmt.Sprint(i % 7)
			if i%3 == 0 {
				s = fmt.Sprint("w", i)
			}
			in = append(in, s)
			if !slices.Contains(want, s) {
				want = append(want, s)
			}
		}
		if got := dedupe(in); !slices.Equal(got, want) {
			t.Errorf("dedupe of %d: %q, want %q", n, got, want)
		}
	}
	if got := union([]string{"a", "b"}, []string{"b", "c", "a"}); !slices.Equal(got, []string{"a", "b", "c"}) {
		t.Errorf("union = %q", got)
	}
}

// strSet gathers what iterated unions would, past the length where it
// starts hashing.
func TestStrSetIsIteratedUnion(t *testing.T) {
	var acc strSet
	var want []string
	for i := 0; i < 60; i++ {
		part := []string{fmt.Sprint(i % 45), fmt.Sprint(i % 13), fmt.Sprint("x", i%50)}
		acc.add(part)
		want = union(want, part)
	}
	if !slices.Equal(acc.list, want) {
		t.Errorf("strSet gathered %q, iterated union %q", acc.list, want)
	}
}

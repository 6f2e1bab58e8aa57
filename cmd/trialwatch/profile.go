package main

import (
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"time"
)

// defaultMemProfileRate is the runtime's default sampling rate, which main
// turns off.
const defaultMemProfileRate = 512 * 1024

// startProfile starts the CPU profile --cpuprofile asks for, and the heap
// profile of --memprofile.
func (a *app) startProfile() error {
	if a.memProfile != "" {
		runtime.MemProfileRate = defaultMemProfileRate
		a.stopMem = watchHeap(a.memProfile)
	}
	if a.cpuProfile == "" {
		return nil
	}
	f, err := os.Create(a.cpuProfile)
	if err != nil {
		return fmt.Errorf("--cpuprofile: %w", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return fmt.Errorf("--cpuprofile: %w", err)
	}
	a.stopProf = func() {
		pprof.StopCPUProfile()
		f.Close()
	}
	return nil
}

// stopProfile ends the profiles, once.
func (a *app) stopProfile() {
	if a.stopProf != nil {
		a.stopProf()
		a.stopProf = nil
	}
	if a.stopMem != nil {
		a.stopMem()
		a.stopMem = nil
	}
}

// watchHeap writes a heap profile to path each time the heap in use after a
// collection reaches a new high, checked every half second, so the file
// shows what held memory at the command's peak.
func watchHeap(path string) (stop func()) {
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		var peak uint64
		t := time.NewTicker(500 * time.Millisecond)
		defer t.Stop()
		for {
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			if ms.HeapInuse > peak+peak/20 {
				peak = ms.HeapInuse
				if f, err := os.Create(path); err == nil {
					_ = pprof.Lookup("heap").WriteTo(f, 0)
					f.Close()
				}
			}
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	return func() { close(done); <-finished }
}

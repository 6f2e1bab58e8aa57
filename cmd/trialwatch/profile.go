package main

import (
	"fmt"
	"os"
	"runtime/pprof"
)

// startProfile starts the CPU profile --cpuprofile asks for.
func (a *app) startProfile() error {
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

// stopProfile ends the profile, once.
func (a *app) stopProfile() {
	if a.stopProf != nil {
		a.stopProf()
		a.stopProf = nil
	}
}

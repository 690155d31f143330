package eval

import (
	"runtime"
	"strings"
	"testing"
	"time"
)

// TestTimerCountsCPU checks that a timed call's CPU time is recorded and
// reported as words per CPU-second next to the wall-clock speed.
func TestTimerCountsCPU(t *testing.T) {
	if runtime.GOOS == "windows" || runtime.GOOS == "plan9" {
		t.Skip("no process CPU time on this platform")
	}
	res := Result{Dataset: "d", Task: "t", Words: 1000}
	tm := startTimer()
	x := 0
	for start := time.Now(); time.Since(start) < 30*time.Millisecond; {
		x++
	}
	tm.stop(&res)
	if res.CPU <= 0 || res.Elapsed <= 0 {
		t.Fatalf("CPU %v, elapsed %v after a busy loop (%d turns): want both > 0", res.CPU, res.Elapsed, x)
	}
	out := Report{Results: []Result{res}}.String()
	if !strings.Contains(out, "words/CPU-s") {
		t.Errorf("report lacks words/CPU-s:\n%s", out)
	}
}

package eval

import "time"

// timer measures the calls of the system under test, in wall time and in
// the process's CPU time (which includes the garbage collector's work on
// other threads: nothing else runs while eval scores).
type timer struct {
	wall time.Time
	cpu  time.Duration
}

func startTimer() timer { return timer{wall: time.Now(), cpu: processCPU()} }

// stop adds the time since start to res.
func (t timer) stop(res *Result) {
	res.Elapsed += time.Since(t.wall)
	if c := processCPU(); c > 0 {
		res.CPU += c - t.cpu
	}
}

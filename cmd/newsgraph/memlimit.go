package main

import (
	"os"
	"runtime/debug"
)

// defaultMemoryLimit is the Go heap's soft limit when GOMEMLIMIT is unset.
// The models of both extractors, loaded one kind at a time, and a batch of
// documents fit well under it; without a limit the collector lets garbage
// grow to twice the live heap and the peak RSS of `newsgraph eval
// --extractor both` reached 460–490 MiB, near the 500 MB budget. The limit
// covers the Go runtime only: SQLite's page cache and the mapped files
// come on top, so a whole-folder ingest with the accurate models peaked
// at 479 MiB with 400 MiB here and at 445 MiB with 360 MiB, for 1–3% more
// CPU in eval (docs/quality.md, Session 11 and Session 12: memory). It is
// soft: a process that needs more gets it, the collector just runs more
// often.
const defaultMemoryLimit = 360 << 20

// setMemoryLimit applies defaultMemoryLimit unless the user set
// GOMEMLIMIT, which the runtime has already read.
func setMemoryLimit() {
	if os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	debug.SetMemoryLimit(defaultMemoryLimit)
}

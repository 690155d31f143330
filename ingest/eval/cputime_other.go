//go:build !unix

package eval

import "time"

// processCPU is unavailable here; reports then give wall time only.
func processCPU() time.Duration { return 0 }

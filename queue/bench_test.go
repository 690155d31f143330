package queue

import (
	"context"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// BenchmarkQueueOverhead measures what the queue costs one article, with a
// handler that does nothing: publish, the job state written three times
// (queued, running, done), delivery, heartbeat set-up and the
// acknowledgement, on the embedded server. Articles are 2.5 KB, about a
// BBC news story.
func BenchmarkQueueOverhead(b *testing.B) {
	for _, workers := range []int{1, 4} {
		b.Run(fmt.Sprintf("workers=%d", workers), func(b *testing.B) {
			ctx := context.Background()
			q, err := Open(ctx, "", b.TempDir(), Options{Namespace: "bench"})
			if err != nil {
				b.Fatal(err)
			}
			defer q.Close()
			body := strings.Repeat("Shares rose on Monday after the report. ", 64)
			var done atomic.Int64
			cctx, cancel := context.WithCancel(ctx)
			stopped := make(chan struct{})
			go func() {
				defer close(stopped)
				_ = q.Consume(cctx, workers, func(context.Context, *Task) (Counts, error) {
					done.Add(1)
					return Counts{}, nil
				})
			}()
			n := 0
			for b.Loop() {
				t := article(fmt.Sprintf("%s %d", body, n))
				if _, err := q.Enqueue(ctx, &t); err != nil {
					b.Fatal(err)
				}
				n++
			}
			for done.Load() < int64(n) {
				time.Sleep(time.Millisecond)
			}
			b.StopTimer()
			cancel()
			<-stopped
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(n), "µs/article")
		})
	}
}

package main

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/queue"
)

// jobs runs "newsgraph jobs": lists the durable ingest jobs, or retries
// failed ones.
func (m *Main) jobs(ctx context.Context, args []string) error {
	sub := "list"
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		sub, args = args[0], args[1:]
	}
	fs := m.newFlagSet("jobs", "[list | retry JOB_ID...]",
		"Lists the ingest jobs of the queue, one a line (id, status, attempts, where\n"+
			"the article was read, and why a failed job failed), then the queue's depth;\n"+
			"or queues failed jobs again (retry), from their first attempt.")
	var (
		common commonFlags
		sflags storeFlags
		qflags queueFlags
		status string
		first  int
		after  string
	)
	common.register(fs)
	sflags.register(fs)
	qflags.register(fs)
	fs.StringVar(&status, "status", "", "list only jobs in this state: queued, running, done or failed")
	fs.IntVar(&first, "first", 0, "list at most this many jobs (0: all)")
	fs.StringVar(&after, "after", "", "list the jobs after this job id")
	if err := parse(fs, args); err != nil {
		return err
	}
	log, err := m.logger(common)
	if err != nil {
		return err
	}
	switch sub {
	case "list":
		if fs.NArg() > 0 {
			return usageError("jobs list takes no arguments")
		}
	case "retry":
		if fs.NArg() == 0 {
			return usageError("jobs retry needs at least one JOB_ID")
		}
	default:
		fs.Usage()
		return usageError(fmt.Sprintf("unknown jobs command %q: want list or retry", sub))
	}
	q, err := m.openQueue(ctx, qflags, sflags, log, nil)
	if err != nil {
		return err
	}
	if sub == "retry" {
		for _, id := range fs.Args() {
			j, err := q.Retry(ctx, id)
			if err != nil {
				return err
			}
			fmt.Fprintf(m.Stdout, "%s %s\n", j.ID, j.Status)
		}
		return nil
	}
	page, err := q.List(ctx, queue.Filter{Status: queue.Status(strings.ToLower(status)), First: first, After: after})
	if err != nil {
		return err
	}
	for _, j := range page.Jobs {
		printJob(m.Stdout, j)
	}
	d, err := q.Depth(ctx)
	if err != nil {
		return err
	}
	more := ""
	if page.HasNext {
		more = fmt.Sprintf(" (more: --after %s)", page.Jobs[len(page.Jobs)-1].ID)
	}
	fmt.Fprintf(m.Stdout, "jobs=%d listed=%d%s queue: waiting=%d in-flight=%d redelivered=%d dead=%d\n",
		page.Total, len(page.Jobs), more, d.Waiting, d.InFlight, d.Redelivered, d.Dead)
	return nil
}

// printJob prints a job on one line: "ID STATUS attempts=N LOCATION", then
// for a job with an error " CODE: REASON", and its time.
func printJob(w io.Writer, j *queue.Job) {
	fmt.Fprintf(w, "%s %s attempts=%d %s", j.ID, j.Status, j.Attempts, j.Location)
	if j.Code != "" {
		fmt.Fprintf(w, " %s: %s", j.Code, j.Reason)
	}
	if !j.FinishedAt.IsZero() && !j.StartedAt.IsZero() {
		fmt.Fprintf(w, " took=%s", j.FinishedAt.Sub(j.StartedAt).Round(time.Millisecond))
	}
	fmt.Fprintln(w)
}

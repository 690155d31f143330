package queue

import (
	"crypto/sha256"
	"encoding/hex"
	"time"

	"github.com/newsgraph/newsgraph/graph"
)

// Status is where a job is.
type Status string

// The states of a job. A job goes from Queued to Running, and from Running
// to Done, to Failed, or back to Queued (to wait for its next attempt, or
// because its worker stopped).
const (
	Queued  Status = "queued"
	Running Status = "running"
	Done    Status = "done"
	Failed  Status = "failed"
)

// Valid reports whether s is one of the states.
func (s Status) Valid() bool {
	switch s {
	case Queued, Running, Done, Failed:
		return true
	}
	return false
}

// Task is one article to ingest, as it travels through the queue.
type Task struct {
	// Location says where the article was read (a path, "path:line", a
	// URL), for reports.
	Location string `json:"location,omitempty"`
	// Article is the article, read and keyed (ID and ContentHash set).
	Article graph.Article `json:"article"`
	// Again queues the article even when its job is done, so that it is
	// extracted anew (after an extractor upgrade); the job's state keeps
	// its history of enqueues.
	Again bool `json:"again,omitempty"`
	// Run is the job's enqueue this task belongs to (Job.Enqueues when it
	// was published), so that a worker tells a done job's late redelivery,
	// which it drops, from a run asked for again, which it does.
	Run int `json:"run,omitempty"`
}

// Counts are what a done job's extraction held.
type Counts struct {
	Entities      int `json:"entities"`
	Mentions      int `json:"mentions"`
	Relationships int `json:"relationships"`
	Claims        int `json:"claims"`
}

// Job is the durable state of a task.
type Job struct {
	ID        string `json:"id"`
	ArticleID string `json:"article_id"`
	Location  string `json:"location,omitempty"`
	Title     string `json:"title,omitempty"`
	Status    Status `json:"status"`
	// Attempts counts the deliveries of the task to a worker so far.
	Attempts int `json:"attempts"`
	// Code and Reason are the last error (of a failed job, or of the
	// attempt a queued job waits to repeat); Reason is safe to show.
	Code   graph.Code `json:"code,omitempty"`
	Reason string     `json:"reason,omitempty"`
	// Worker names the process that ran the job last.
	Worker string `json:"worker,omitempty"`
	Counts Counts `json:"counts"`
	// Enqueues counts how many times the job was queued again from
	// scratch (by Enqueue after a failure, or by Retry).
	Enqueues   int       `json:"enqueues"`
	CreatedAt  time.Time `json:"created_at"`
	StartedAt  time.Time `json:"started_at,omitzero"`
	FinishedAt time.Time `json:"finished_at,omitzero"`
}

// Finished reports whether the job is done or failed.
func (j *Job) Finished() bool { return j.Status == Done || j.Status == Failed }

// jobPrefix starts every job id, as the API's global ids require.
const jobPrefix = "job_"

// JobID is the id of the job that ingests an article: a hash of its id and
// content hash, so that the same article queued twice is one job, and a
// corrected version (same URL, new text) another.
func JobID(a *graph.Article) string {
	h := sha256.New()
	h.Write([]byte(a.ID))
	h.Write([]byte{0})
	h.Write([]byte(a.ContentHash))
	return jobPrefix + hex.EncodeToString(h.Sum(nil)[:12])
}

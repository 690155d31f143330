// Package queue is the durable work queue of ingest, on NATS JetStream.
//
// An article to ingest is a Task. Enqueue publishes it to a work-queue
// stream and records its Job, the durable state a person or the API asks
// about (queued, running, done, failed; attempts, the last error, timings),
// in a JetStream key-value bucket. Workers (Consume) take tasks from one
// durable pull consumer shared by every worker of every process, so adding
// processes on other machines spreads the work.
//
// Delivery is at least once, and made exactly once in effect by the store:
// a task is acknowledged only after its handler returned, that is after the
// store committed the article's extraction, and the store's writes are
// idempotent (an article is keyed by its id). A worker that dies, or stops
// answering, leaves its task unacknowledged; JetStream delivers it again
// after the ack wait, which a running handler keeps extending with
// in-progress heartbeats. A task whose handler fails is retried with a
// backoff, up to Options.MaxAttempts; an INVALID error is not retried. A task
// that cannot be done is moved to a dead-letter stream, subject
// "<namespace>.dead.<job id>", with its reason and code, and Retry puts it
// back.
//
// Job ids are deterministic, derived from the article id and its content
// hash, so enqueueing the same article twice is one job (and one message:
// JetStream drops the second publish by its Nats-Msg-Id).
//
// Open runs the JetStream server inside the process ("" or "embedded",
// storing in a folder) or connects to NATS servers ("nats://host:4222,...").
package queue

// Package crashtest is the harness of the crash tests: it builds the
// newsgraph binary, runs its processes on the BBC folder of
// ../shared/eval-data, kills workers and queue servers with SIGKILL
// mid-batch, and checks that every article is in the store once and every
// job done. Its own tests kill an ingest that holds the embedded queue;
// those of crashtest/external run worker processes on nats-server. They
// take minutes, so they live apart from the command's tests, each package
// with a timeout of its own; -short skips them. BenchmarkIngestBBC
// measures the binary's articles/s with 1 and 2 workers.
package crashtest

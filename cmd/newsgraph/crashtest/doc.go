// Package crashtest runs the newsgraph binary, built from ../, on the BBC
// folder of ../shared/eval-data, kills its workers and its queue with
// SIGKILL mid-batch, and checks that every article is in the store once
// and every job done. The tests take minutes; they live in a package of
// their own so that they run beside the other packages' tests, with a
// timeout of their own, and -short skips them. BenchmarkIngestBBC
// measures the same binary's articles/s with 1 and 2 workers.
package crashtest

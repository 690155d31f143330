#!/usr/bin/env bash
# Builds, starts and stops the embedded Neo4j test server of this folder
# (Main.java, pinned by pom.xml), for the tests that need a real Neo4j.
#
#   tools/neo4jtest/neo4jtest.sh run CMD...   start, run CMD with NEO4J_URI,
#                                             NEO4J_USER and NEO4J_PASSWORD
#                                             set, stop; exits with CMD's status
#   tools/neo4jtest/neo4jtest.sh build        only build
#
# Sourced (as .ci/neo4j.sh does), it defines neo4jtest_build,
# neo4jtest_start and neo4jtest_stop instead; they work under set -e.
#
# Settings: NEO4J_PASSWORD (default: a random one), NEO4J_USER (default
# neo4j), NEO4JTEST_PORT (default: a free port), NEO4JTEST_TIMEOUT (seconds
# to wait for "ready", default 240), NEO4JTEST_HEAP (default 1g), JAVA (the
# java command, default java on PATH; Java 17 or later).

NEO4JTEST_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

# neo4jtest_build resolves the class path with Maven (offline once the
# artifacts are in ~/.m2) and compiles Main.java when it changed.
neo4jtest_build() {
	local t="$NEO4JTEST_HOME/target"
	mkdir -p "$t/classes" || return 1
	if [ ! -s "$t/classpath" ] || [ "$NEO4JTEST_HOME/pom.xml" -nt "$t/classpath" ]; then
		echo "neo4jtest: resolving Neo4j from pom.xml with Maven" >&2
		mvn -q -B -f "$NEO4JTEST_HOME/pom.xml" dependency:build-classpath \
			-Dmdep.outputFile="$t/classpath" >&2 || {
			echo "neo4jtest: Maven could not resolve the Neo4j artifacts (see above)" >&2
			return 1
		}
	fi
	local src="$NEO4JTEST_HOME/src/main/java/newsgraph/neo4jtest/Main.java"
	local class="$t/classes/newsgraph/neo4jtest/Main.class"
	if [ ! -f "$class" ] || [ "$src" -nt "$class" ] || [ "$t/classpath" -nt "$class" ]; then
		javac -nowarn -d "$t/classes" -cp "$(cat "$t/classpath")" "$src" >&2 || return 1
	fi
}

# neo4jtest_start builds, starts the server in the background, waits for
# its "ready" line and exports NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD.
neo4jtest_start() {
	neo4jtest_build || return 1
	if [ -z "${NEO4J_PASSWORD:-}" ]; then
		NEO4J_PASSWORD="$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
	fi
	export NEO4J_USER="${NEO4J_USER:-neo4j}" NEO4J_PASSWORD
	NEO4JTEST_LOG="$(mktemp -d "${TMPDIR:-/tmp}/neo4jtest-log.XXXXXX")" || return 1
	# Tests append their results here (graph/neo4j/neo4jtest); stopping
	# prints what ran on Neo4j.
	export NEO4JTEST_REPORT="$NEO4JTEST_LOG/report"
	local t="$NEO4JTEST_HOME/target"
	# exec: the PID recorded is the JVM's, which SIGTERM stops cleanly.
	(exec "${JAVA:-java}" -Xms256m -Xmx"${NEO4JTEST_HEAP:-1g}" \
		-cp "$t/classes:$(cat "$t/classpath")" newsgraph.neo4jtest.Main \
		>"$NEO4JTEST_LOG/out" 2>"$NEO4JTEST_LOG/err") &
	NEO4JTEST_PID=$!
	local timeout="${NEO4JTEST_TIMEOUT:-240}" start=$SECONDS addr=""
	while [ $((SECONDS - start)) -lt "$timeout" ]; do
		addr="$(sed -n 's/^ready //p' "$NEO4JTEST_LOG/out" 2>/dev/null || true)"
		[ -n "$addr" ] && break
		if ! kill -0 "$NEO4JTEST_PID" 2>/dev/null; then
			echo "neo4jtest: the Neo4j test server exited before it was ready; its output:" >&2
			tail -n 40 "$NEO4JTEST_LOG/out" "$NEO4JTEST_LOG/err" >&2
			NEO4JTEST_PID=""
			return 1
		fi
		sleep 0.5
	done
	if [ -z "$addr" ]; then
		echo "neo4jtest: Neo4j was not ready after ${timeout}s (NEO4JTEST_TIMEOUT); its output:" >&2
		tail -n 40 "$NEO4JTEST_LOG/out" "$NEO4JTEST_LOG/err" >&2
		neo4jtest_stop
		return 1
	fi
	export NEO4J_URI="neo4j://$addr"
	echo "neo4jtest: Neo4j $(neo4jtest_version) ready at $NEO4J_URI after $((SECONDS - start))s (pid $NEO4JTEST_PID)" >&2
}

# neo4jtest_version is the Neo4j version pom.xml pins.
neo4jtest_version() {
	sed -n 's:.*<neo4j.version>\(.*\)</neo4j.version>.*:\1:p' "$NEO4JTEST_HOME/pom.xml"
}

# neo4jtest_report summarises the report the tests wrote: per package and
# top-level test, how many of its tests that used Neo4j passed, failed or
# skipped.
neo4jtest_report() {
	local root
	root="$(cd "$NEO4JTEST_HOME/../.." && pwd)"
	if [ ! -s "${NEO4JTEST_REPORT:-}" ]; then
		echo "neo4jtest: no test used the Neo4j server" >&2
		return 0
	fi
	echo "neo4jtest: tests that ran on Neo4j $(neo4jtest_version), by package and top-level test:" >&2
	sort -u "$NEO4JTEST_REPORT" | awk -v root="$root/" '
		{ dir = $2; sub("^" root, "", dir); top = $3; sub("/.*", "", top)
		  key = dir " " top; keys[key] = 1; n[key, $1]++; total[$1]++ }
		END {
			out = "sort"
			for (k in keys) printf "  %-40s %4d passed, %d failed, %d skipped\n", k, n[k, "PASS"], n[k, "FAIL"], n[k, "SKIP"] | out
			close(out)
			printf "  all: %d passed, %d failed, %d skipped\n", total["PASS"], total["FAIL"], total["SKIP"]
		}' >&2
}

# neo4jtest_stop sends SIGTERM, waits up to 60s for a clean stop, then
# kills. It does nothing when no server was started.
neo4jtest_stop() {
	[ -n "${NEO4JTEST_PID:-}" ] || return 0
	kill -TERM "$NEO4JTEST_PID" 2>/dev/null || true
	local i
	for i in $(seq 120); do
		kill -0 "$NEO4JTEST_PID" 2>/dev/null || break
		sleep 0.5
	done
	if kill -0 "$NEO4JTEST_PID" 2>/dev/null; then
		echo "neo4jtest: Neo4j did not stop within 60s of SIGTERM; killing it" >&2
		kill -KILL "$NEO4JTEST_PID" 2>/dev/null || true
	fi
	wait "$NEO4JTEST_PID" 2>/dev/null || true
	echo "neo4jtest: Neo4j stopped" >&2
	neo4jtest_report
	NEO4JTEST_PID=""
	rm -rf "${NEO4JTEST_LOG:-}"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
	set -uo pipefail
	case "${1:-}" in
	build)
		neo4jtest_build
		;;
	run)
		shift
		[ $# -gt 0 ] || { echo "usage: $0 run CMD..." >&2; exit 2; }
		trap neo4jtest_stop EXIT
		trap 'exit 130' INT TERM
		neo4jtest_start || exit 1
		"$@"
		;;
	*)
		echo "usage: $0 run CMD... | build" >&2
		exit 2
		;;
	esac
fi

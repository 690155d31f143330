# Sourced by .ci/run: starts the embedded Neo4j test server
# (tools/neo4jtest) for the Neo4j-backed tests, exports NEO4J_URI,
# NEO4J_USER and NEO4J_PASSWORD, and stops the server when .ci/run exits,
# whatever the result. Java 17+ and Maven come from Debian's packages when
# missing; Neo4j itself from Maven Central (pom.xml pins it).

if ! command -v javac >/dev/null || ! command -v mvn >/dev/null; then
	neo4j_sudo=""
	if [ "$(id -u)" -ne 0 ]; then neo4j_sudo="sudo"; fi
	$neo4j_sudo apt-get update && $neo4j_sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y openjdk-17-jdk-headless maven
fi
java -version 2>&1 | head -n 1
# The Neo4j-backed packages run for minutes (graph/neo4j's contract suite
# plans and runs every statement on a real server): more than go test's
# default 10-minute limit per package on a busy 2-core machine. go vet
# ignores the flag (GOFLAGS applies only where a flag is known).
export GOFLAGS="${GOFLAGS:+$GOFLAGS }-timeout=40m"
. tools/neo4jtest/neo4jtest.sh
ci_on_exit neo4jtest_stop
neo4jtest_start || { echo "neo4j.sh: could not start the Neo4j test server (see above)" >&2; exit 1; }

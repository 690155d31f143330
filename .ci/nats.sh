# Sourced by .ci/run: starts a NATS server with JetStream (Debian's
# nats-server package, installed when missing) for the queue's contract
# suite and the multi-process worker tests, and exports NATS_URL. A CI
# system that provides its own server sets NATS_URL beforehand, and this
# starts nothing. Under CI=true the tests fail when NATS_URL is missing.
if [ -z "${NATS_URL:-}" ]; then
	if ! command -v nats-server >/dev/null; then
		nats_sudo=""
		if [ "$(id -u)" -ne 0 ]; then nats_sudo="sudo"; fi
		$nats_sudo apt-get update && $nats_sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y nats-server
	fi
	nats_dir="$(mktemp -d)"
	nats_port="${NATS_PORT:-4222}"
	# max_payload: the queue carries whole articles, up to 2 MiB of text
	# by default (queue.DefaultMaxMessage is 8 MiB).
	cat >"$nats_dir/nats.conf" <<CONF
port: $nats_port
max_payload: 8MB
jetstream {
	store_dir: "$nats_dir/store"
}
CONF
	nats-server -c "$nats_dir/nats.conf" >"$nats_dir/nats.log" 2>&1 &
	nats_pid=$!
	ci_on_exit 'kill "$nats_pid" 2>/dev/null; rm -rf "$nats_dir"' 
	for _ in $(seq 1 100); do
		if (exec 3<>"/dev/tcp/127.0.0.1/$nats_port") 2>/dev/null; then break; fi
		sleep 0.1
	done
	if ! (exec 3<>"/dev/tcp/127.0.0.1/$nats_port") 2>/dev/null; then
		echo "nats-server did not start:" >&2
		cat "$nats_dir/nats.log" >&2
		exit 1
	fi
	export NATS_URL="nats://127.0.0.1:$nats_port"
fi
echo "nats $(nats-server --version 2>/dev/null || echo '(external)') at $NATS_URL"

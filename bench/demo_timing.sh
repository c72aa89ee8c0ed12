#!/usr/bin/env bash
# Times `make demo` on a fresh clone of the committed HEAD: until /healthz answers,
# then a second run in the same clone. Prints one line per figure.
set -euo pipefail
repo=$(git rev-parse --show-toplevel)
work=$(mktemp -d /tmp/wattwijs-demo-timing.XXXXXX)
port=${BENCH_PORT:-8765}
trap 'rm -rf "$work"' EXIT
git clone -q "$repo" "$work/clone"

serve_and_time() {
  local label=$1 start=$SECONDS
  # Its own session and process group, so that stopping it stops runserver too.
  setsid bash -c "cd '$work/clone' && PORT=$port exec make demo" >"$work/$label.log" 2>&1 &
  local pid=$!
  until curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; do
    if ! kill -0 $pid 2>/dev/null; then echo "make demo stopped; see log:"; tail -20 "$work/$label.log"; exit 1; fi
    if (( SECONDS - start > 600 )); then echo "make demo: not serving after 600 s"; exit 1; fi
    sleep 0.5
  done
  echo "make demo, $label: serving after $(( SECONDS - start )) s"
  kill -- -"$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  while curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; do sleep 0.2; done
}

serve_and_time "fresh clone"
serve_and_time "second run"

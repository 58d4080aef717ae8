#!/usr/bin/env bash
# bench-redis.sh: workers sharing crawls through Redis (issue 6).
#
# Four forumsim hosts (four loopback ports, ~250 thread pages each) are each
# crawled as one shared crawl (--redis, one --crawl-id per host) by W worker
# processes, for W = 1, 2 and 4, all crawls at once: W x 4 processes. Each run
# uses fresh crawl ids and fresh forums. Printed: medians over RUNS of the wall
# time, pages fetched (forumsim's counts) and pages/s, with the ratio to W = 1,
# and Redis commands per page (INFO commandstats, scripts' own calls included;
# round trips per page are measured by go test -bench RedisWorkers, see
# docs/performance.md).
#
# Usage: scripts/bench-redis.sh [RUNS]   (default 3; needs redis-server and redis-cli)
set -euo pipefail
RUNS=${1:-3}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$WORK"' EXIT
command -v redis-server >/dev/null || { echo "bench-redis.sh needs redis-server (apt-get install -y redis-server)" >&2; exit 2; }

echo "building..." >&2
(cd "$ROOT" && go build -o "$WORK/forumcrawl" ./cmd/forumcrawl && go build -o "$WORK/forumsim" ./cmd/forumsim)
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_up() { for _ in $(seq 100); do curl -fs -o /dev/null "$1" && return 0; sleep 0.1; done; echo "server at $1 did not start" >&2; exit 1; }

RPORT=$(free_port)
redis-server --port "$RPORT" --bind 127.0.0.1 --save '' --appendonly no >/dev/null 2>&1 &
for _ in $(seq 50); do redis-cli -p "$RPORT" ping >/dev/null 2>&1 && break; sleep 0.1; done
REDIS="redis://127.0.0.1:$RPORT/0"
commands() { redis-cli -p "$RPORT" info stats | awk -F: '/^total_commands_processed/ {print $2+0}'; }

rows="$WORK/rows.tsv"
: >"$rows"
run=0
for i in $(seq "$RUNS"); do
  for W in 1 2 4; do
    run=$((run + 1))
    echo "run $i of $RUNS: $W workers per host" >&2
    ports=() pids=()
    for h in 1 2 3 4; do
      p=$(free_port)
      "$WORK/forumsim" -addr "127.0.0.1:$p" -seed $((h * 7)) -boards 2 -threads 60 -min-pages 3 -max-pages 5 >/dev/null 2>&1 &
      pids+=($!) ports+=("$p")
    done
    for p in "${ports[@]}"; do wait_up "http://127.0.0.1:$p/__forumsim/stats"; done
    before=$(commands)
    start=$(date +%s.%N)
    workers=()
    for h in 0 1 2 3; do
      for w in $(seq "$W"); do
        "$WORK/forumcrawl" crawl "http://127.0.0.1:${ports[$h]}/community/" -o "$WORK/out-$run-$h-$w.jsonl" \
          --redis "$REDIS" --crawl-id "bench-$run-$h" --delay 0 --parallel 4 --log-level error --no-progress 2>>"$WORK/err.txt" &
        workers+=($!)
      done
    done
    for pid in "${workers[@]}"; do wait "$pid" || { cat "$WORK/err.txt" >&2; exit 1; }; done
    wall=$(echo "$(date +%s.%N) - $start" | bc -l)
    cmds=$(( $(commands) - before ))
    pages=0
    for p in "${ports[@]}"; do
      n=$(curl -s "http://127.0.0.1:$p/__forumsim/stats" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total_requests"])')
      pages=$((pages + n))
    done
    kill "${pids[@]}"; wait "${pids[@]}" 2>/dev/null || true
    echo -e "$W\t$wall\t$pages\t$cmds" >>"$rows"
  done
done

python3 - "$rows" <<'PY'
import sys, statistics as st
rows = {}
for line in open(sys.argv[1]):
    w, wall, pages, cmds = line.split("\t")
    rows.setdefault(int(w), []).append((float(wall), int(pages), int(cmds)))
base = None
print(f"{'workers/host':>12} {'processes':>9} {'pages':>6} {'wall s':>7} {'pages/s':>8} {'vs 1':>5} {'Redis cmds/page':>15}   (medians of {len(rows[1])} runs)")
for w in sorted(rows):
    rs = rows[w]
    wall = st.median(r[0] for r in rs)
    pages = st.median(r[1] for r in rs)
    rate = st.median(r[1] / r[0] for r in rs)
    cpp = st.median(r[2] / r[1] for r in rs)
    base = base or rate
    print(f"{w:12d} {w*4:9d} {pages:6.0f} {wall:7.2f} {rate:8.1f} {rate/base:5.2f} {cpp:15.1f}")
PY

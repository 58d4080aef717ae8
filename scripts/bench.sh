#!/usr/bin/env bash
# bench.sh: crawl benchmarks on loopback, forumcrawl beside the plain Colly
# crawler of ../shared/bench (the floor of CPU per page for this stack).
#
# Both crawlers crawl the same refsim forum (4 boards x 50 threads x 5 pages:
# 1,000 thread pages, 8 in flight, no delay); forumcrawl also crawls a
# forumsim forum of ~1,000 thread pages. Each run is repeated RUNS times and
# the medians are printed: wall seconds, pages/s, CPU seconds (user+sys),
# CPU ms per page and peak RSS (/usr/bin/time -v).
#
# Usage: scripts/bench.sh [RUNS]   (default 5)
set -euo pipefail
RUNS=${1:-5}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SHARED=${SHARED:-$ROOT/../shared}
WORK=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$WORK"' EXIT
[ -x /usr/bin/time ] || { echo "bench.sh needs /usr/bin/time (apt-get install -y time)" >&2; exit 2; }

echo "building..." >&2
(cd "$ROOT" && go build -o "$WORK/forumcrawl" ./cmd/forumcrawl && go build -o "$WORK/forumsim" ./cmd/forumsim)
have_ref=0
if [ -d "$SHARED/bench/refsim" ]; then
  (cd "$SHARED/bench" && go build -o "$WORK/refsim" ./refsim && go build -o "$WORK/refcolly" ./refcolly) && have_ref=1
fi

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# wait_up URL: wait until the server answers (bounded: 10 s).
wait_up() { for _ in $(seq 100); do curl -fs -o /dev/null "$1" && return 0; sleep 0.1; done; echo "server at $1 did not start" >&2; exit 1; }

# measure NAME PAGES_CMD CMD...: run CMD under /usr/bin/time -v and print one TSV row:
# name wall_s cpu_s max_rss_kb pages
measure() {
  local name=$1 pages_cmd=$2; shift 2
  /usr/bin/time -v -o "$WORK/time.txt" "$@" >/dev/null 2>"$WORK/err.txt" || { cat "$WORK/err.txt" >&2; exit 1; }
  local user sys wall rss pages
  user=$(awk -F': ' '/User time/ {print $2}' "$WORK/time.txt")
  sys=$(awk -F': ' '/System time/ {print $2}' "$WORK/time.txt")
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$WORK/time.txt" | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$WORK/time.txt")
  pages=$(eval "$pages_cmd")
  echo -e "$name\t$wall\t$(echo "$user + $sys" | bc -l)\t$rss\t$pages"
}

# serve_refsim: start a fresh refsim (request counts start at zero) on $PORT.
serve_refsim() {
  [ -n "${REFSIM_PID:-}" ] && kill "$REFSIM_PID" 2>/dev/null && wait "$REFSIM_PID" 2>/dev/null || true
  PORT=$(free_port)
  "$WORK/refsim" -addr "127.0.0.1:$PORT" -boards 4 -threads 50 -pages 5 >/dev/null 2>&1 &
  REFSIM_PID=$!
  wait_up "http://127.0.0.1:$PORT/stats"
}

rows="$WORK/rows.tsv"
: >"$rows"
for i in $(seq "$RUNS"); do
  echo "run $i of $RUNS" >&2
  if [ $have_ref = 1 ]; then
    serve_refsim
    measure refcolly "curl -s http://127.0.0.1:$PORT/stats" \
      "$WORK/refcolly" -start "http://127.0.0.1:$PORT/forums/" -parallel 8 -o "$WORK/refcolly.jsonl" >>"$rows"
    serve_refsim
    measure forumcrawl-refsim "curl -s http://127.0.0.1:$PORT/stats" \
      "$WORK/forumcrawl" crawl "http://127.0.0.1:$PORT/forums/" -o "$WORK/fc-ref.jsonl" --delay 0 --parallel 8 --log-level error >>"$rows"
  fi
  SPORT=$(free_port)
  "$WORK/forumsim" -addr "127.0.0.1:$SPORT" -seed 42 -boards 4 -threads 250 -min-pages 3 -max-pages 5 >/dev/null 2>&1 &
  SIM_PID=$!
  wait_up "http://127.0.0.1:$SPORT/__forumsim/stats"
  measure forumcrawl-forumsim "curl -s http://127.0.0.1:$SPORT/__forumsim/stats | python3 -c 'import json,sys; print(json.load(sys.stdin)[\"total_requests\"])'" \
    "$WORK/forumcrawl" crawl "http://127.0.0.1:$SPORT/community/" -o "$WORK/fc-sim.jsonl" --delay 0 --parallel 8 --log-level error >>"$rows"
  kill "$SIM_PID"; wait "$SIM_PID" 2>/dev/null || true
done

python3 - "$rows" <<'PY'
import sys, statistics as st
rows = {}
for line in open(sys.argv[1]):
    name, wall, cpu, rss, pages = line.split("\t")
    rows.setdefault(name, []).append((float(wall), float(cpu), int(rss), int(pages)))
med = {}
print(f"{'crawler':22} {'pages':>6} {'wall s':>7} {'pages/s':>8} {'CPU s':>6} {'CPU ms/page':>11} {'peak RSS MB':>11}   (medians of {len(next(iter(rows.values())))} runs)")
for name, rs in rows.items():
    pages = st.median(r[3] for r in rs)
    wall = st.median(r[0] for r in rs)
    cpu = st.median(r[1] for r in rs)
    rss = st.median(r[2] for r in rs) / 1024
    per = st.median(r[1] / r[3] * 1000 for r in rs)
    med[name] = per
    print(f"{name:22} {pages:6.0f} {wall:7.2f} {pages/wall:8.1f} {cpu:6.2f} {per:11.2f} {rss:11.1f}")
if "refcolly" in med and "forumcrawl-refsim" in med:
    print(f"\nforumcrawl CPU per page / refcolly CPU per page on refsim: {med['forumcrawl-refsim']/med['refcolly']:.2f}x (target <= 1.5x)")
PY

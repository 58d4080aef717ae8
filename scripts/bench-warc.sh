#!/usr/bin/env bash
# bench-warc.sh: what --warc costs a crawl, and how fast parse --warc re-extracts
# the posts, on a forumsim forum of ~1,000 thread pages on loopback.
#
# Each run crawls a fresh forumsim server twice, without and with --warc (the
# order alternates between runs), then re-parses the WARC. CPU = user + sys of
# the forumcrawl process (/usr/bin/time -v); the server runs in its own process.
# Prints the medians of RUNS runs: CPU ms per page with and without --warc and
# their ratio, and crawl wall time against parse --warc wall time.
#
# Usage: scripts/bench-warc.sh [RUNS]   (default 5)
set -euo pipefail
RUNS=${1:-5}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$WORK"' EXIT
[ -x /usr/bin/time ] || { echo "bench-warc.sh needs /usr/bin/time (apt-get install -y time)" >&2; exit 2; }

echo "building..." >&2
(cd "$ROOT" && go build -o "$WORK/forumcrawl" ./cmd/forumcrawl && go build -o "$WORK/forumsim" ./cmd/forumsim)

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_up() { for _ in $(seq 100); do curl -fs -o /dev/null "$1" && return 0; sleep 0.1; done; echo "server at $1 did not start" >&2; exit 1; }

# measure NAME PAGES CMD...: run CMD under /usr/bin/time -v; print "name wall cpu pages".
measure() {
  local name=$1 pages=$2; shift 2
  /usr/bin/time -v -o "$WORK/time.txt" "$@" >/dev/null 2>"$WORK/err.txt" || { cat "$WORK/err.txt" >&2; exit 1; }
  local user sys wall
  user=$(awk -F': ' '/User time/ {print $2}' "$WORK/time.txt")
  sys=$(awk -F': ' '/System time/ {print $2}' "$WORK/time.txt")
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$WORK/time.txt" | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  echo -e "$name\t$wall\t$(echo "$user + $sys" | bc -l)\t$pages"
}

# crawl NAME EXTRA...: crawl a fresh forumsim server and print its measure row.
crawl() {
  local name=$1; shift
  # a fresh crawl: no state, output or archive of an earlier run (they would be resumed or appended to)
  rm -rf "$WORK/$name.jsonl" "$WORK/$name.state"
  [ "$name" = warc ] && rm -f "$WORK/crawl.warc.gz"
  local port; port=$(free_port)
  "$WORK/forumsim" -addr "127.0.0.1:$port" -seed 42 -boards 4 -threads 250 -min-pages 3 -max-pages 5 >/dev/null 2>&1 &
  local pid=$!
  wait_up "http://127.0.0.1:$port/__forumsim/stats"
  local row
  row=$(measure "$name" 0 "$WORK/forumcrawl" crawl "http://127.0.0.1:$port/community/" -o "$WORK/$name.jsonl" \
    --delay 0 --parallel 8 --log-level error "$@")
  local pages
  pages=$(curl -s "http://127.0.0.1:$port/__forumsim/stats" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total_requests"])')
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "$row" | awk -v p="$pages" -F'\t' 'BEGIN{OFS="\t"} {$4=p; print}'
}

rows="$WORK/rows.tsv"
: >"$rows"
for i in $(seq "$RUNS"); do
  echo "run $i of $RUNS" >&2
  if (( i % 2 )); then
    crawl plain >>"$rows"
    crawl warc --warc "$WORK/crawl.warc.gz" >>"$rows"
  else
    crawl warc --warc "$WORK/crawl.warc.gz" >>"$rows"
    crawl plain >>"$rows"
  fi
  pages=$(awk -F'\t' '$1=="warc" {p=$4} END {print p}' "$rows")
  measure reparse "$pages" "$WORK/forumcrawl" parse --warc "$WORK/crawl.warc.gz" -o "$WORK/re.jsonl" >>"$rows"
  cmp -s <(sort "$WORK/warc.jsonl") <(sort "$WORK/re.jsonl") || echo "warning: parse --warc output differs from the crawl's" >&2
done
ls -l "$WORK/crawl.warc.gz" | awk '{printf "WARC size: %.1f MB\n", $5/1e6}' >&2

# The floor of re-parsing: html.Parse of every archived page, and the whole
# extraction, one page at a time (CPU ms/page; BenchmarkReplayFloor).
echo "timing html.Parse and the parser over the archive..." >&2
(cd "$ROOT" && FORUMCRAWL_BENCH_WARC="$WORK/crawl.warc.gz" go test ./scraper/ -run '^$' -bench ReplayFloor -benchtime 3x -count 1) \
  | awk '/ReplayFloor\/html.Parse/ {print "htmlparse\t" $(NF-1)} /ReplayFloor\/ParseAt/ {print "parseat\t" $(NF-1)}' >"$WORK/floor.tsv"

python3 - "$rows" "$WORK/floor.tsv" <<'PY'
import sys, statistics as st
floor = dict(line.split("\t") for line in open(sys.argv[2]).read().split("\n") if line)
rows = {}
for line in open(sys.argv[1]):
    name, wall, cpu, pages = line.rstrip("\n").split("\t")
    rows.setdefault(name, []).append((float(wall), float(cpu), int(pages)))
n = len(rows["plain"])
print(f"{'run':10} {'pages':>6} {'wall s':>7} {'CPU s':>6} {'CPU ms/page':>11}   (medians of {n} runs)")
med = {}
for name, rs in rows.items():
    per = st.median(r[1] / r[2] * 1000 for r in rs)
    wall = st.median(r[0] for r in rs)
    med[name] = (per, wall)
    print(f"{name:10} {st.median(r[2] for r in rs):6.0f} {wall:7.2f} {st.median(r[1] for r in rs):6.2f} {per:11.2f}")
ratios = [w[1] / p[1] for p, w in zip(rows["plain"], rows["warc"])]
print(f"\n--warc CPU per page / without: {st.median((w[1]/w[2]) / (p[1]/p[2]) for p, w in zip(rows['plain'], rows['warc'])):.3f}x (target <= 1.15x)")
print(f"crawl --warc wall / parse --warc wall: {st.median(w[0] / r[0] for w, r in zip(rows['warc'], rows['reparse'])):.2f}x (target >= 5x)")
print(f"crawl --warc CPU / parse --warc CPU:   {st.median(w[1] / r[1] for w, r in zip(rows['warc'], rows['reparse'])):.2f}x")
if floor:
    hp, pa = float(floor["htmlparse"]), float(floor["parseat"])
    print(f"\nover the archive, one page at a time: html.Parse {hp:.2f} CPU ms/page, the parser {pa:.2f} CPU ms/page ({pa/hp:.2f}x)")
    print(f"crawl --warc CPU per page / html.Parse per page: {med['warc'][0] / hp:.2f}x (the most any re-parse that builds the HTML tree could gain)")
PY

#!/usr/bin/env bash
# bench-parse.sh: parse speed of every engine against html.Parse, from
# BenchmarkParseRatioCPU (thread CPU time, Linux): per page the median of
# RUNS runs of its ratio Parse ÷ html.Parse, then per engine the median
# page, the worst page, the pages over LIMIT, and the engine's throughput
# ratio: the sum over its pages of Parse's CPU time over the sum of
# html.Parse's (pages weigh by their size in parse time), and its
# throughput in MB/s of CPU time (the sum of its pages' bytes over the sum
# of Parse's CPU time). "tree" is, for a page whose tree Parse builds
# otherwise than html.Parse (its <noscript> markup parsed, long unread
# attribute values left out), the ratio to building that tree.
#
# Usage: scripts/bench-parse.sh [RUNS] [ITERATIONS] [FILTER]   (default 3, 30, every page)
#   FILTER is a regexp of ENGINE/PAGE, e.g. '(smf|phpbb)' or 'discourse/glamour'.
#   LIMIT=1.5 (env) is the ratio a page must not pass (issue 3).
set -euo pipefail
RUNS=${1:-3}
ITER=${2:-30}
FILTER=${3:-}
LIMIT=${LIMIT:-1.5}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=$(mktemp)
trap 'rm -f "$OUT"' EXIT
if ! (cd "$ROOT" && go test ./parser/ -run '^$' -bench "BenchmarkParseRatioCPU/${FILTER}" \
	-benchtime="${ITER}x" -count="$RUNS") >"$OUT" 2>&1; then
	cat "$OUT" >&2
	echo "bench-parse.sh: the benchmark failed (RUNS=$RUNS ITERATIONS=$ITER FILTER='$FILTER')" >&2
	exit 1
fi
grep -q 'cpu-x-html.Parse' "$OUT" || { cat "$OUT" >&2; echo "bench-parse.sh: no ratios measured" >&2; exit 1; }

# Each line: BenchmarkParseRatioCPU/ENGINE/PAGE-N iters ns/op  R cpu-x-html.Parse  MS html.Parse-cpu-ms
#            PMS parse-cpu-ms  MBS parse-cpu-MB/s
awk -v limit="$LIMIT" '
function median(list,    n, a, i, j, t) {
	n = split(list, a, " ")
	for (i = 2; i <= n; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] + 0 > t + 0; j--) a[j + 1] = a[j]; a[j + 1] = t }
	return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
}
$1 ~ /^BenchmarkParseRatioCPU\// {
	name = $1; sub(/^BenchmarkParseRatioCPU\//, "", name); sub(/-[0-9]+$/, "", name)
	for (i = 1; i <= NF; i++) {
		if ($i == "cpu-x-html.Parse") ratio = $(i - 1)
		if ($i == "html.Parse-cpu-ms") ms = $(i - 1)
		if ($i == "parse-cpu-ms") pms = $(i - 1)
		if ($i == "parse-cpu-MB/s") mbs = $(i - 1)
		if ($i == "cpu-x-tree") trees[name] = trees[name] " " $(i - 1)
	}
	if (!(name in ratios)) order[++pages] = name
	ratios[name] = ratios[name] " " ratio
	plain[name] = plain[name] " " ms
	parsed[name] = parsed[name] " " pms
	size[name] = pms * mbs * 1000 # bytes: the same in every run
}
END {
	printf "%-64s %8s %14s %9s %8s %8s\n", "page", "ratio", "html.Parse ms", "Parse ms", "MB/s", "tree"
	for (k = 1; k <= pages; k++) {
		name = order[k]; r = median(ratios[name]); m = median(plain[name]); pm = median(parsed[name])
		tree = (name in trees) ? sprintf("%7.3fx", median(trees[name])) : ""
		printf "%-64s %7.3fx %14.3f %9.3f %8.1f %8s%s\n", name, r, m, pm, size[name] / pm / 1000, tree, (r > limit ? "  over" : "")
		split(name, parts, "/"); e = parts[1]
		if (!(e in count)) engines[++ne] = e
		count[e]++; list[e] = list[e] " " r; parse[e] += pm; base[e] += m; bytes[e] += size[name]
		if (r > worst[e]) worst[e] = r
		if (r > limit) { over[e]++; overall++ }
		all = all " " r
	}
	printf "\n%-10s %5s %8s %8s %6s %14s %8s\n", "engine", "pages", "median", "worst", "over", "sum ÷ sum", "MB/s"
	for (k = 1; k <= ne; k++) {
		e = engines[k]
		printf "%-10s %5d %7.3fx %7.3fx %6d %13.3fx %8.1f\n", e, count[e], median(list[e]), worst[e], over[e] + 0, parse[e] / base[e], bytes[e] / parse[e] / 1000
	}
	printf "%-10s %5d %7.3fx %8s %6d\n", "all", pages, median(all), "", overall + 0
}' "$OUT"

#!/usr/bin/env bash
# The API benchmark: throughput and p50/p99 of five analyst questions (search four ways: repeated, ranked anew, a word most documents hold, and by FTS5 alone) over
# GraphQL (GET /graphql) against the same server's plain minimal-API endpoints (/bench/plain/*) that make the same store calls and return the same rows as
# JSON, with wrk on loopback (32 connections). Prints a Markdown table.
#
#   bench/api-bench.sh <store.db> [duration=10s] [port=5390] [repeats=1]     (uses ports port to port + 2)
#   QUESTIONS="c0 c1" bench/api-bench.sh …     asks only those questions (all by default)
#
# Each endpoint is warmed up until its throughput stops rising (see warm), then measured.
# With repeats > 1 each question runs GraphQL then plain back to back that many times and the table gives the
# medians (the ratio is the median of the per-repeat ratios); the load average is printed before and after.
#
# Build first: dotnet build src/NormsGraph.Api -c Release -o /tmp/ngapi
# A store: normsgraph generate /tmp/b/reports --reports 2000 && normsgraph ingest /tmp/b/reports --store /tmp/b/graph.db
set -euo pipefail
db=$1; duration=${2:-10s}; port=${3:-5390}; repeats=${4:-1}; questions=${QUESTIONS:-a b c c0 c2 c1 d e}
api=${NORMSGRAPH_API_DLL:-/tmp/ngapi/NormsGraph.Api.dll}
base="http://127.0.0.1:$port"
# Matching:Semantic=false: otherwise the background statement-vector indexer embeds every stored statement with
# MiniLM while wrk runs (at 20,000 reports for the whole run), and the figures measure the model, not the API.
# A second server on the next port, with the search ranking cache off, measures search as its first request for a text
# costs: (c) repeats one text, which the first server answers from its cache after the first request. (c0) is answered
# by the index kept in memory; a third server, with that index off too, gives (c1): every request ranked by FTS5.
# (c2) asks the second server for a word most documents hold, the search that costs the index most.
start() {
  dotnet "$api" --urls "$1" --Store:Embedded:Path="$db" --Ingestion:Enabled=false --Ingestion:SeedSamples=false \
    --Api:RateLimitPermits=0 --Api:BenchEndpoints=true --Matching:Semantic=false --Logging:LogLevel:Default=Warning "${@:2}" >>/tmp/api-bench-server.log 2>&1 &
}
: >/tmp/api-bench-server.log
live() { for _ in $(seq 1 300); do curl -sf "$1/health/live" >/dev/null && return; sleep 0.2; done; }
wrkout=$(mktemp)
cold="http://127.0.0.1:$((port + 1))"; fts5="http://127.0.0.1:$((port + 2))"; server=; cold_server=; fts5_server=
trap 'kill $server $cold_server $fts5_server 2>/dev/null || true; rm -f "$wrkout"' EXIT
# One after the other: a file from an older schema rebuilds its derived tables on the first start (some seconds at
# 20,000 reports), and the second start then finds it current.
start "$base"; server=$!; live "$base"
start "$cold" --Store:Embedded:SearchCacheMegabytes=0; cold_server=$!; live "$cold"
start "$fts5" --Store:Embedded:SearchCacheMegabytes=0 --Store:Embedded:SearchIndexInMemory=false; fts5_server=$!; live "$fts5"

enc() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$1"; }
gql() { curl -s "${2:-$base}/graphql?query=$(enc "$1")"; }
stats=$(gql '{ statistics(top: 1) { labels { name count } mostSupportedTargets { target { id } } mostActiveActors { actor { id } } } }')
norm=$(echo "$stats" | python3 -c 'import json,sys; print(json.load(sys.stdin)["data"]["statistics"]["mostSupportedTargets"][0]["target"]["id"])')
actor=$(echo "$stats" | python3 -c 'import json,sys; print(json.load(sys.stdin)["data"]["statistics"]["mostActiveActors"][0]["actor"]["id"])')
reports=$(echo "$stats" | python3 -c 'import json,sys; print(next(l["count"] for l in json.load(sys.stdin)["data"]["statistics"]["labels"] if l["name"]=="Report"))')
statements=$(echo "$stats" | python3 -c 'import json,sys; print(next(l["count"] for l in json.load(sys.stdin)["data"]["statistics"]["labels"] if l["name"]=="Statement"))')

declare -A graphql plain names
graphql[a]="{ who(norm: \"$norm\", stance: SUPPORT, first: 20) { totalCount nodes { actor { id name } statementCount firstDate lastDate evidence(first: 1) { evidence } } } }"
plain[a]="/bench/plain/supporters?norm=$norm"
graphql[b]="{ positions(actor: \"$actor\", first: 20) { totalCount nodes { id stance target { name } evidence date } } }"
plain[b]="/bench/plain/actor?actor=$actor"
graphql[c]='{ search(text: "responsible disclosure", first: 10) { totalCount nodes { kind id title score } } }'
plain[c]="/bench/plain/search?text=responsible%20disclosure"
graphql[d]="{ timeline(norm: \"$norm\") { period stance actorCount joined(first: 100) { nodes { name } } } }"
plain[d]="/bench/plain/timeline?norm=$norm"
graphql[e]="{ who(norm: \"$norm\", stance: SUPPORT, first: 20) { totalCount nodes { actor { id } reports(first: 5) { totalCount nodes { title date } } } } }"
plain[e]="/bench/plain/supporter-reports?norm=$norm"
graphql[c0]=${graphql[c]}
plain[c0]=${plain[c]}
graphql[c2]='{ search(text: "cyber", first: 10) { totalCount nodes { kind id title score } } }'
plain[c2]="/bench/plain/search?text=cyber"
graphql[c1]=${graphql[c]}
plain[c1]=${plain[c]}
names=([a]="supporters of a norm with evidence" [b]="an actor's positions" [c]="search" [c0]="search, every request ranked (cache off)"
  [c2]="search of a word most documents hold, ranked (cache off)"
  [c1]="search, every request ranked by FTS5 (cache and index off)" [d]="a timeline"
  [e]="supporters with their reports")
# The server each question is asked of, and whose CPU time is counted.
declare -A host pid
for q in a b c d e; do host[$q]=$base; pid[$q]=$server; done
host[c0]=$cold; pid[c0]=$cold_server
host[c2]=$cold; pid[c2]=$cold_server
host[c1]=$fts5; pid[c1]=$fts5_server

# wrk's summary: requests/s, p50 and p99 in ms, non-2xx responses, and the server's CPU time per request in ms (user +
# system time of the server process over the run, divided by the requests): unlike throughput and latency, that last
# figure hardly moves when other work shares the cores, so it is the one to compare between runs on a busy machine.
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
run() {
  local before after
  before=$(ticks "$2")
  wrk -t2 -c32 -d"$duration" --latency "$1" > "$wrkout"
  after=$(ticks "$2")
  CPU_TICKS=$((after - before)) CLK_TCK=$(getconf CLK_TCK) python3 -c '
import os, re, sys
out = sys.stdin.read()
def ms(v):
    m = re.match(r"([\d.]+)(us|ms|s|m)$", v)
    return float(m.group(1)) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[m.group(2)] if m else float("nan")
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
# Anchored at the start of a line: the thread stats also print percentages ("70.50%"), which an unanchored search
# matched before the latency distribution, giving nan.
p50 = ms(re.search(r"^\s*50%\s+(\S+)", out, re.M).group(1)); p99 = ms(re.search(r"^\s*99%\s+(\S+)", out, re.M).group(1))
errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
requests = int(re.search(r"(\d+) requests in", out).group(1))
cpu = int(os.environ["CPU_TICKS"]) * 1000 / int(os.environ["CLK_TCK"]) / max(requests, 1)
print(f"{rps:.0f} {p50:.1f} {p99:.1f} {errors.group(1) if errors else 0} {cpu:.2f}")' < "$wrkout"
}

# Warm-up until throughput stops rising: 3 s runs until one gains less than 5 % on the one before (at least 4, at most
# 8). A fixed 3 s was not enough under load: the JIT was still moving GraphQL.NET's many methods to optimised code
# during the measured run (CPU per GraphQL request 1.7-2.2 ms in the first 8 s, 0.7 ms after), which penalised the
# GraphQL column far more than the plain one, whose code path is short. At least 2 runs was not enough either: two
# runs of one build gave (a) 0.52 and 0.68 ms of CPU per GraphQL request (session 10), as a pause in the rise ended
# the warm-up early.
warm() {
  local previous=0 current
  for i in $(seq 1 8); do
    current=$(wrk -t2 -c32 -d3s "$1" | awk '/Requests\/sec/ {print int($2)}')
    if [[ $i -ge 4 && $current -lt $((previous * 105 / 100)) ]]; then break; fi
    previous=$current
  done
}

cpu() { python3 -c 'import statistics, sys; print(f"{statistics.median(float(x) for x in sys.argv[1:]):.2f}")' "$@"; }

median() { python3 -c 'import statistics, sys; v = [float(x) for x in sys.argv[1:]]; print(f"{statistics.median(v):.{0 if max(v) >= 100 else 1}f}")' "$@"; }

# Every question must answer with data before it is measured: a query the schema no longer accepts answers 200 with
# only "errors" (wrk sends no Accept header, so the answer is application/json), fast, and would pass for a result.
for q in $questions; do
  answer=$(gql "${graphql[$q]}" "${host[$q]}")
  if ! python3 -c 'import json, sys; body = json.loads(sys.argv[1]); sys.exit(0 if body.get("data") and not body.get("errors") else 1)' "$answer"; then
    echo "question ($q) does not answer with data: ${answer:0:300}" >&2; exit 1
  fi
  curl -sf "${host[$q]}${plain[$q]}" >/dev/null || { echo "the plain endpoint of ($q) fails" >&2; exit 1; }
done

echo "api benchmark: $reports reports, $statements statements, norm $norm, actor $actor, wrk 32 connections $duration after a warm-up to steady throughput, $repeats repeat(s), medians, $(date -u +%F)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| question | GraphQL req/s | p50 ms | p99 ms | CPU ms/req | plain req/s | p50 ms | p99 ms | CPU ms/req | ratio |"
echo "|---|---|---|---|---|---|---|---|---|---|"
for q in $questions; do
  url="${host[$q]}/graphql?query=$(enc "${graphql[$q]}")"
  warm "$url"; warm "${host[$q]}${plain[$q]}"
  g_rps=(); g_p50=(); g_p99=(); g_cpu=(); p_rps=(); p_p50=(); p_p99=(); p_cpu=(); ratios=()
  for _ in $(seq 1 "$repeats"); do
    read -r a b c g_err g <<<"$(run "$url" "${pid[$q]}")"; g_rps+=("$a"); g_p50+=("$b"); g_p99+=("$c"); g_cpu+=("$g")
    read -r d e f p_err p <<<"$(run "${host[$q]}${plain[$q]}" "${pid[$q]}")"; p_rps+=("$d"); p_p50+=("$e"); p_p99+=("$f"); p_cpu+=("$p")
    [[ $g_err == 0 && $p_err == 0 ]] || echo "(errors: graphql $g_err, plain $p_err)"
    ratios+=("$(python3 -c "print(f'{$a / $d:.2f}')")")
  done
  ratio=$(python3 -c 'import statistics, sys; print(f"{statistics.median(float(x) for x in sys.argv[1:]):.2f}")' "${ratios[@]}")
  echo "| (${q}) ${names[$q]} | $(median "${g_rps[@]}") | $(median "${g_p50[@]}") | $(median "${g_p99[@]}") | $(cpu "${g_cpu[@]}") | $(median "${p_rps[@]}") | $(median "${p_p50[@]}") | $(median "${p_p99[@]}") | $(cpu "${p_cpu[@]}") | $ratio |"
done
echo
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

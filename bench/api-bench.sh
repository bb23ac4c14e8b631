#!/usr/bin/env bash
# The API benchmark: throughput and p50/p99 of five analyst questions (search four ways: repeated, ranked anew, a word most documents hold, and by FTS5 alone) over
# GraphQL (GET /graphql) against the same server's plain minimal-API endpoints (/bench/plain/*) that make the same store calls and return the same rows as
# JSON, with wrk on loopback (32 connections). Prints a Markdown table per store, and with two stores the change from the first to the second.
#
#   bench/api-bench.sh <store.db>[,<store2.db>] [duration=10s] [port=5390] [repeats=1]     (three ports per store from port on)
#   QUESTIONS="c0 c1" bench/api-bench.sh …     asks only those questions (all by default)
#
# Each endpoint is warmed up until its throughput stops rising (see warm), then measured. Each repeat is one run of
# each endpoint on each store, back to back, the order reversed every repeat; the tables pool every run of an endpoint:
# requests/s over all of them, p50 and p99 of all their requests, the ratio of the pooled throughputs. The host's speed
# drifts over minutes here (one build's CPU per request moved by a quarter between runs of the same hour), so many
# short repeats (`3s … 20`) compare endpoints, and stores, closer than a few long runs one after the other. The load
# average is printed before and after.
#
# Build first: dotnet build src/NormsGraph.Api -c Release -o /tmp/ngapi
# A store: normsgraph generate /tmp/b/reports --reports 2000 && normsgraph ingest /tmp/b/reports --store /tmp/b/graph.db
set -euo pipefail
IFS=, read -ra dbs <<<"$1"; duration=${2:-10s}; port=${3:-5390}; repeats=${4:-1}; questions=${QUESTIONS:-a b c c0 c2 c1 d e}
api=${NORMSGRAPH_API_DLL:-/tmp/ngapi/NormsGraph.Api.dll}
# Matching:Semantic=false: otherwise the background statement-vector indexer embeds every stored statement with
# MiniLM while wrk runs (at 20,000 reports for the whole run), and the figures measure the model, not the API.
# Three servers per store. The first answers (a), (b), (c), (d), (e). The second, with the search ranking cache off,
# measures search as its first request for a text costs: (c) repeats one text, which the first server answers from its
# cache after the first request. (c0) is answered by the index kept in memory; (c2) asks the second server for a word
# most documents hold, the search that costs the index most. The third, with that index off too, gives (c1): every
# request ranked by FTS5.
start() {
  dotnet "$api" --urls "$1" --Store:Embedded:Path="$2" --Ingestion:Enabled=false --Ingestion:SeedSamples=false \
    --Api:RateLimitPermits=0 --Api:BenchEndpoints=true --Matching:Semantic=false --Logging:LogLevel:Default=Warning "${@:3}" >>/tmp/api-bench-server.log 2>&1 &
  servers+=("$!")
}
: >/tmp/api-bench-server.log
live() { for _ in $(seq 1 300); do curl -sf "$1/health/live" >/dev/null && return; sleep 0.2; done; }
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d); wrkout=$work/wrk; servers=()
trap 'kill "${servers[@]}" 2>/dev/null || true; rm -rf "$work"' EXIT
declare -A url_of pid_of
for s in "${!dbs[@]}"; do
  for kind in 0 1 2; do
    url_of[$s,$kind]="http://127.0.0.1:$((port + 3 * s + kind))"
  done
  # One after the other: a file from an older schema rebuilds its derived tables on the first start (some seconds at
  # 20,000 reports), and the second start then finds it current.
  start "${url_of[$s,0]}" "${dbs[$s]}"; pid_of[$s,0]=$!; live "${url_of[$s,0]}"
  start "${url_of[$s,1]}" "${dbs[$s]}" --Store:Embedded:SearchCacheMegabytes=0; pid_of[$s,1]=$!; live "${url_of[$s,1]}"
  start "${url_of[$s,2]}" "${dbs[$s]}" --Store:Embedded:SearchCacheMegabytes=0 --Store:Embedded:SearchIndexInMemory=false; pid_of[$s,2]=$!; live "${url_of[$s,2]}"
done

enc() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$1"; }
gql() { curl -s "$2/graphql?query=$(enc "$1")"; }
statistics() { gql '{ statistics(top: 1) { labels { name count } mostSupportedTargets { target { id } } mostActiveActors { actor { id } } } }' "${url_of[$1,0]}"; }
label() { python3 -c 'import json,sys; print(next(l["count"] for l in json.load(sys.stdin)["data"]["statistics"]["labels"] if l["name"]==sys.argv[1]))' "$1"; }
# The question's norm and actor come from the first store and are asked of every store: the same question at each size.
stats=$(statistics 0)
norm=$(echo "$stats" | python3 -c 'import json,sys; print(json.load(sys.stdin)["data"]["statistics"]["mostSupportedTargets"][0]["target"]["id"])')
actor=$(echo "$stats" | python3 -c 'import json,sys; print(json.load(sys.stdin)["data"]["statistics"]["mostActiveActors"][0]["actor"]["id"])')

declare -A graphql plain names kind_of
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
# The server each question is asked of (0, 1 or 2 above), whose CPU time is counted.
for q in a b c d e; do kind_of[$q]=0; done
kind_of[c0]=1; kind_of[c2]=1; kind_of[c1]=2

# One measured run (a slice) of an endpoint, appended to the file $3 as one line: requests, length in µs, non-2xx answers,
# the server's CPU ticks over the run (user + system time of the server process) and the latency at every 0.1 % of
# requests (bench/wrk-quantiles.lua).
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
slice() {
  local before after
  before=$(ticks "$2")
  wrk -t2 -c32 -d"$duration" -s "$here/wrk-quantiles.lua" "$1" > "$wrkout"
  after=$(ticks "$2")
  python3 -c '
import sys
lines = {l.split()[1]: l.split()[2:] for l in sys.stdin if l.startswith("pool ")}
r = lines["requests"]
print(r[0], r[2], r[4], sys.argv[1], *lines["quantiles"])' "$((after - before))" < "$wrkout" >> "$3"
}

# The slices of one endpoint pooled: requests/s over all of them, p50 and p99 of all their requests (each slice's
# quantiles weighted by its requests), non-2xx answers, and the server's CPU time per request in ms: unlike throughput
# and latency, that last figure hardly moves when other work shares the cores, so it is the one to compare between
# runs on a busy machine.
pooled() {
  CLK_TCK=$(getconf CLK_TCK) python3 -c '
import os, sys
rows = [list(map(int, line.split())) for line in open(sys.argv[1])]
requests = sum(r[0] for r in rows)
points = sorted((q, r[0] / 1000) for r in rows for q in r[4:])
def quantile(p):
    target, seen = p * requests, 0.0
    for value, weight in points:
        seen += weight
        if seen >= target:
            return value / 1000
    return points[-1][0] / 1000
cpu = sum(r[3] for r in rows) * 1000 / int(os.environ["CLK_TCK"]) / max(requests, 1)
print(f"{requests / (sum(r[1] for r in rows) / 1e6):.0f} {quantile(0.5):.1f} {quantile(0.99):.1f} {sum(r[2] for r in rows)} {cpu:.2f}")' "$1"
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

# Every question must answer with data before it is measured: a query the schema no longer accepts answers 200 with
# only "errors" (wrk sends no Accept header, so the answer is application/json), fast, and would pass for a result.
for q in $questions; do
  for s in "${!dbs[@]}"; do
    host=${url_of[$s,${kind_of[$q]}]}
    answer=$(gql "${graphql[$q]}" "$host")
    if ! python3 -c 'import json, sys; body = json.loads(sys.argv[1]); sys.exit(0 if body.get("data") and not body.get("errors") else 1)' "$answer"; then
      echo "question ($q) does not answer with data from ${dbs[$s]}: ${answer:0:300}" >&2; exit 1
    fi
    curl -sf "$host${plain[$q]}" >/dev/null || { echo "the plain endpoint of ($q) fails on ${dbs[$s]}" >&2; exit 1; }
  done
done

# The endpoints of a question, one per line: store, endpoint (graphql or plain), URL, server pid.
endpoints() {
  for s in "${!dbs[@]}"; do
    host=${url_of[$s,${kind_of[$1]}]}
    echo "$s graphql $host/graphql?query=$(enc "${graphql[$1]}") ${pid_of[$s,${kind_of[$1]}]}"
    echo "$s plain $host${plain[$1]} ${pid_of[$s,${kind_of[$1]}]}"
  done
}

echo "api benchmark: norm $norm, actor $actor, wrk 32 connections $duration after a warm-up to steady throughput, $repeats interleaved repeat(s), pooled, $(date -u +%F)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for q in $questions; do
  mapfile -t runs < <(endpoints "$q")
  for run in "${runs[@]}"; do
    read -r s endpoint url _ <<<"$run"; warm "$url"; : >"$work/$q.$s.$endpoint"
  done
  for r in $(seq 1 "$repeats"); do
    order=("${runs[@]}")
    (( r % 2 )) || mapfile -t order < <(printf '%s\n' "${runs[@]}" | tac)
    for run in "${order[@]}"; do
      read -r s endpoint url server <<<"$run"; slice "$url" "$server" "$work/$q.$s.$endpoint"
    done
  done
done
for s in "${!dbs[@]}"; do
  stats=$(statistics "$s")
  echo
  echo "${dbs[$s]}: $(echo "$stats" | label Report) reports, $(echo "$stats" | label Statement) statements"
  echo
  echo "| question | GraphQL req/s | p50 ms | p99 ms | CPU ms/req | plain req/s | p50 ms | p99 ms | CPU ms/req | ratio |"
  echo "|---|---|---|---|---|---|---|---|---|---|"
  for q in $questions; do
    read -r g_rps g_p50 g_p99 g_err g_cpu <<<"$(pooled "$work/$q.$s.graphql")"
    read -r p_rps p_p50 p_p99 p_err p_cpu <<<"$(pooled "$work/$q.$s.plain")"
    [[ $g_err == 0 && $p_err == 0 ]] || echo "(errors: graphql $g_err, plain $p_err)"
    echo "| (${q}) ${names[$q]} | $g_rps | $g_p50 | $g_p99 | $g_cpu | $p_rps | $p_p50 | $p_p99 | $p_cpu | $(python3 -c "print(f'{$g_rps / $p_rps:.2f}')") |"
    echo "$g_rps" >"$work/$q.$s.rps"
  done
done
if (( ${#dbs[@]} > 1 )); then
  echo
  echo "GraphQL throughput from ${dbs[0]} to the other stores, slices interleaved:"
  echo
  for q in $questions; do
    for s in $(seq 1 $((${#dbs[@]} - 1))); do
      echo "- (${q}) ${names[$q]}: $(cat "$work/$q.0.rps") → $(cat "$work/$q.$s.rps") req/s ($(python3 -c "print(f'{($(cat "$work/$q.$s.rps") / $(cat "$work/$q.0.rps") - 1) * 100:+.0f} %')"))"
    done
  done
fi
echo
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

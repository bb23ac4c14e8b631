#!/usr/bin/env bash
# The linking benchmark behind bench/link-results.md: a graph of 2,000 generated reports (plus the samples and
# the dev reports), linkStatement latency over HTTP against the Release API, the CLI's statements/s, the API's
# start-up (model load) and resident memory. Needs ../shared/eval/dev beside the repository.
# Usage: bash bench/link-bench.sh [output folder]   (prints Markdown; nothing is left running)
#        REUSE=1 bash bench/link-bench.sh …            keeps an earlier run's graph and vectors (rebuilds the binaries)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-/tmp/normsgraph-link-bench}
dev=../shared/eval/dev
if [[ "${REUSE:-0}" != 1 || ! -f "$out/graph.db" ]]; then
  rm -rf "$out" && mkdir -p "$out"
  fresh=1
fi
# The CLI and the API share one cache of the taxonomy's target vectors; the first CLI run fills it.
export Matching__TargetVectorCache="$out/target-vectors.bin"

dotnet build src/NormsGraph.Cli -c Release -o "$out/cli" -v q -nologo >/dev/null
dotnet build src/NormsGraph.Api -c Release -o "$out/api" -v q -nologo >/dev/null
cli="$out/cli/normsgraph"

if [[ "${fresh:-0}" == 1 ]]; then
  "$cli" generate "$out/reports" --reports 2000 >/dev/null
  "$cli" --store "$out/graph.db" ingest "$out/reports" samples/reports "$dev/reports" >"$out/ingest.txt" 2>&1 || true
fi
# 200 statements: the 50 dev statements four times over.
for _ in 1 2 3 4; do cat "$dev/gold_links.jsonl"; done >"$out/statements.jsonl"

echo "## Linking (\`bash bench/link-bench.sh\`), $(date -u +%Y-%m-%d)"
echo
echo "Graph: $(grep -E '^ingest:' "$out/ingest.txt")"
echo

# The CLI: the first run computes the evidence vectors of every stored statement; the second is steady state.
if [[ "${fresh:-0}" == 1 ]]; then
  "$cli" --store "$out/graph.db" link --input "$out/statements.jsonl" --format jsonl >/dev/null 2>"$out/cli-first.txt"
fi
/usr/bin/time -v "$cli" --store "$out/graph.db" link --input "$out/statements.jsonl" --format jsonl >/dev/null 2>"$out/cli-second.txt"
"$cli" --store "$out/graph.db" link --input "$out/statements.jsonl" --format jsonl --no-semantic >/dev/null 2>"$out/cli-lexical.txt"
echo "CLI, first run (stores evidence vectors): $(grep -E '^link: computed' "$out/cli-first.txt" || echo 'no vectors computed'); $(grep -E '^link: [0-9]+ statements' "$out/cli-first.txt")"
echo
echo "CLI, steady state: $(grep -E '^link: [0-9]+ statements' "$out/cli-second.txt") ($(grep -E '^link: model' "$out/cli-second.txt" | sed 's/^link: //') before that); peak resident memory $(awk -F': ' '/Maximum resident/ {printf "%.0f MB", $2/1024}' "$out/cli-second.txt"), wall time $(awk -F': ' '/Elapsed \(wall/ {print $2}' "$out/cli-second.txt") including start-up"
echo
echo "CLI, semantic signal off: $(grep -E '^link: [0-9]+ statements' "$out/cli-lexical.txt")"
echo

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
started=$(date +%s.%N)
"$out/api/NormsGraph.Api" --Urls "http://127.0.0.1:$port" --Store:Embedded:Path "$out/graph.db" --Ingestion:Enabled false \
  --Ingestion:SeedSamples false >"$out/api.log" 2>&1 &
api=$!
trap 'kill $api 2>/dev/null || true' EXIT
until grep -q "Matching ready" "$out/api.log"; do
  kill -0 $api 2>/dev/null || { cat "$out/api.log"; exit 1; }
  sleep 0.1
done
ready=$(date +%s.%N)
until curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null; do sleep 0.1; done
rss_ready=$(awk '/VmRSS/ {printf "%.0f", $2/1024}' /proc/$api/status)
echo "API start-up: model loaded and target texts ready $(python3 -c "print(f'{$ready - $started:.1f}')") s after launch ($(grep -o 'model all-MiniLM-L6-v2 loaded in [0-9]* ms, target texts encoded in [0-9]* ms' "$out/api.log")); resident memory ${rss_ready} MB"
echo
"$cli" link bench --url "http://127.0.0.1:$port" --input "$out/statements.jsonl" --requests 1000 --warmup 100
echo
echo "API resident memory after the run: $(awk '/VmRSS/ {printf "%.0f MB", $2/1024}' /proc/$api/status)"
kill $api
wait $api 2>/dev/null || true

# The same with the semantic signal off: what the model costs per request.
"$out/api/NormsGraph.Api" --Urls "http://127.0.0.1:$port" --Store:Embedded:Path "$out/graph.db" --Ingestion:Enabled false \
  --Ingestion:SeedSamples false --Matching:Semantic false >"$out/api-lexical.log" 2>&1 &
api=$!
until curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null; do
  kill -0 $api 2>/dev/null || { cat "$out/api-lexical.log"; exit 1; }
  sleep 0.1
done
echo
echo "With \`Matching:Semantic=false\` (no model; resident memory $(awk '/VmRSS/ {printf "%.0f MB", $2/1024}' /proc/$api/status) at start):"
echo
"$cli" link bench --url "http://127.0.0.1:$port" --input "$out/statements.jsonl" --requests 1000 --warmup 100
kill $api
wait $api 2>/dev/null || true

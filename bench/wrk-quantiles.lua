-- For bench/api-bench.sh: after a wrk run, print what pooling runs needs (wrk's own summary is per run only):
-- the requests, the run's length, non-2xx answers, and the latency at every 0.1 % of requests (in µs), so the
-- latencies of several runs can be merged into one distribution, each run weighted by its requests. Point i is the
-- latency under which i per mille of the requests finished, the upper edge of its thousandth: pooled quantiles then
-- err on the slow side.
done = function(summary, latency, requests)
  io.write(string.format("pool requests %d duration_us %d non2xx %d\n", summary.requests, summary.duration, summary.errors.status))
  local points = {}
  for i = 1, 1000 do
    points[i] = string.format("%d", latency:percentile(i / 10))
  end
  io.write("pool quantiles " .. table.concat(points, " ") .. "\n")
end

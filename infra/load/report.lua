-- wrk reporting hook for infra/load/publishing-bench: one machine-readable line per run, so the bash script can
-- tabulate runs. Latencies are wrk's (microseconds, measured per request on its connections: a closed loop at
-- fixed concurrency, so they include queueing in the server but not requests the client never got to send).
done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d seconds=%.3f rps=%.1f bytes_per_request=%.0f non2xx=%d socket_errors=%d " ..
    "p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f max_ms=%.2f mean_ms=%.2f\n",
    summary.requests, seconds, summary.requests / seconds,
    summary.requests > 0 and summary.bytes / summary.requests or 0,
    e.status, e.connect + e.read + e.write + e.timeout,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, latency.mean / 1000))
end

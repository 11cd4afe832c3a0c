#!/usr/bin/env bash
# Measures, on the bundled corpus, the time from `./painsearch serve` (no index yet) to the first search answer,
# and the same with an index already built, plus the reindex rate. Uses a temporary index and a free port.
set -euo pipefail
cd "$(dirname "$0")/.."
./painsearch --version >/dev/null   # build first, so the build is not timed
tmp=$(mktemp -d)
port=${PORT:-7391}
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$tmp"' EXIT

now_ms() { date +%s%3N; }
first_answer() {
    local start=$1
    for _ in $(seq 1 600); do
        if curl -sf "http://127.0.0.1:$port/api/search?q=CRPS" -o /dev/null; then
            echo $(( $(now_ms) - start ))
            return
        fi
        sleep 0.05
    done
    echo "no answer within 30 s" >&2
    exit 1
}

for run in cold warm; do
    [[ $run == cold ]] && rm -rf "$tmp/index"
    start=$(now_ms)
    ./painsearch serve --port "$port" --index "$tmp/index" >"$tmp/serve-$run.log" 2>&1 &
    pid=$!
    ms=$(first_answer "$start")
    echo "serve to first answer ($run: $([[ $run == cold ]] && echo 'indexes the corpus first' || echo 'index already built')): $ms ms"
    kill "$pid"; wait "$pid" 2>/dev/null || true
done
./painsearch reindex --index "$tmp/index" 2>/dev/null | tail -n 1

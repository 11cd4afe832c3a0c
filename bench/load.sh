#!/usr/bin/env bash
# Loopback load test: ./painsearch serve on a copy of the bundled corpus (a temporary corpus and index, a free port),
# then CLIENTS clients for SECONDS mixing searches (60%), note creates (15%), versioned edits of their own notes (15%)
# and bookmark adds (10%). Prints requests per second, latency percentiles per kind, and the read-back of every
# acknowledged note and bookmark; exits 1 on any 5xx, failed request, lost or crossed edit, or lost bookmark.
# Usage: bench/load.sh [SECONDS=60] [CLIENTS=8]
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SECONDS_TO_RUN="${1:-60}"
CLIENTS="${2:-8}"
cd "$HERE"
JAVA="$(PAINSEARCH_PRINT_JAVA=1 ./painsearch)"
./painsearch --version >/dev/null # builds the jar when needed
JAVA_HOME="$(cd "$(dirname "$JAVA")/.." && pwd)" mvn -B -q -ntp test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >/dev/null
WORK="$(mktemp -d)"
cp -r corpus "$WORK/corpus"
./painsearch serve --port 0 --corpus "$WORK/corpus" --index "$WORK/index" >"$WORK/serve.log" 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; rm -rf "$WORK"' EXIT
URL=""
for _ in $(seq 1 1200); do
    URL="$(sed -n 's/.* at \(http:\/\/127\.0\.0\.1:[0-9]*\)$/\1/p' "$WORK/serve.log" | head -n 1)"
    [[ -n "$URL" ]] && break
    kill -0 "$SERVER" 2>/dev/null || { echo "the server did not start:"; cat "$WORK/serve.log"; exit 1; }
    sleep 0.1
done
[[ -n "$URL" ]] || { echo "the server printed no address within 2 minutes"; cat "$WORK/serve.log"; exit 1; }
# The first search waits for the embedding model to load; the measurement starts after it.
curl -sf "$URL/api/search?q=warm+up" -o /dev/null --max-time 300 || { echo "the first search failed"; exit 1; }
echo "load: ${CLIENTS} clients for ${SECONDS_TO_RUN} s against $URL (load average before: $(cut -d' ' -f1-3 /proc/loadavg))"
"$JAVA" -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" org.painsearch.bench.LoadDriver \
    "$URL" "$SECONDS_TO_RUN" "$CLIENTS"

#!/usr/bin/env bash
# Crawl benchmark: ./painsearch crawl --delay 0 against a fake site on 127.0.0.1 (N articles, 20 sections, a feed of
# 20 episodes with transcripts), into a fresh corpus and index. Prints pages per second (from the crawl's own timing)
# and CPU milliseconds per page (the crawl process's user+system time, less a JVM start measured alone).
# Usage: bench/crawl.sh [N=400]
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
N="${1:-400}"
cd "$HERE"
JAVA="$(PAINSEARCH_PRINT_JAVA=1 ./painsearch)"
./painsearch --version >/dev/null # builds the jar when needed
JAVA_HOME="$(cd "$(dirname "$JAVA")/.." && pwd)" mvn -B -q -ntp test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >/dev/null
WORK="$(mktemp -d)"
trap 'exec 3>&- 2>/dev/null || true; rm -rf "$WORK"' EXIT

# The fake site serves until its standard input closes (fd 3 here) or ten minutes pass.
mkfifo "$WORK/in"
"$JAVA" -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" org.painsearch.crawl.BenchSite "$N" \
    <"$WORK/in" >"$WORK/site.out" 2>"$WORK/site.err" &
exec 3>"$WORK/in"
for _ in $(seq 1 100); do [[ -s "$WORK/site.out" ]] && break; sleep 0.1; done
URL="$(head -n 1 "$WORK/site.out")"
[[ -n "$URL" ]] || { echo "the fake site did not start:"; cat "$WORK/site.err"; exit 1; }

cpu_ms() { # user+system CPU of a command, in ms; its output goes to cmd.out
    /usr/bin/time -o "$WORK/time" -f "%U %S" "$@" >"$WORK/cmd.out" 2>"$WORK/cmd.err"
    awk '{ printf "%d", ($1 + $2) * 1000 }' "$WORK/time"
}
BASE=$(cpu_ms ./painsearch --version)
CRAWL=$(cpu_ms ./painsearch crawl "$URL" --allow-private --delay 0 --max-depth 2 --max-pages 100000 \
    --corpus "$WORK/corpus" --index "$WORK/index")
SUMMARY="$(grep '^Crawl ' "$WORK/cmd.out")"
echo "$SUMMARY"
PAGES=$(sed -E 's/.*: ([0-9]+) fetched.*/\1/' <<<"$SUMMARY")
SECONDS_TAKEN=$(sed -E 's/.* in ([0-9.]+) s:.*/\1/' <<<"$SUMMARY")
awk -v p="$PAGES" -v s="$SECONDS_TAKEN" -v c="$CRAWL" -v b="$BASE" 'BEGIN {
    printf "pages fetched: %d in %.1f s = %.1f pages/s\n", p, s, p / s
    printf "CPU: %d ms for the crawl command, %d ms for a bare JVM start; %.1f ms per page (start excluded)\n", c, b, (c - b) / p
}'

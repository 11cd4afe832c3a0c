#!/usr/bin/env bash
# Import benchmark: N long Whisper-style transcripts (invented words, app-style file names; see TranscriptFixtures)
# imported with `./painsearch import` into a fresh corpus and index, once with --ranking bm25 (words only) and once
# with the default ranking (words and sentence vectors). Prints wall-clock seconds for each. Checks nothing.
# Usage: bench/import-transcripts.sh [N=92]
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
N="${1:-92}"
cd "$HERE"
JAVA="$(PAINSEARCH_PRINT_JAVA=1 ./painsearch)"
./painsearch --version >/dev/null # builds the jar when needed
JAVA_HOME="$(cd "$(dirname "$JAVA")/.." && pwd)" mvn -B -q -ntp test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >/dev/null
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
"$JAVA" -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" org.painsearch.bench.TranscriptFixtures \
    "$WORK/transcripts" "$N"

for ranking in bm25 hybrid; do
    start=$(date +%s.%N)
    ./painsearch import "$WORK/transcripts" --corpus "$WORK/corpus-$ranking" --index "$WORK/index-$ranking" \
        --ranking "$ranking" >"$WORK/import-$ranking.out" 2>&1 || { cat "$WORK/import-$ranking.out"; exit 1; }
    end=$(date +%s.%N)
    imported=$(grep -c '^imported' "$WORK/import-$ranking.out" || true)
    printf 'import of %d transcripts, --ranking %s: %.1f s wall (%s imported)\n' "$N" "$ranking" \
        "$(echo "$end - $start" | bc)" "$imported"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"

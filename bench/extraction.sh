#!/usr/bin/env bash
# Main-text extraction on the public set in ../shared/extraction (read in place, never copied): writes what the
# extractor finds in each page to PRED_DIR/NAME.txt (empty for a page it judges not to be an article) and title,
# author and date to PRED_DIR/meta.json, then scores them with the set's own score.py.
# Usage: bench/extraction.sh [PRED_DIR=target/extraction]
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="${1:-$HERE/target/extraction}"
SET="$HERE/../shared/extraction"
cd "$HERE"
[[ -d "$SET" ]] || { echo "the extraction set is not at $SET"; exit 1; }
JAVA="$(PAINSEARCH_PRINT_JAVA=1 ./painsearch)"
JAVA_HOME="$(cd "$(dirname "$JAVA")/.." && pwd)" mvn -B -q -ntp test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >/dev/null
rm -rf "$OUT"
"$JAVA" -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" org.painsearch.ingest.ExtractionSetRun \
    "$SET" "$OUT"
python3 "$SET/score.py" "$SET/truth.jsonl" "$OUT" --meta "$OUT/meta.json" --per-page "$OUT/per-page.tsv"

#!/usr/bin/env bash
# A longer fuzz run than the suite's: one @FuzzTest class (default: all targets in one) for SECONDS (default 3600).
# Inputs that fail are saved under src/test/resources/<package>/<Class>Inputs/ (or the repository root) and replayed
# by every later run; what libFuzzer learned is kept in .cifuzz-corpus/ for the next run.
# Usage: bench/fuzz.sh [AllInputsFuzzTest|QueryFuzzTest|DocumentFuzzTest|IngestFuzzTest|ApiFuzzTest] [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
TARGET="${1:-AllInputsFuzzTest}"
SECONDS_TO_RUN="${2:-3600}"
./painsearch test -DskipUnitTests=true -Dfuzz.test="$TARGET" -Dfuzz.seconds="$SECONDS_TO_RUN" 2>&1 \
    | grep -E '^(#[0-9]+ +(DONE|NEW|pulse)|Done [0-9]+ runs|stat::|== Java Exception|\[(INFO|ERROR)\] Tests run)' || true
for f in target/surefire-reports/*"$TARGET"*.txt; do
    [[ -f "$f" ]] && cat "$f"
done

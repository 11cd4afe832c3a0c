#!/usr/bin/env bash
# A longer fuzz run than the suite's: one @FuzzTest class (default: all targets in one) for SECONDS (default 3600).
# Inputs that fail are saved under src/test/resources/<package>/<Class>Inputs/ (or the repository root) and replayed
# by every later run; what libFuzzer learned is kept in .cifuzz-corpus/ for the next run. The full log is
# target/fuzz.log; this prints libFuzzer's progress and final counts, and exits non-zero when something was found.
# Usage: bench/fuzz.sh [AllInputsFuzzTest|QueryFuzzTest|DocumentFuzzTest|IngestFuzzTest|ApiFuzzTest] [SECONDS]
set -uo pipefail
cd "$(dirname "$0")/.."
TARGET="${1:-AllInputsFuzzTest}"
SECONDS_TO_RUN="${2:-3600}"
mkdir -p target
./painsearch test -DskipUnitTests=true -Dfuzz.test="$TARGET" -Dfuzz.seconds="$SECONDS_TO_RUN" >target/fuzz.log 2>&1
status=$?
grep -E '^(#[0-9]+ +(DONE|pulse)|Done [0-9]+ runs|stat::|== Java Exception|\[(INFO|ERROR)\] Tests run:)' target/fuzz.log
exit $status

#!/usr/bin/env bash
# More kills than the suite's: KillTest with ROUNDS SIGKILLs per kill point (reindex, import of many files, a burst
# of note saves, a crawl), at random moments. Prints the seed (to replay: -Dpainsearch.kill.seed=SEED) and the result.
# Usage: bench/kill.sh [ROUNDS=10]
set -uo pipefail
cd "$(dirname "$0")/.."
ROUNDS="${1:-10}"
./painsearch test -Dtest=KillTest -Dpainsearch.kill.rounds="$ROUNDS" >target/kill.log 2>&1
status=$?
grep -h "kill seed" target/surefire-reports/org.painsearch.proof.KillTest-output.txt 2>/dev/null | sort -u
grep -E '\[(INFO|ERROR)\] Tests run:|FAIL' target/kill.log
exit $status

#!/usr/bin/env bash
# Indexing and query speed of painsearch against bare Lucene on the bundled corpus (see SpeedBenchmark),
# then the time from `serve` to the first answer. Prints figures; checks nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
PAINSEARCH_PRINT_JAVA=1 ./painsearch >/dev/null
java_home="$(cd "$(dirname "$(PAINSEARCH_PRINT_JAVA=1 ./painsearch)")/.." && pwd)"
JAVA_HOME="$java_home" mvn -B -q -ntp test -Dtest=SpeedBenchmark -Dexcluded.groups=none -Dsurefire.failIfNoSpecifiedTests=false
cat target/surefire-reports/org.painsearch.bench.SpeedBenchmark-output.txt
bash bench/first-answer.sh

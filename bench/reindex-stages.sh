#!/usr/bin/env bash
# Where a reindex's CPU goes per document (read, map, write) in a warm JVM, against the bench's bare loop over the
# same generated files (see ReindexStagesBenchmark). Needs ../shared/eval. Prints figures; checks nothing.
# Usage: bench/reindex-stages.sh [DOCUMENTS=20000]
set -euo pipefail
cd "$(dirname "$0")/.."
docs="${1:-20000}"
PAINSEARCH_PRINT_JAVA=1 ./painsearch >/dev/null
java_home="$(cd "$(dirname "$(PAINSEARCH_PRINT_JAVA=1 ./painsearch)")/.." && pwd)"
JAVA_HOME="$java_home" mvn -B -q -ntp test -Dtest=ReindexStagesBenchmark -Dexcluded.groups=none \
    -Dsurefire.failIfNoSpecifiedTests=false -DargLine="-Dpainsearch.bench.docs=$docs -Xmx2g"
cat target/surefire-reports/org.painsearch.bench.ReindexStagesBenchmark-output.txt

#!/usr/bin/env bash
# First run as a new user meets it: a fresh clone of this repository's current commit, `./painsearch serve` (build,
# first indexing, serving) timed to the first search answer, then a restart on the built index timed the same way.
# Prints every line the launcher wrote with the second it appeared, the longest silence before the first answer, and
# for both runs the time to the server's first answer (/health) and to the first search, with the server's CPU time.
# Maven's local repository is used as it is (dependencies already downloaded).
# Usage: bench/first-run.sh [PORT=7393]
set -euo pipefail
SRC="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PORT="${1:-7393}"
WORK="$(mktemp -d)"
trap '[[ -f "$WORK/server.pid" ]] && kill "$(cat "$WORK/server.pid")" 2>/dev/null; wait 2>/dev/null; rm -rf "$WORK"' EXIT

git clone -q --no-hardlinks "$SRC" "$WORK/clone"
git -C "$WORK/clone" checkout -q "$(git -C "$SRC" rev-parse HEAD)"

now_ms() { date +%s%3N; }

# Runs serve in the clone, stamping each line (or progress-bar redraw) with the milliseconds since start, until
# the first search answers; prints the stamped output, the longest gap between two outputs, and the total.
run() {
    local label=$1 start ms
    start=$(now_ms)
    # BASHPID is kept through the launcher's exec of java: it is the server's process id.
    (cd "$WORK/clone" && echo "$BASHPID" >"$WORK/server.pid" && exec ./painsearch serve --port "$PORT") 2>&1 \
        | START="$start" perl -e '$| = 1; $/ = \1; my $line = "";
              while (my $c = <STDIN>) {
                  if ($c eq "\n" || $c eq "\r") {
                      if ($line =~ /\S/) { printf "%d %s\n", int(time() * 1000) - $ENV{START}, $line; }
                      $line = "";
                  } else { $line .= $c; }
              }' >"$WORK/$label.log" &
    pid=$!
    # First the server's first answer of any kind (/health), then the first search (by meaning too: the embedding
    # model loads in the background once the server is up, so the first search may wait for it).
    for _ in $(seq 1 6000); do
        curl -sf "http://127.0.0.1:$PORT/health" -o /dev/null 2>&1 && break
        sleep 0.05
    done
    health_ms=$(( $(now_ms) - start ))
    health_cpu=$(awk -v hz="$(getconf CLK_TCK)" '{ printf "%.1f", ($14 + $15) / hz }' "/proc/$(cat "$WORK/server.pid")/stat")
    for _ in $(seq 1 6000); do
        curl -sf "http://127.0.0.1:$PORT/api/search?q=CRPS" -o /dev/null 2>&1 && break
        sleep 0.05
    done
    ms=$(( $(now_ms) - start ))
    # CPU the server process used up to its first answer (user + system; the build's Maven is not counted): on a
    # busy machine the wall time mostly measures waiting for a core, this does not.
    cpu=$(awk -v hz="$(getconf CLK_TCK)" '{ printf "%.1f", ($14 + $15) / hz }' "/proc/$(cat "$WORK/server.pid")/stat")
    echo "== $label (load $(cut -d' ' -f1 /proc/loadavg)): server up after $(awk -v m="$health_ms" 'BEGIN { printf "%.1f", m / 1000 }') s" \
        "(its CPU $health_cpu s), first search answered after $(awk -v m="$ms" 'BEGIN { printf "%.1f", m / 1000 }') s (CPU $cpu s); output:"
    # Progress bars redraw many times a second: show the first and last redraw of each run of them.
    awk '{ t = $1; $1 = ""; key = $2;
           if (key == prev) { last = sprintf("%6.1f s %s", t / 1000, $0); n++; next }
           if (n > 0) print last; n = 0; prev = key; printf "%6.1f s %s\n", t / 1000, $0 }
         END { if (n > 0) print last }' "$WORK/$label.log"
    awk -v end="$ms" 'BEGIN { p = 0; g = 0 } { if ($1 - p > g) g = $1 - p; p = $1 }
         END { if (end - p > g) g = end - p; printf "longest silence before the first answer: %.1f s\n", g / 1000 }' \
        "$WORK/$label.log"
    kill "$(cat "$WORK/server.pid")" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    rm -f "$WORK/server.pid"
}

run "first run (fresh clone: build, index, serve)"
run "restart (index built)"
uptime

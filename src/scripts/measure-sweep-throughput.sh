#!/usr/bin/env bash
# Measures sweep throughput (runs per second) at 1 and 2 threads and checks that both thread counts give
# byte-identical runs.csv and cells.csv (issue 4, acceptances 1 and 4).
#
#   scripts/measure-sweep-throughput.sh [SWEEP] [REPEATS]     (defaults: configs/sweeps/quick.yaml 3)
#
# CLOUDMARKET_JAR chooses the jar (default target/cloudmarket.jar, built if missing).
# Each sweep runs in a fresh JVM with --no-charts; the rate is the one the sweep records in metadata.json
# (runs_per_second: runs executed / wall time of the execution, without JVM start-up, planning and result files).
# The two thread counts alternate REPEATS times and the best rate of each is kept, because other work on a shared
# machine only ever slows a sweep down.
set -euo pipefail
cd "$(dirname "$0")/../.."
SWEEP=${1:-configs/sweeps/quick.yaml}
REPEATS=${2:-3}
JAR=${CLOUDMARKET_JAR:-target/cloudmarket.jar}
[ -f "$JAR" ] || mvn -B -q package -DskipTests
OUT=$(mktemp -d /tmp/cm-throughput.XXXXXX)
trap 'rm -rf "$OUT"' EXIT
rate() { sed -n 's/.*"runs_per_second" : \([0-9.]*\).*/\1/p' "$1/metadata.json"; }
declare -A best=([1]=0 [2]=0)
for rep in $(seq 1 "$REPEATS"); do
    for t in 1 2; do
        dir=$OUT/t$t-$rep
        java -jar "$JAR" sweep "$SWEEP" --threads "$t" --out "$dir" --no-charts >/dev/null 2>"$dir.log"
        r=$(rate "$dir")
        printf 'repeat %d, %d thread(s): %s runs/s\n' "$rep" "$t" "$r"
        best[$t]=$(awk -v a="${best[$t]}" -v b="$r" 'BEGIN { print (b > a ? b : a) }')
    done
    for f in runs.csv cells.csv; do
        cmp "$OUT/t1-$rep/$f" "$OUT/t2-$rep/$f" || { echo "FAIL: $f differs between 1 and 2 threads"; exit 1; }
        cmp "$OUT/t1-1/$f" "$OUT/t1-$rep/$f" || { echo "FAIL: $f differs between repeats"; exit 1; }
    done
done
runs=$(sed -n 's/.*"runs" : \([0-9]*\).*/\1/p' "$OUT/t1-1/manifest.json" | head -1)
printf '%s: %s runs; best of %d: 1 thread %s runs/s, 2 threads %s runs/s, speed-up %s; runs.csv and cells.csv identical\n' \
    "$SWEEP" "$runs" "$REPEATS" "${best[1]}" "${best[2]}" \
    "$(awk -v a="${best[1]}" -v b="${best[2]}" 'BEGIN { printf "%.2f", b / a }')"
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1), load average $(cut -d' ' -f1-3 /proc/loadavg)"

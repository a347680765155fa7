#!/usr/bin/env bash
# Scaling check (issue 8): the baseline at 100k, 300k and 1M buyers over 40 quarters, and at 1M buyers over 10, 20
# and 40 quarters. For each size: wall time, CPU time (user + sys) and peak RSS of the real command line
# (`run --no-charts`, JVM start, config, CSVs and metadata included, measured by /usr/bin/time), then build and run
# time (wall and CPU of the model thread) and the peak heap per buyer (after full GCs at start, after building,
# half-way and at the end) measured inside a JVM by eu.cloudmarket.bench.ScalingCheck. Prints a Markdown table (also
# written to target/scaling.md). Numbers depend on machine load: CPU times are less sensitive to it than wall times.
#
# Usage: bash src/jmh/scaling.sh            (from the project folder; needs Java 17, Maven and /usr/bin/time)
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q package -DskipTests
mvn -B -q -Pbench test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.cp
CP="target/classes:target/bench-classes:$(cat target/bench.cp)"
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
TABLE=target/scaling.md
{
  echo "| buyers | quarters | events | CLI wall s | CLI CPU s | CLI peak RSS MB | build s (CPU) | run s (CPU) | run CPU ns/event | peak heap MB | heap bytes/buyer |"
  echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
} > "$TABLE"
measure() {
  local buyers=$1 quarters=$2
  local sets=(--set "buyers.count=$buyers" --set "horizon.quarters=$quarters" --set horizon.truncateEvents=true)
  /usr/bin/time -f "%e %U %S %M" -o "$OUT/time" java -jar target/cloudmarket.jar run configs/baseline.yaml \
      --out "$OUT/run-$buyers-$quarters" --no-charts "${sets[@]}" > /dev/null
  read -r wall user sys rss < "$OUT/time"
  local line
  line=$(java -Xmx4g -cp "$CP" eu.cloudmarket.bench.ScalingCheck "buyers.count=$buyers" "horizon.quarters=$quarters" \
      horizon.truncateEvents=true)
  IFS=$'\t' read -r n q build run buildcpu runcpu before peak perbuyer events <<< "$line"
  printf '| %s | %s | %s | %s | %s | %s | %s (%s) | %s (%s) | %s | %s | %s |\n' "$buyers" "$quarters" "$events" "$wall" \
      "$(awk "BEGIN { printf \"%.2f\", $user + $sys }")" "$((rss / 1024))" "$build" "$buildcpu" "$run" "$runcpu" \
      "$(awk "BEGIN { printf \"%.0f\", $runcpu * 1e9 / $events }")" "$peak" "$perbuyer" >> "$TABLE"
}
for b in 100000 300000 1000000; do measure "$b" 40; done
for q in 10 20; do measure 1000000 "$q"; done
cat "$TABLE"

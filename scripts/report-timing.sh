#!/usr/bin/env bash
# Prints how long the reporter takes on a synthetic file of 500 results (25 benchmarks x 20 param
# combinations, 10 iterations each): three runs of `java -jar reports/target/reports.jar`, each a
# fresh JVM, so start-up is included. A figure to read and compare by eye on one machine, not a
# pass/fail check. Build the reporter first: mvn -B -q -pl reports -am package -DskipTests
# Usage: scripts/report-timing.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
jar=reports/target/reports.jar
[ -f "$jar" ] || { echo "report-timing: $jar is missing: mvn -B -q -pl reports -am package -DskipTests"; exit 1; }
java=$(bash scripts/java21.sh)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$work/many.json" <<'PY'
import json, random, sys
random.seed(5)
results = []
for c in range(25):
    bench = f"dev.unitsbench.family{c % 5}.Workload{c}Benchmark.run"
    throughput = c % 4 == 3
    for i in range(20):
        workers, size = 1 << (i // 2 % 10), i // 20
        raw = [(10 + workers) * (1 + size) * (1 + 0.05 * random.gauss(0, 1)) for _ in range(10)]
        forks = [raw[:5], raw[5:]]
        mean = sum(raw) / len(raw)
        results.append({
            "benchmark": bench, "mode": "thrpt" if throughput else "avgt", "threads": 1, "forks": 2,
            "params": {"model": ["PLATFORM_THREAD", "VIRTUAL_THREAD"][i % 2], "size": str(size), "workers": str(workers)},
            "primaryMetric": {"score": mean, "scoreError": 0.0, "scoreConfidence": [mean, mean],
                              "scoreUnit": "ops/s" if throughput else "us/op", "rawData": forks},
            "secondaryMetrics": {}})
with open(sys.argv[1], "w") as f:
    json.dump(results, f)
PY
for run in $(seq "$runs"); do
  start=$(date +%s%N)
  "$java" -jar "$jar" "$work/many.json" --out "$work/report" --no-probe >/dev/null
  end=$(date +%s%N)
  echo "report-timing: run $run: $(( (end - start) / 1000000 )) ms for 500 results (JVM start-up included), index.html $(( $(stat -c %s "$work/report/index.html") / 1024 )) KiB"
done

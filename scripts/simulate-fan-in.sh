#!/usr/bin/env bash
# Runs scripts/fan-in.sh on the layouts actions/download-artifact (v5 and later) makes from a
# pattern, for 0, 1 and 4 cells that uploaded results, and checks each outcome:
#   0 cells: nothing downloaded           -> the one-line failure, exit status 1
#   1 cell:  extracted flat into the path -> a report with that cell and the other three missing
#   4 cells: one folder per artifact      -> a report with four columns and none missing
# Each cell's files are a tiny synthetic JMH result; the reporter is reports/target/reports.jar
# (mvn -B -q -pl reports -am package -DskipTests).
# Usage: scripts/simulate-fan-in.sh
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f "${REPORTS_JAR:-reports/target/reports.jar}" ] \
  || { echo "simulate-fan-in: reports/target/reports.jar is missing: mvn -B -q -pl reports -am package -DskipTests"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cells='[{"cell": "jdk21-x64", "jdk": "21", "runner": "r"}, {"cell": "jdk25-x64", "jdk": "25", "runner": "r"},
        {"cell": "jdk21-arm64", "jdk": "21", "runner": "r"}, {"cell": "jdk25-arm64", "jdk": "25", "runner": "r"}]'

# artifact FOLDER CELL: the files one cell uploads, as the workflow stages them.
artifact() {
  mkdir -p "$1/findings"
  echo "$2" >"$1/cell.txt"
  python3 - "$1/jmh-result.json" <<'PY'
import json, sys
raw = [[2010.0], [2012.0], [2011.0]]
json.dump([{"benchmark": "dev.unitsbench.io.SleepBenchmark.sleepAll", "mode": "ss", "threads": 1, "forks": 3,
            "jvm": "/usr/bin/java", "jdkVersion": "25", "params": {"model": "VIRTUAL_THREAD", "sleepMillis": "2000", "workers": "400"},
            "primaryMetric": {"score": 2011.0, "scoreError": 0.0, "scoreConfidence": [2011.0, 2011.0],
                              "scoreUnit": "ms/op", "rawData": raw}, "secondaryMetrics": {}}], open(sys.argv[1], "w"))
PY
  echo '[{"name": "b", "unit": "ms/op", "value": 2011}]' >"$1/github-action-benchmark-smaller-is-better.json"
  echo '[]' >"$1/github-action-benchmark-bigger-is-better.json"
}

failures=0
check() { # check DESCRIPTION COMMAND...: prints ok or FAILED
  if "${@:2}"; then echo "simulate-fan-in: ok: $1"; else echo "simulate-fan-in: FAILED: $1"; failures=$((failures + 1)); fi
}

# 0 cells: download-artifact finds no match and leaves the path empty (or absent).
mkdir -p "$work/zero"
set +e
zero=$(bash scripts/fan-in.sh report "$cells" "$work/zero" "$work/zero-report" 2>&1)
status=$?
set -e
check "0 cells: exit status 1" test "$status" -eq 1
check "0 cells: one line saying every cell failed" test "$zero" = "fan-in: no cell uploaded a result file: every cell failed (see their logs)"

# 1 cell: a single matching artifact is extracted straight into the path, with no results-CELL folder.
artifact "$work/one" jdk25-x64
bash scripts/fan-in.sh report "$cells" "$work/one" "$work/one-report" --no-probe >"$work/one.log" 2>&1 \
  || { cat "$work/one.log"; exit 1; }
check "1 cell (flat): the report is made from the surviving cell's results" grep -q "SleepBenchmark" "$work/one-report/index.html"
check "1 cell (flat): three cells named missing" test "$(grep -o 'jdk21-x64\|jdk21-arm64\|jdk25-arm64' "$work/one-report/index.html" | sort -u | wc -l)" -eq 3
check "1 cell (flat): the report says 'missing'" grep -qi "missing" "$work/one-report/index.html"
bash scripts/fan-in.sh dashboards "$cells" "$work/one" "$work/one-dash" >/dev/null
check "1 cell (flat): dashboard entries carry the cell" grep -q '"\[jdk25-x64\] b"' "$work/one-dash/smaller-is-better.json"

# 4 cells: one folder per artifact, named after it.
for cell in jdk21-x64 jdk25-x64 jdk21-arm64 jdk25-arm64; do
  artifact "$work/four/results-$cell" "$cell"
done
bash scripts/fan-in.sh report "$cells" "$work/four" "$work/four-report" --no-probe >"$work/four.log" 2>&1 \
  || { cat "$work/four.log"; exit 1; }
check "4 cells (a folder each): four located" test "$(bash scripts/fan-in.sh locate "$cells" "$work/four" | wc -l)" -eq 4
check "4 cells (a folder each): none missing" bash -c "! grep -qi 'missing: no results' '$work/four-report/index.html'"
bash scripts/fan-in.sh dashboards "$cells" "$work/four" "$work/four-dash" >/dev/null
check "4 cells (a folder each): 4 dashboard entries" test "$(jq length "$work/four-dash/smaller-is-better.json")" -eq 4

[ "$failures" -eq 0 ] || { echo "simulate-fan-in: $failures checks failed"; exit 1; }
echo "simulate-fan-in: every layout gives the right report or the right failure"

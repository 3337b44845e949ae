#!/usr/bin/env bash
# Uploads one cell's Bencher Metric Format file to Bencher: testbed = the cell, branch = main,
# with a threshold on every measure.
# - Custom measures (a claim's secondary metric, e.g. resident-bytes-per-unit) are created first
#   with their units, read from the JMH result file; creating one that exists fails harmlessly.
# - Thresholds: Student's t-test against the last 30 runs of main on this testbed, alerting at
#   the 99th percentile: an upper boundary where more is worse (latency, bytes, milliseconds), a
#   lower one where less is worse (throughput, and any metric in the bigger-is-better file).
#   An alert is shown in Bencher and does not fail the job.
# Needs BENCHER_API_KEY (read by the CLI) and BENCHER_PROJECT (the project's slug).
# Usage: scripts/bencher-upload.sh CELL FOLDER   (FOLDER as scripts/fan-in.sh locate prints it)
set -euo pipefail
cell=${1:?usage: bencher-upload.sh CELL FOLDER} folder=${2:?usage: bencher-upload.sh CELL FOLDER}
: "${BENCHER_PROJECT:?set BENCHER_PROJECT to the Bencher project slug}"
bmf=$folder/bencher-metrics.json
jmh=$folder/jmh-result.json
bigger=$folder/github-action-benchmark-bigger-is-better.json
[ -s "$bmf" ] || { echo "Bencher: no results from cell $cell"; exit 0; }

# A camelCase metric name in kebab case, as DashboardFiles names its measure.
kebab='def kebab: gsub("(?<a>[a-z0-9])(?<b>[A-Z])"; "\(.a)-\(.b)") | ascii_downcase;'
thresholds=()
while IFS= read -r measure; do
  case "$measure" in
    latency | throughput) ;;
    *)
      units=$(jq -r --arg m "$measure" "$kebab"'[.[] | (.secondaryMetrics // {}) | to_entries[]
               | select(.key | kebab == $m) | .value.scoreUnit][0] // empty' "$jmh")
      if [[ "$measure" =~ ^[a-z0-9-]+$ ]]; then
        bencher measure create "$BENCHER_PROJECT" --name "$measure" --slug "$measure" --units "${units:-units}" >/dev/null 2>&1 || true
      else # "latency (UNIT)" or "throughput (UNIT)": a primary score in a unit that has no built-in measure
        units=${measure#*(}
        bencher measure create "$BENCHER_PROJECT" --name "$measure" --units "${units%)}" >/dev/null 2>&1 || true
      fi
      ;;
  esac
  if [[ "$measure" == throughput* ]] \
     || { [ -s "$bigger" ] && jq -e --arg m "$measure" "$kebab"'any(.[]; .name | split(" ") | last | kebab == $m)' "$bigger" >/dev/null; }; then
    thresholds+=(--threshold-measure "$measure" --threshold-test t_test --threshold-max-sample-size 30
                 --threshold-lower-boundary 0.99 --threshold-upper-boundary _)
  else
    thresholds+=(--threshold-measure "$measure" --threshold-test t_test --threshold-max-sample-size 30
                 --threshold-lower-boundary _ --threshold-upper-boundary 0.99)
  fi
done < <(jq -r '[.[] | keys[]] | unique[]' "$bmf")

bencher run --project "$BENCHER_PROJECT" --branch main --testbed "$cell" --adapter json --file "$bmf" \
  "${thresholds[@]}" --thresholds-reset

#!/usr/bin/env bash
# The fan-in of the CI matrix: finds each cell's files in what actions/download-artifact laid
# out, whatever the layout, and writes one report with a column per cell.
#
# Each cell uploads one artifact, results-CELL, whose root holds cell.txt (the cell's name),
# jmh-result.json, machine.json, python-crosscheck.json, findings/ and its dashboard files.
# download-artifact with a pattern puts each artifact in DIR/results-CELL/ when several match,
# but extracts a single match straight into DIR (a documented behaviour). So cells are found by
# their cell.txt, at any depth, never by folder name.
#
# Usage:
#   scripts/fan-in.sh locate CELLS_JSON DIR          prints "CELL<TAB>FOLDER" per cell that uploaded results
#   scripts/fan-in.sh report CELLS_JSON DIR OUT [REPORTER OPTIONS...]
#                                                    writes the report to OUT; a cell of CELLS_JSON without
#                                                    results is named in it as missing. Fails with one line
#                                                    when no cell has results.
#   scripts/fan-in.sh dashboards CELLS_JSON DIR OUT  merges the cells' github-action-benchmark files into
#                                                    OUT/smaller-is-better.json and OUT/bigger-is-better.json,
#                                                    each entry's name prefixed with its cell
# CELLS_JSON is the workflow's list: [{"cell": "jdk21-x64", ...}, ...]. The reporter is
# $REPORTS_JAR (default reports/target/reports.jar), run by the java scripts/java21.sh finds.
set -euo pipefail

usage() { echo "usage: fan-in.sh locate|report|dashboards CELLS_JSON DIR [OUT] [REPORTER OPTIONS...]" >&2; exit 2; }
[ $# -ge 3 ] || usage
command=$1 cells=$2 dir=$3
shift 3

# Every cell of CELLS_JSON that uploaded a non-empty jmh-result.json, with the folder it is in.
locate() {
  local known marker cell folder
  known=$(jq -r '.[].cell' <<<"$cells")
  [ -d "$dir" ] || return 0
  while IFS= read -r -d '' marker; do
    cell=$(tr -d '[:space:]' <"$marker")
    folder=$(dirname "$marker")
    if ! grep -qxF -- "$cell" <<<"$known"; then
      echo "fan-in: $marker names cell '$cell', which is not in the list of cells: ignored" >&2
    elif [ -s "$folder/jmh-result.json" ]; then
      printf '%s\t%s\n' "$cell" "$folder"
    fi
  done < <(find "$dir" -name cell.txt -type f -print0 | sort -z)
}

case "$command" in
  locate)
    locate
    ;;
  report)
    [ $# -ge 1 ] || usage
    out=$1
    shift
    found=$(locate)
    args=()
    main=
    for cell in $(jq -r '.[].cell' <<<"$cells"); do
      folder=$(awk -F '\t' -v c="$cell" '$1 == c { print $2; exit }' <<<"$found")
      if [ -n "$folder" ]; then
        args+=("$folder/jmh-result.json" --label "$cell")
        main=${main:-$folder}
      else
        args+=(--missing "$cell")
      fi
    done
    if [ -z "$main" ]; then
      echo "fan-in: no cell uploaded a result file: every cell failed (see their logs)"
      exit 1
    fi
    # The first cell with results is the main run: its findings and CPython cross-check are shown.
    java=$(bash "$(dirname "$0")/java21.sh")
    "$java" -jar "${REPORTS_JAR:-reports/target/reports.jar}" "${args[@]}" --out "$out" \
      --findings="$main/findings" --python="$main/python-crosscheck.json" "$@"
    ;;
  dashboards)
    [ $# -eq 1 ] || usage
    out=$1
    mkdir -p "$out"
    found=$(locate)
    for direction in smaller bigger; do
      merged='[]'
      while IFS=$'\t' read -r cell folder; do
        file="$folder/github-action-benchmark-$direction-is-better.json"
        if [ -z "$cell" ] || [ ! -s "$file" ]; then continue; fi
        merged=$(jq --arg cell "$cell" --argjson merged "$merged" '$merged + [.[] | .name = "[\($cell)] \(.name)"]' "$file")
      done <<<"$found"
      printf '%s\n' "$merged" >"$out/$direction-is-better.json"
      echo "fan-in: $out/$direction-is-better.json: $(jq length <<<"$merged") entries"
    done
    ;;
  *)
    usage
    ;;
esac

#!/usr/bin/env bash
# Runs the benchmark suite and writes the HTML report: mvn -B verify -Pbench, with the bench.*
# properties that the options below set (docs/running.md, "Choosing what runs").
set -euo pipefail

usage() {
  cat <<'USAGE'
Usage: scripts/bench.sh [-q] [-n] [-i REGEX] [-j JDK] [-- EXTRA JMH OPTIONS...]

Builds the project, runs the JMH suite and the CPython cross-check, and writes the report
(mvn -B verify -Pbench). Prints the report's path at the end, and opens it when a display is there.

  -q         quick smoke run: 1 fork, no warm-up, 1 measured iteration (-Dbench.quick)
  -n         no CPython cross-check (-Dbench.python=false)
  -i REGEX   run only the benchmarks whose name matches REGEX, e.g. CpuBound or 'io\.' (-Dbench.include)
  -j JDK     build and run on this JDK feature release, e.g. 21 or 25, as a CI matrix cell does
             (-Djdk.version.range=[21,22)); default: the JDK >= 21 that the build finds
  -- ...     more JMH options, e.g. -- -p workers=4 -prof gc (-Dbench.args); no spaces inside one
  -h         show this text

Examples:
  scripts/bench.sh -q
  scripts/bench.sh -n -i 'spawn|footprint'
  scripts/bench.sh -q -j 21
  scripts/bench.sh -i CpuBound -- -p workers=4 -p model=PROCESS,VIRTUAL_THREAD
USAGE
}

fail() { # bad arguments: one line, exit status 2
  echo "bench.sh: $1 (see scripts/bench.sh -h)" >&2
  exit 2
}

quick=false
python=true
include=
jdk=
while getopts ":hqni:j:" opt; do
  case "$opt" in
    h) usage; exit 0 ;;
    q) quick=true ;;
    n) python=false ;;
    i) include=$OPTARG ;;
    j) jdk=$OPTARG ;;
    :) fail "-$OPTARG needs a value" ;;
    *) fail "unknown option -$OPTARG" ;;
  esac
done
# JMH options must follow "--", so that a stray word is not taken for one.
if [ "$OPTIND" -gt 1 ] && [ "${*:OPTIND-1:1}" = "--" ]; then
  shift $((OPTIND - 1))
else
  shift $((OPTIND - 1))
  [ $# -eq 0 ] || fail "unexpected argument '$1'; put JMH options after --"
fi
for arg in "$@"; do
  case "$arg" in
    *[[:space:]]*) fail "JMH option '$arg' contains a space; pass its words separately" ;;
  esac
done
[ -z "$include" ] || [ -n "${include//[[:space:]]/}" ] || fail "-i needs a regex, not blanks"
[ -z "$jdk" ] || [[ "$jdk" =~ ^[0-9]+$ && "$jdk" -ge 21 ]] || fail "-j needs a JDK feature release of 21 or more, e.g. 21 or 25"

cd "$(dirname "$0")/.."
command -v mvn >/dev/null 2>&1 || fail "mvn not found on PATH; install Maven 3.6.3 or newer"

properties=(-Dbench.quick="$quick" -Dbench.python="$python")
[ -z "$include" ] || properties+=(-Dbench.include="$include")
[ $# -eq 0 ] || properties+=(-Dbench.args="$*")
[ -z "$jdk" ] || properties+=("-Djdk.version.range=[$jdk,$((jdk + 1)))")

echo "bench.sh: mvn -B verify -Pbench ${properties[*]}"
mvn -B verify -Pbench "${properties[@]}"

report="$PWD/reports/target/bench-report/index.html"
[ -f "$report" ] || { echo "bench.sh: the run ended without a report at $report" >&2; exit 1; }
echo "bench.sh: report: $report"
echo "bench.sh: the machine, JDK and GC of the run: $PWD/benchmarks/target/machine.json"
if { [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; } && command -v xdg-open >/dev/null 2>&1; then
  xdg-open "$report" >/dev/null 2>&1 &
fi

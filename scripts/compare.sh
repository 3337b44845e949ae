#!/usr/bin/env bash
# Compares two JMH result files with the reporter and prints its regression table: a
# significant change for the worse (Welch's t-test) beyond PCT percent makes it exit with 3.
set -euo pipefail

usage() {
  cat <<'USAGE'
Usage: scripts/compare.sh OLD.json NEW.json [PCT]

Compares NEW.json (a JMH result file, e.g. benchmarks/target/jmh-result.json) with OLD.json,
benchmark by benchmark (same name, mode and params), and prints the reporter's regression table.

  PCT   a regression is a significantly worse mean (Welch's t-test at alpha 0.05) that is more
        than PCT percent worse: slower, or lower throughput. Default 10.
  -h    show this text

Each file's machine.json (written beside it by mvn verify -Pbench) is read: when the two runs
differ in CPU model, cores, architecture, JDK, GC or quick/full, a warning on stderr says so, since
a change may then come from the machine, not the code.

Exit status: 0 no regression beyond PCT; 3 at least one; 2 bad arguments or input (one line
says what is wrong); 1 anything else (a failed build, for instance).
Runs java -jar reports/target/reports.jar, building it first if it is missing, with a JDK >= 21
found in JAVA_HOME, /usr/lib/jvm, SDKMAN's folder or on PATH. The full report is written to a
private temp folder and removed afterwards; for one you keep, run
  java -jar reports/target/reports.jar NEW.json --baseline OLD.json
USAGE
}

fail() { # bad arguments: one line, exit status 2
  echo "compare.sh: $1 (see scripts/compare.sh -h)" >&2
  exit 2
}

case "${1:-}" in
  -h|--help) usage; exit 0 ;;
esac
{ [ $# -ge 2 ] && [ $# -le 3 ]; } || fail "expected OLD.json NEW.json [PCT], got $# argument(s)"
old=$1
new=$2
pct=${3:-10}
for file in "$old" "$new"; do
  { [ -f "$file" ] && [ -r "$file" ]; } || fail "no readable file '$file'"
done
[[ "$pct" =~ ^[0-9]+([.][0-9]+)?$ ]] || fail "PCT must be a percentage such as 10, got '$pct'"
old=$(realpath "$old")
new=$(realpath "$new")

cd "$(dirname "$0")/.."

# Prints the java binary of the first JDK >= 21 found, as the build's toolchain selection would.
find_java() {
  local candidate version
  for candidate in ${JAVA_HOME:+"$JAVA_HOME/bin/java"} /usr/lib/jvm/*/bin/java "$HOME"/.sdkman/candidates/java/*/bin/java \
      "$(command -v java 2>/dev/null || true)"; do
    { [ -n "$candidate" ] && [ -x "$candidate" ]; } || continue
    version=$("$candidate" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p')
    if [[ "$version" =~ ^[0-9]+$ ]] && [ "$version" -ge 21 ]; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}
java=$(find_java) || fail "no JDK 21 or newer found in JAVA_HOME, /usr/lib/jvm, ~/.sdkman or on PATH; install one"

jar=reports/target/reports.jar
if [ ! -f "$jar" ]; then
  command -v mvn >/dev/null 2>&1 || fail "$jar is missing and mvn is not on PATH to build it"
  echo "compare.sh: building $jar (mvn -B -q package -pl reports -am -DskipTests)"
  mvn -B -q package -pl reports -am -DskipTests || { echo "compare.sh: the build of $jar failed" >&2; exit 1; }
fi

work=$(mktemp -d) # owner-only (mode 700)
trap 'rm -rf "$work"' EXIT

status=0
"$java" -Djava.awt.headless=true -jar "$jar" "$new" --baseline "$old" --out "$work/report" \
  --fail-on-regression "$pct" --no-probe >"$work/stdout.txt" || status=$?

summary="$work/report/summary.md"
if [ "$status" -ne 0 ] && [ "$status" -ne 3 ]; then
  exit "$status" # the reporter has said what is wrong
fi
[ -f "$summary" ] || { echo "compare.sh: the reporter wrote no $summary" >&2; exit 1; }
# The summary's baseline section: counts, and the table of significant regressions.
awk '/^## Against the baseline/ { on = 1; next }
     on && /^## / { exit }
     on && /^$/ { blank++; next }
     on { if (shown) for (; blank > 0; blank--) print ""; blank = 0; shown = 1; print }' "$summary"
if [ "$status" -eq 3 ]; then
  echo "compare.sh: regression beyond ${pct}% in $(basename "$new") against $(basename "$old")"
else
  echo "compare.sh: no significant regression beyond ${pct}%"
fi
exit "$status"

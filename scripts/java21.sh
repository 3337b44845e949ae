#!/usr/bin/env bash
# Prints the path of a java of release 21 or later, which the reporter needs: $JAVA if set, else
# the first such among $JAVA_HOME, `java` on the PATH, ~/.m2/toolchains.xml and /usr/lib/jvm.
# Fails with one line when there is none.
set -uo pipefail
for candidate in ${JAVA:-} ${JAVA_HOME:+$JAVA_HOME/bin/java} java \
    $(grep -o '<jdkHome>[^<]*' ~/.m2/toolchains.xml 2>/dev/null | sed 's|<jdkHome>||; s|$|/bin/java|') /usr/lib/jvm/*/bin/java; do
  major=$("$candidate" -XshowSettings:properties -version 2>&1 | awk -F '= ' '/java.specification.version/ { print $2 }') || continue
  if [ "${major:-0}" -ge 21 ] 2>/dev/null; then
    echo "$candidate"
    exit 0
  fi
done
echo "no java of release 21 or later found (set JAVA to one)" >&2
exit 1

#!/usr/bin/env bash
# Publishes the results of a full run of main on the gh-pages branch, from the publish job only:
#   report/          the latest report (https://OWNER.github.io/REPO/report/)
#   results/CELL/    each cell's jmh-result.json and machine.json, which pull requests compare against
# github-action-benchmark keeps its own history in dev/bench/ on the same branch. A push that
# loses a race with another writer is retried on top of the new branch head.
# Usage: scripts/publish-pages.sh CELLS_JSON CELLS_DIR REPORT_DIR
set -euo pipefail
cells=${1:?usage: publish-pages.sh CELLS_JSON CELLS_DIR REPORT_DIR} dir=${2:?} report=${3:?}
here=$(cd "$(dirname "$0")" && pwd)
git fetch -q origin gh-pages 2>/dev/null \
  || { echo "publish-pages: the repository has no gh-pages branch: create it once (docs/ci.md)"; exit 1; }
pages=$(mktemp -d)
trap 'git worktree remove --force "$pages" 2>/dev/null || true' EXIT
for attempt in 1 2 3 4 5; do
  git fetch -q origin gh-pages
  git worktree remove --force "$pages" 2>/dev/null || true
  git worktree add -q --detach "$pages" FETCH_HEAD
  rm -rf "$pages/report"
  cp -r "$report" "$pages/report"
  bash "$here/fan-in.sh" locate "$cells" "$dir" | while IFS=$'\t' read -r cell folder; do
    mkdir -p "$pages/results/$cell"
    cp "$folder/jmh-result.json" "$pages/results/$cell/"
    if [ -f "$folder/machine.json" ]; then cp "$folder/machine.json" "$pages/results/$cell/"; fi
  done
  git -C "$pages" add -A report results
  if git -C "$pages" diff --cached --quiet; then
    echo "publish-pages: nothing changed"
    exit 0
  fi
  git -C "$pages" -c user.name="github-actions[bot]" -c user.email="41898282+github-actions[bot]@users.noreply.github.com" \
    commit -q -m "Report and results of ${GITHUB_SHA:-$(git rev-parse HEAD)}"
  if git -C "$pages" push -q origin HEAD:gh-pages; then
    echo "publish-pages: report/ and results/ published on gh-pages"
    exit 0
  fi
  echo "publish-pages: push rejected (another writer), retrying ($attempt of 5)"
  sleep $((attempt * 5))
done
echo "publish-pages: could not push to gh-pages after 5 attempts"
exit 1

#!/usr/bin/env bash
# Build and score the sample corpus and every corpus under tests/data/dev/ and tests/data/holdout/.
#   bash bench/dev_scores.sh            (summary tables)
#   bash bench/dev_scores.sh -v         (full evaluate reports)
set -u
cd "$(dirname "$0")/.."
gb=.venv/bin/graphbuild
tmp=$(mktemp -d)
run() {
  name=$1 corpus=$2 gold=$3
  $gb build "$corpus" -o "$tmp/$name" --formats graphml >/dev/null 2>&1 || { echo "$name: build failed"; return; }
  echo "== $name"
  if [ "${VERBOSE:-}" = 1 ]; then $gb evaluate "$tmp/$name/graph.graphml" "$gold"
  else $gb evaluate "$tmp/$name/graph.graphml" "$gold" | tail -6; fi
}
[ "${1:-}" = "-v" ] && VERBOSE=1
run sample corpus tests/data/gold/seeds.gold.json
for dir in tests/data/dev/*/ tests/data/holdout/*/; do
  run "$(basename "$dir")" "$dir/articles" "$dir/gold.json"
done
rm -rf "$tmp"

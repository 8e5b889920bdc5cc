#!/usr/bin/env bash
# One process against Spark at scale (issue 16): N articles from
# bench/gen-articles.py (default 100,000), then
#
#   1. `annals events FILE --format json` and `annals build FILE -o DIR`
#      in one process: wall time, peak memory (/usr/bin/time);
#   2. `annals mentions` alone (the map's mention bytes per article), then
#      `annals events --mentions` alone (the reduce: time, peak memory);
#   3. scripts/spark/annals_spark.py in local[2]: wall time;
#
# and checks that 1 and 3 give identical events.json.
#
#   bash bench/spark-scale.sh [N]        # needs scripts/install-spark.sh
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
n=${1:-100000}
target=$(cd "${CARGO_TARGET_DIR:-$root/target}" 2>/dev/null && pwd || echo "$root/target")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cargo build --release --quiet --manifest-path "$root/Cargo.toml" -p annals
annals=$target/release/annals
python3 "$root/bench/gen-articles.py" "$work/articles.jsonl" -n "$n" --annals "$annals"
mb=$(du -m "$work/articles.jsonl" | cut -f1)
echo "input: $n articles, $mb MB"

measure() { # label, command...
    local label=$1
    shift
    /usr/bin/time -f "%e %U %M" -o "$work/time" "$@"
    read -r wall cpu kb <"$work/time"
    printf '%-34s %8.1f s wall %8.1f s CPU %7d MB peak\n' "$label" "$wall" "$cpu" $((kb / 1024))
}

measure "annals events (one process)" sh -c "'$annals' events '$work/articles.jsonl' --format json >'$work/one.json' 2>/dev/null"
measure "annals build (one process)" sh -c "'$annals' build '$work/articles.jsonl' -o '$work/site' 2>/dev/null"
measure "annals mentions (map, 2 jobs)" sh -c "'$annals' mentions '$work/articles.jsonl' --jobs 2 >'$work/mentions.jsonl' 2>/dev/null"
bytes=$(stat -c %s "$work/mentions.jsonl")
echo "mention lines: $bytes bytes, $((bytes / n)) per article, $((bytes / n * 1000000 / 1000000000)).$(((bytes / n * 1000000 / 100000000) % 10)) GB per million articles"
measure "annals events --mentions (reduce)" sh -c "'$annals' events --mentions '$work/mentions.jsonl' --format json >'$work/reduce.json' 2>/dev/null"
cmp "$work/one.json" "$work/reduce.json"
rm -f "$work/mentions.jsonl" "$work/reduce.json"
echo "(Spark: CPU and peak memory are of the python driver only, not the JVM or its workers)"
measure "Spark local[2] (map + sort + reduce)" sh -c "python3 '$root/scripts/spark/annals_spark.py' '$work/articles.jsonl' '$work/spark' --master 'local[2]' --annals '$annals' 2>'$work/spark.err' || { cat '$work/spark.err'; exit 1; }"
grep '^annals_spark:' "$work/spark.err" || true
if cmp "$work/one.json" "$work/spark/events.json"; then
    events=$(python3 -c 'import json, sys; print(len(json.load(open(sys.argv[1]))["events"]))' "$work/one.json")
    echo "identical events.json: one process and Spark ($events events)"
else
    echo "events.json differ between one process and Spark"
    exit 1
fi

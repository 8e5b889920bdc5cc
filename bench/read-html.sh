#!/usr/bin/env bash
# Reading throughput of `annals articles` on web pages, on one core: the
# 60 dev pages of ../shared/data/html-extraction copied N times (default 5,
# about 58 MB), read with `taskset -c 0` and written as JSON lines to
# /dev/null. Target: at least 50 MB/s of HTML.
#
#   bash bench/read-html.sh [COPIES]
#
# Prints MB, CPU seconds and MB/s of the best of three runs, and the wall
# clock of that run (the machine is shared: wall clock includes waiting).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
data=${ANNALS_HTML_EXTRACTION:-$root/../shared/data/html-extraction}
copies=${1:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cargo build --release --quiet --manifest-path "$root/Cargo.toml" -p annals
annals=$root/target/release/annals
pin=()
if command -v taskset >/dev/null; then pin=(taskset -c 0); fi

python3 "$root/../shared/tools/extract_eval.py" prepare "$data" "$work/base" >/dev/null
mkdir -p "$work/pages"
for i in $(seq 1 "$copies"); do
    for f in "$work"/base/*.html; do
        cp "$f" "$work/pages/$i-$(basename "$f")"
    done
done
bytes=$(cat "$work"/pages/*.html | wc -c)

# CPU seconds (user + system) of the command, and its wall-clock seconds:
# on a shared machine the CPU time is the fair one-core figure.
run() {
    python3 - "$@" <<'PY'
import resource, subprocess, sys, time
start = time.perf_counter()
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
wall = time.perf_counter() - start
r = resource.getrusage(resource.RUSAGE_CHILDREN)
print(f"{r.ru_utime + r.ru_stime:.3f} {wall:.3f}")
PY
}

best=
for _ in 1 2 3; do
    read -r cpu wall < <(run "${pin[@]}" "$annals" articles "$work/pages" --format jsonl)
    if [ -z "$best" ] || [ "$(echo "$cpu < $best" | bc -l)" = 1 ]; then best=$cpu; best_wall=$wall; fi
done
echo "$bytes $best $best_wall" | awk '{ printf "%.1f MB of HTML: %.2f s of CPU (%.1f MB/s on one core), %.2f s wall clock (%.1f MB/s)\n", $1 / 1e6, $2, $1 / 1e6 / $2, $3, $1 / 1e6 / $3 }'

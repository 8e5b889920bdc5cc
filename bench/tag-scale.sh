#!/usr/bin/env bash
# End-to-end throughput and peak memory of `annals tag` (JSON lines in and
# out) on the TimeML corpora's texts repeated to about 10 MB and 100 MB,
# with 1 and 2 jobs. Peak memory should not grow with the input: the
# command reads and writes in batches.
#
#   bash bench/tag-scale.sh            # needs ../shared beside the repo
#   ANNALS_CORPORA=DIR bash bench/tag-scale.sh
#
# Prints one line per run: size, jobs, seconds, MB/s, peak RSS.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
corpora=${ANNALS_CORPORA:-$root/../shared/data/timeml}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cargo build --release --quiet --manifest-path "$root/Cargo.toml" -p annals
annals=$root/target/release/annals

for c in aquaint timebank meantime-en; do
    python3 "$root/../shared/tools/timeml2jsonl.py" "$corpora/$c" --docs "$work/$c.jsonl" >/dev/null 2>&1
done
cat "$work"/*.jsonl >"$work/base.jsonl"

# Repeats the base documents until the file holds at least $2 bytes.
grow() {
    local out=$1 want=$2
    : >"$out"
    while [ "$(stat -c %s "$out")" -lt "$want" ]; do
        cat "$work/base.jsonl" >>"$out"
    done
}

grow "$work/10mb.jsonl" $((10 * 1000 * 1000))
grow "$work/100mb.jsonl" $((100 * 1000 * 1000))

printf '%-8s %4s %8s %8s %12s\n' input jobs seconds MB/s peak-RSS
for size in 10mb 100mb; do
    for jobs in 1 2; do
        f=$work/$size.jsonl
        bytes=$(stat -c %s "$f")
        /usr/bin/time -f '%e %M' -o "$work/time" \
            "$annals" tag --jobs "$jobs" "$f" >/dev/null
        read -r secs kb <"$work/time"
        python3 - "$size" "$jobs" "$secs" "$bytes" "$kb" <<'EOF'
import sys
size, jobs, secs, nbytes, kb = sys.argv[1:]
secs = max(float(secs), 0.01)
print(f"{size:<8} {jobs:>4} {secs:8.2f} {int(nbytes) / secs / 1e6:8.1f} {int(kb) / 1024:9.1f} MB")
EOF
    done
done

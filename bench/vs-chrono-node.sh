#!/usr/bin/env bash
# `annals tag` against chrono-node (npm), the tagger JavaScript projects
# reach for, on the same news text in the same run: whole-process time of
# each (reading JSON lines, tagging, writing results; the best of three
# runs, as other processes share the machine) and the ratio.
#
#   bash bench/vs-chrono-node.sh [MB]     # MB of input, 6 by default
#
# The input is the TimeML corpora's texts in ../shared (ANNALS_CORPORA),
# repeated to MB megabytes. chrono-node is installed into
# target/bench-tools (never committed). Both read the same JSON lines
# and write one JSON line per expression found.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
corpora=${ANNALS_CORPORA:-$root/../shared/data/timeml}
mb=${1:-6}
tools="${CARGO_TARGET_DIR:-$root/target}/bench-tools"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [ ! -f "$tools/node_modules/chrono-node/package.json" ]; then
    echo "installing chrono-node into $tools" >&2
    mkdir -p "$tools"
    [ -f "$tools/package.json" ] || echo '{"private": true}' >"$tools/package.json"
    (cd "$tools" && npm install --no-audit --no-fund --silent chrono-node@2)
fi
cargo build --release --quiet --manifest-path "$root/Cargo.toml" -p annals
annals="${CARGO_TARGET_DIR:-$root/target}/release/annals"

for c in aquaint timebank meantime-en; do
    python3 "$root/../shared/tools/timeml2jsonl.py" "$corpora/$c" --docs "$work/$c.jsonl" >/dev/null 2>&1
done
cat "$work"/*.jsonl >"$work/base.jsonl"
: >"$work/input.jsonl"
while [ "$(stat -c %s "$work/input.jsonl")" -lt $((mb * 1000 * 1000)) ]; do
    cat "$work/base.jsonl" >>"$work/input.jsonl"
done

cat >"$work/chrono.mjs" <<'JS'
import { createRequire } from "node:module";
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
const require = createRequire(process.argv[2] + "/");
const chrono = require("chrono-node");
const lines = createInterface({ input: createReadStream(process.argv[3]), crlfDelay: Infinity });
const out = [];
for await (const line of lines) {
    if (!line.trim()) continue;
    const d = JSON.parse(line);
    const ref = new Date(d.dct.slice(0, 10) + "T12:00:00Z");
    for (const r of chrono.parse(d.text, ref)) {
        out.push(JSON.stringify({ doc: d.doc, start: r.index, text: r.text, value: r.start.date().toISOString() }));
    }
    if (out.length > 4096) { process.stdout.write(out.join("\n") + "\n"); out.length = 0; }
}
process.stdout.write(out.join("\n") + "\n");
JS

bytes=$(stat -c %s "$work/input.jsonl")
run() { # name, command...: the best of three runs' seconds, and found expressions
    local name=$1
    shift
    local t0 t1 found best=""
    for _ in 1 2 3; do
        t0=$(date +%s.%N)
        found=$("$@" | wc -l)
        t1=$(date +%s.%N)
        best=$(python3 -c "import sys; s=float(sys.argv[2])-float(sys.argv[1]); b=sys.argv[3]; print(min(s, float(b)) if b else s)" "$t0" "$t1" "$best")
    done
    python3 -c "import sys; s=float(sys.argv[1]); print(f'{sys.argv[2]:<12} {s:7.2f} s {int(sys.argv[3])/s/1e6:8.1f} MB/s {sys.argv[4]:>8} found')" \
        "$best" "$name" "$bytes" "$found"
    echo "$best" >>"$work/times"
}
echo "input: $((bytes / 1000 / 1000)) MB of JSON lines ($(wc -l <"$work/input.jsonl") documents)"
run "annals tag" "$annals" tag "$work/input.jsonl"
run "chrono-node" node "$work/chrono.mjs" "$tools/node_modules" "$work/input.jsonl"
awk '{ s[NR] = $1 } END { printf "chrono-node time / annals tag time: %.1fx\n", s[2] / s[1] }' "$work/times"

#!/usr/bin/env bash
# Time and peak memory of `annals events` at collection scale:
#
#   1. every dev Timeline17 topic in one folder (4,036 articles, 24 MB);
#   2. the same ten times over (fresh file names, publication days shifted
#      by 0..9 days), to show how the cost grows with the input;
#   3. one 50 MB article on a single line (the dev articles joined).
#
#   bash bench/events-scale.sh          # needs ../shared beside the repo
#   ANNALS_TLS=DIR bash bench/events-scale.sh
#
# Prints one line per run: input, articles, MB, wall seconds, CPU seconds,
# peak RSS, events. Targets (issue 13): run 1 in 2 s or less, run 2 within
# 12x run 1, peak memory under 200 MB, run 3 in 2 s or less.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
tls=${ANNALS_TLS:-$root/../shared/data/tls}
target=${CARGO_TARGET_DIR:-$root/target}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cargo build --release --quiet --manifest-path "$root/Cargo.toml" -p annals
annals=$target/release/annals

python3 - "$tls" "$work" <<'PY'
import datetime, os, sys
tls, work = sys.argv[1], sys.argv[2]
topics = sorted(t for t in os.listdir(tls) if os.path.isfile(os.path.join(tls, t, "annals.yaml")))

def published(topic):
    """{file: day} from a topic's annals.yaml (its articles: section)."""
    out, name = {}, None
    for line in open(os.path.join(tls, topic, "annals.yaml"), encoding="utf-8"):
        s = line.strip()
        if line.startswith("  ") and not line.startswith("    ") and s.endswith(":"):
            name = s[:-1].strip('"')
        elif s.startswith("published:") and name:
            out[name] = s.split(":", 1)[1].strip().strip('"')
    return out

def make(folder, copies):
    os.makedirs(os.path.join(folder, "articles"))
    yaml = ["title: \"scale\"\n", "articles:\n"]
    for topic in topics:
        days = published(topic)
        src = os.path.join(tls, topic, "articles")
        for f in sorted(os.listdir(src)):
            for k in range(copies):
                name = f"{topic}_{k}_{f}"
                os.symlink(os.path.join(src, f), os.path.join(folder, "articles", name))
                if f in days:
                    day = datetime.date.fromisoformat(days[f]) + datetime.timedelta(days=k)
                    yaml += [f"  {name}:\n", f"    published: {day}\n"]
    open(os.path.join(folder, "annals.yaml"), "w").writelines(yaml)

make(os.path.join(work, "x1"), 1)
make(os.path.join(work, "x10"), 10)
one = os.path.join(work, "one")
os.makedirs(one)
with open(os.path.join(one, "one.txt"), "w") as out:
    n = 0
    for topic in topics:
        src = os.path.join(tls, topic, "articles")
        for f in sorted(os.listdir(src)):
            text = open(os.path.join(src, f), encoding="utf-8").read().replace("\n", " ")
            out.write(text + " ")
            n += len(text) + 1
    while n < 50_000_000:  # repeat the collection up to 50 MB
        out.write(text + " ")
        n += len(text) + 1
open(os.path.join(one, "annals.yaml"), "w").write("articles:\n  one.txt:\n    published: 2011-03-01\n")
PY

printf '%-28s %9s %7s %8s %8s %9s %8s\n' input articles MB wall_s cpu_s peak_MB events
run() {
    local label=$1 dir=$2
    local n mb
    n=$(find -L "$dir" -type f \( -name '*.txt' \) | wc -l)
    mb=$(find -L "$dir" -type f -name '*.txt' -printf '%s\n' | awk '{s += $1} END {printf "%.0f", s / 1e6}')
    /usr/bin/time -f '%e %U %S %M' -o "$work/time" "$annals" events "$dir" --format json >"$work/out.json"
    read -r wall user sys rss <"$work/time"
    local events
    events=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["events"]))' "$work/out.json")
    printf '%-28s %9s %7s %8s %8.2f %9.0f %8s\n' "$label" "$n" "$mb" "$wall" \
        "$(echo "$user + $sys" | bc)" "$(echo "$rss / 1024" | bc)" "$events"
}
run "dev topics" "$work/x1"
run "dev topics x10" "$work/x10"
run "one 50 MB article" "$work/one"

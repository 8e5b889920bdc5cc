#!/usr/bin/env bash
# Regenerates the README's screenshots: builds the seeds' page and the
# largest development topic of ../shared/data/tls (most articles) with
# `annals build` (release), takes their first screens at 1280 and 375 px,
# light and dark (scripts/screenshots.cjs, into target/screenshots/), and
# copies the README's to docs/. Needs what browser-check.sh installs
# (Debian's chromium, playwright-core in target/browser-tools).
# Usage: bash scripts/screenshots.sh
set -euo pipefail
cd "$(dirname "$0")/.."

out=target/screenshots
tools=target/browser-tools
if [ ! -f "$tools/node_modules/playwright-core/package.json" ]; then
    echo "run scripts/browser-check.sh once first: it installs chromium and playwright-core" >&2
    exit 2
fi
cargo build -q --release -p annals
rm -rf "$out"
mkdir -p "$out"
target/release/annals build seeds -o "$out/seeds" >/dev/null
pages=("seeds=$out/seeds/index.html")
tls=../shared/data/tls
if [ -d "$tls" ]; then
    topic=$(for d in "$tls"/*/; do echo "$(find "$d" -name '*.txt' | wc -l) $d"; done | sort -rn | head -1 | cut -d' ' -f2)
    name=$(basename "$topic")
    target/release/annals build "$topic" -o "$out/$name" >/dev/null
    pages+=("$name=$out/$name/index.html")
fi
CHROMIUM=${CHROMIUM:-/usr/bin/chromium} node scripts/screenshots.cjs "$tools" "$out" "${pages[@]}"
cp "$out/seeds-1280-light.png" docs/seeds-page.png
cp "$out/seeds-375-dark.png" docs/seeds-phone-dark.png
if [ -n "${name:-}" ]; then
    cp "$out/$name-1280-light.png" docs/large-page.png
    cp "$out/$name-375-light.png" docs/large-phone.png
fi
echo "screenshots in $out; README's in docs/"

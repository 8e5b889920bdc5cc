#!/usr/bin/env bash
# The page in a real browser: renders the fixture timeline (and the seeds'
# page when `annals build` can make it), opens it in headless Chromium at
# 1280 and 375 px, with and without JavaScript, light and dark; fails on any
# network request, any script error or CSP violation, any serious or
# critical axe-core violation, horizontal overflow at 360 px, or an alert
# from the hostile fixture. Screenshots go to target/browser/.
#
# Installs what is missing: Debian's chromium (apt-get) and npm's
# playwright-core + axe-core into target/browser-tools (never committed).
# Usage: bash scripts/browser-check.sh
set -euo pipefail
cd "$(dirname "$0")/.."

out=target/browser
tools=target/browser-tools
chromium=${CHROMIUM:-/usr/bin/chromium}

if [ ! -x "$chromium" ]; then
    echo "installing Debian's chromium"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
if [ ! -f "$tools/node_modules/axe-core/axe.min.js" ] || [ ! -f "$tools/node_modules/playwright-core/package.json" ]; then
    echo "installing playwright-core and axe-core into $tools"
    mkdir -p "$tools"
    [ -f "$tools/package.json" ] || echo '{"private": true}' >"$tools/package.json"
    (cd "$tools" && npm install --no-audit --no-fund --silent playwright-core@1 axe-core@4)
fi

rm -rf "$out"
mkdir -p "$out"
cargo run -q -p annals-render --example fixture -- "$out/fixture" >/dev/null
cargo run -q -p annals-render --example fixture -- --hostile "$out/hostile" >/dev/null
pages=("fixture=$out/fixture/index.html")
# The seeds' page, once the CLI builds it (the lead's `annals build`).
if cargo run -q -p annals -- build seeds -o "$out/seeds" >"$out/seeds-build.log" 2>&1 \
    && [ -f "$out/seeds/index.html" ]; then
    pages+=("seeds=$out/seeds/index.html")
else
    echo "seeds page skipped: annals build seeds failed (see $out/seeds-build.log)"
fi

CHROMIUM="$chromium" node scripts/browser-check.cjs "$tools" "$out" \
    "hostile=$out/hostile/index.html" "${pages[@]}"

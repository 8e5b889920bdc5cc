#!/usr/bin/env bash
# The page in a real browser: renders the fixture timeline (and the seeds'
# page when `annals build` can make it), opens it in headless Chromium at
# 1280 and 375 px, with and without JavaScript, light and dark; fails on any
# network request, any script error or CSP violation, any serious or
# critical axe-core violation, horizontal overflow at 360 px, or an alert
# from the hostile fixture. Screenshots go to target/browser/.
#
# Also checks a 2,000-event synthetic page (and the largest development
# topic of ../shared/data/tls when target/release/annals exists), and
# times loading and filtering the big page (scripts/page-speed.cjs).
#
# Then reads every site's exports back with the tools people use: TimelineJS
# 3 (timelinejs.json), @markwhen/parser (timeline.mw), ical.js
# (timeline.ics) and Papa Parse (timeline.csv).
#
# Installs what is missing: Debian's chromium (apt-get) and npm's
# playwright-core, axe-core and those parsers into target/browser-tools
# (never committed).
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
npm_packages=(playwright-core@1 axe-core@4 @knight-lab/timelinejs@3 @markwhen/parser@1 ical.js@2 papaparse@5)
missing=0
for dir in playwright-core axe-core @knight-lab/timelinejs @markwhen/parser ical.js papaparse; do
    [ -f "$tools/node_modules/$dir/package.json" ] || missing=1
done
if [ "$missing" -ne 0 ]; then
    echo "installing ${npm_packages[*]} into $tools"
    mkdir -p "$tools"
    [ -f "$tools/package.json" ] || echo '{"private": true}' >"$tools/package.json"
    (cd "$tools" && npm install --no-audit --no-fund --silent "${npm_packages[@]}")
fi

rm -rf "$out"
mkdir -p "$out"
cargo run -q -p annals-render --example fixture -- "$out/fixture" >/dev/null
cargo run -q -p annals-render --example fixture -- --hostile "$out/hostile" >/dev/null
pages=("fixture=$out/fixture/index.html")
hostile=("hostile=$out/hostile/index.html")
# The whole pipeline on hostile input: an article and an annals.yaml whose
# every text carries markup, and javascript: URLs.
mkdir -p "$out/hostile-input"
cat >"$out/hostile-input/evil.txt" <<'ARTICLE'
<script>alert('article')</script> Putin met Maduro in Moscow on Wednesday, "</style><script>alert('quote')</script>" officials said.
In December, Russia sent two bombers to Venezuela <img src=x onerror=alert('img')>.
ARTICLE
cat >"$out/hostile-input/annals.yaml" <<'YAML'
title: "</style><script>alert('yaml title')</script>"
articles:
  evil.txt:
    title: "<img src=x onerror=alert('headline')>"
    source: "\"><script>alert('source')</script>"
    url: "javascript:alert('url')"
    published: 2019-09-25
events:
  - add:
      date: 2019-09-26
      title: "<script>alert('added')</script>"
      note: "</script><script>alert('note')</script>"
      source: "' onmouseover='alert(1)"
      url: "JaVaScRiPt:alert('added url')"
YAML
if cargo run -q -p annals -- build "$out/hostile-input" -o "$out/hostile-e2e" >"$out/hostile-build.log" 2>&1 \
    && [ -f "$out/hostile-e2e/index.html" ]; then
    hostile+=("hostile-e2e=$out/hostile-e2e/index.html")
else
    echo "hostile end-to-end page skipped: annals build failed (see $out/hostile-build.log)"
fi
# The seeds' page, once the CLI builds it (the lead's `annals build`).
if cargo run -q -p annals -- build seeds -o "$out/seeds" >"$out/seeds-build.log" 2>&1 \
    && [ -f "$out/seeds/index.html" ]; then
    pages+=("seeds=$out/seeds/index.html")
else
    echo "seeds page skipped: annals build seeds failed (see $out/seeds-build.log)"
fi

# A big page: 2,000 synthetic events from 300 articles.
cargo run -q -p annals-render --example fixture -- --large 2000 "$out/large" >/dev/null
pages+=("large=$out/large/index.html")
# The largest development topic of ../shared/data/tls (most articles), when
# the data is there and a release binary is built (a debug build is slow).
tls=../shared/data/tls
if [ -d "$tls" ] && [ -x target/release/annals ]; then
    topic=$(for d in "$tls"/*/; do echo "$(find "$d" -name '*.txt' | wc -l) $d"; done | sort -rn | head -1 | cut -d' ' -f2)
    name=$(basename "$topic")
    if target/release/annals build "$topic" -o "$out/$name" >"$out/$name-build.log" 2>&1; then
        pages+=("$name=$out/$name/index.html")
    else
        echo "$name page skipped: annals build failed (see $out/$name-build.log)"
    fi
fi

CHROMIUM="$chromium" node scripts/browser-check.cjs "$tools" "$out" "${hostile[@]}" "${pages[@]}"

# Speed: load and one filter on the big page, median of 5; a filter must
# take under 100 ms.
speed=$(CHROMIUM="$chromium" node scripts/page-speed.cjs "$tools" "$out/large/index.html")
echo "speed: $speed"
filter_ms=$(echo "$speed" | sed -n 's/.*"filter_ms":\([0-9.]*\).*/\1/p')
if ! awk -v f="$filter_ms" 'BEGIN { exit !(f < 100) }'; then
    echo "browser check: filtering 2,000 events took ${filter_ms} ms (limit 100)"
    exit 1
fi

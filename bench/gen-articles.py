#!/usr/bin/env python3
"""Makes N articles as JSON lines for scale runs: the dev Timeline17
articles (every topic of ../shared/data/tls, as `annals articles` reads
them with their annals.yaml) repeated, each copy k with the publication
day shifted by k days and fresh ids (`TOPIC/k/DOC`).

    python3 bench/gen-articles.py OUT.jsonl [-n 100000] [--annals BIN] [--tls DIR]

Articles are taken in a fixed order, so the same N gives the same file.
"""

import argparse
import datetime
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("out")
    p.add_argument("-n", type=int, default=100_000, help="articles to write (default 100,000)")
    target = os.environ.get("CARGO_TARGET_DIR") or os.path.join(ROOT, "target")
    p.add_argument("--annals", default=os.path.join(target, "release", "annals"))
    p.add_argument("--tls", default=os.environ.get("ANNALS_TLS") or os.path.join(ROOT, "..", "shared", "data", "tls"))
    args = p.parse_args()

    topics = sorted(t for t in os.listdir(args.tls) if os.path.isfile(os.path.join(args.tls, t, "annals.yaml")))
    base = []
    for topic in topics:
        out = subprocess.run(
            [args.annals, "articles", os.path.join(args.tls, topic), "--format", "jsonl"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        base += [(topic, json.loads(line)) for line in out.splitlines() if line.strip()]
    base = [(t, a) for t, a in base if a.get("published")]
    if not base:
        sys.exit("gen-articles: no dated article in " + args.tls)

    with open(args.out, "w", encoding="utf-8") as f:
        for i in range(args.n):
            k, j = divmod(i, len(base))
            topic, a = base[j]
            day = datetime.date.fromisoformat(a["published"]) + datetime.timedelta(days=k)
            copy = dict(a, doc=f"{topic}/{k}/{a['doc']}", published=day.isoformat())
            f.write(json.dumps(copy, ensure_ascii=False) + "\n")
    print(f"gen-articles: {args.n} articles from {len(base)} dev articles into {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()

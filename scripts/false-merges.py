#!/usr/bin/env python3
"""Count false merges across two unrelated collections.

Builds one folder holding the articles of two Timeline17 topics (or any two
annals folders), runs
`annals events` on it and lists every event that cites articles of both:
such an event joins two stories that have nothing to do with each other.

    python3 scripts/false-merges.py --annals target/release/annals \
        ../shared/data/tls/egypt ../shared/data/tls/libya [--show]

Exit status 1 when an event mixes the two folders.
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile


def articles(folder):
    """{file name: yaml lines of its entry} from the folder's annals.yaml."""
    entries, name = {}, None
    section = None
    for line in open(os.path.join(folder, "annals.yaml"), encoding="utf-8"):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        indent = len(line) - len(line.lstrip(" "))
        if indent == 0:
            section = line.split(":")[0]
            continue
        if section != "articles":
            continue
        if indent == 2:
            name = line.strip().rstrip(":").strip('"')
            entries[name] = []
        elif name:
            entries[name].append(line)
    return entries


def files(folder):
    out = {}
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if d != "gold" and not d.startswith("."))
        for n in names:
            if n.endswith((".txt", ".md", ".html", ".htm")):
                out.setdefault(n, os.path.join(root, n))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--annals", default="target/release/annals")
    ap.add_argument("--show", action="store_true", help="list the mixed events")
    ap.add_argument("a")
    ap.add_argument("b")
    args = ap.parse_args()
    tmp = tempfile.mkdtemp(prefix="annals_mix_")
    try:
        side = {}
        yaml = ['title: "two unrelated stories"\n', "articles:\n"]
        for label, folder in (("a", args.a), ("b", args.b)):
            entries = articles(folder)
            for name, path in sorted(files(folder).items()):
                # A prefix keeps apart files named alike in the two folders.
                link = f"{label}_{name}"
                side[link] = label
                os.symlink(os.path.abspath(path), os.path.join(tmp, link))
                yaml.append(f"  {link}:\n")
                yaml.extend(entries.get(name, []))
        with open(os.path.join(tmp, "annals.yaml"), "w", encoding="utf-8") as f:
            f.writelines(yaml)
        out = subprocess.run([args.annals, "events", tmp, "--format", "json"],
                             capture_output=True, check=True).stdout
        events = json.loads(out)["events"]
    finally:
        shutil.rmtree(tmp)
    mixed = []
    for ev in events:
        sides = {side.get(os.path.basename(c["doc"])) for c in ev["citations"]}
        if {"a", "b"} <= sides:
            mixed.append(ev)
    print(f"{len(side)} articles, {len(events)} events, {len(mixed)} citing both folders")
    if args.show:
        for ev in mixed:
            print(f"  {ev['value']}  {ev['title']}  ({len(ev['citations'])} citations)")
    return 1 if mixed else 0


if __name__ == "__main__":
    sys.exit(main())

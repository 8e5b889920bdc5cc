#!/usr/bin/env python3
"""Turns TimeML folders into one JSON-lines file of articles for annals.

Each `.tml` file becomes one article whose text is its <TEXT> and whose
publication day is its document creation time (DCT), so that
`annals events` reads the TimeBank/AQUAINT news as a collection:

    python3 scripts/timeml-articles.py ../shared/data/timeml/timebank \
        ../shared/data/timeml/aquaint -o /tmp/timeml.jsonl
    target/release/annals events /tmp/timeml.jsonl --format json

The `source` is the file name's outlet prefix ("APW", "NYT", "wsj"), the
`doc` the file name. Reads the corpora with the shared TimeML reader
(`../shared/tools/te3score.py`, the same offsets as `timeml2jsonl.py`).
"""
import argparse
import json
import os
import re
import sys

sys.dont_write_bytecode = True


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("folders", nargs="+", help="folders of .tml files")
    ap.add_argument("-o", "--out", required=True, help="the .jsonl to write")
    ap.add_argument(
        "--tools",
        default=os.path.join(os.path.dirname(__file__), "..", "..", "shared", "tools"),
        help="folder of te3score.py (default ../shared/tools)",
    )
    a = ap.parse_args()
    sys.path.insert(0, os.path.abspath(a.tools))
    from te3score import list_tml, read_timeml

    n = 0
    with open(a.out, "w", encoding="utf-8") as out:
        for folder in a.folders:
            for name in list_tml(folder):
                d = read_timeml(os.path.join(folder, name))
                day = d.dct[:10] if re.match(r"\d{4}-\d{2}-\d{2}", d.dct or "") else None
                source = re.match(r"[A-Za-z]+", name)
                article = {
                    "doc": name,
                    "source": source.group(0) if source else None,
                    "published": day,
                    "text": d.text.strip(),
                }
                out.write(json.dumps(article, ensure_ascii=False) + "\n")
                n += 1
    print(f"{n} articles written to {a.out}", file=sys.stderr)


if __name__ == "__main__":
    main()

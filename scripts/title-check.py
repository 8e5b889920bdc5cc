#!/usr/bin/env python3
"""Counts defective event titles in `annals events` output for article folders.

A title is defective when it holds a word found in none of the folder's
articles (and not in /usr/share/dict/words when that exists: Debian's
wamerican), or opens with a pronoun. Prints the rate per folder and overall;
`--show` lists the defective titles.

    python3 scripts/title-check.py --annals target/release/annals DIR... [--show]
"""
import argparse
import json
import pathlib
import re
import subprocess

PRONOUNS = {"he", "she", "it", "they", "we", "i", "you", "his", "her", "its", "their"}
WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")


def vocabulary(folder, dictionary):
    words = set(dictionary)
    for path in pathlib.Path(folder).rglob("*"):
        if path.suffix in {".txt", ".md", ".html", ".htm"} and path.is_file():
            words.update(w.lower() for w in WORD.findall(path.read_text(errors="replace")))
    return words


def known(w, words):
    """The word, its possessive's stem, or the base of a third-person "-s"
    form ("sees", "reaches", "tries") is in the vocabulary."""
    w = w.split("'")[0]
    bases = [w]
    if w.endswith("ies"):
        bases.append(w[:-3] + "y")
    if w.endswith("es"):
        bases.append(w[:-2])
    if w.endswith("s"):
        bases.append(w[:-1])
    return any(b in words for b in bases)


def defect(title, words):
    tokens = WORD.findall(title)
    if tokens and tokens[0].lower() in PRONOUNS:
        return "pronoun"
    for t in tokens:
        if not known(t.lower(), words):
            return f"unknown word {t!r}"
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--annals", default="target/release/annals")
    ap.add_argument("--show", action="store_true")
    ap.add_argument("folders", nargs="+")
    args = ap.parse_args()
    dict_path = pathlib.Path("/usr/share/dict/words")
    dictionary = (
        {w.strip().lower() for w in dict_path.read_text(errors="replace").split()}
        if dict_path.exists()
        else set()
    )
    total = bad = 0
    for folder in args.folders:
        out = subprocess.run(
            [args.annals, "events", folder, "--format", "jsonl"],
            check=True, capture_output=True, text=True,
        ).stdout
        words = vocabulary(folder, dictionary)
        n = b = 0
        for line in out.splitlines():
            title = json.loads(line)["title"]
            n += 1
            why = defect(title, words)
            if why:
                b += 1
                if args.show:
                    print(f"  {folder}: {title!r}: {why}")
        print(f"{folder}: {b}/{n} defective titles ({100 * b / max(n, 1):.1f}%)")
        total += n
        bad += b
    print(f"all: {bad}/{total} defective titles ({100 * bad / max(total, 1):.2f}%)")


if __name__ == "__main__":
    main()

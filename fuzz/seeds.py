#!/usr/bin/env python3
"""Writes the fuzzers' seed corpora from the dev corpora in ../shared.

    python3 fuzz/seeds.py [--corpora ../shared/data/timeml] [--out fuzz/target/seeds]

The corpora are research data that must not be copied into the
repository, so the seeds are made on the machine and live under
fuzz/target/ (ignored):

- tag/:       sentences of the TimeML texts that hold a TIMEX3, one a file,
              behind two bytes that choose the anchor (see src/bin/tag.rs);
- value/:     every distinct TIMEX3 value attribute, plus a few malformed
              values, one a file;
- sentences/: paragraphs of the texts, one a file.

Seeds stay small (AFL++ works best on inputs of a few hundred bytes) and
few (a hundred or so a target; afl-cmin can trim further).
"""

import argparse
import hashlib
import html
import pathlib
import re

TIMEX = re.compile(r"<TIMEX3\b[^>]*>(.*?)</TIMEX3>", re.S)
VALUE = re.compile(r'<TIMEX3\b[^>]*\bvalue="([^"]*)"')
TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)
TAG = re.compile(r"<[^>]+>")
BAD_VALUES = ["", "P", "PT", "2019-13", "2019-W54", "T25:00", "XXXX-WXX-9", "2019-09-25T"]


def texts(corpora: pathlib.Path):
    for tml in sorted(corpora.glob("*/*.tml")):
        raw = tml.read_text(encoding="utf-8", errors="replace")
        body = TEXT.search(raw)
        if body:
            yield raw, body.group(1)


def write(folder: pathlib.Path, items, limit: int) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    seen = set()
    for item in items:
        digest = hashlib.sha1(item).hexdigest()[:16]
        if digest in seen:
            continue
        seen.add(digest)
        (folder / digest).write_bytes(item)
        if len(seen) >= limit:
            break
    return len(seen)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpora", default="../shared/data/timeml")
    ap.add_argument("--out", default="fuzz/target/seeds")
    ap.add_argument("--per-target", type=int, default=120)
    args = ap.parse_args()
    corpora, out = pathlib.Path(args.corpora), pathlib.Path(args.out)

    sentences, paragraphs, values = [], [], set(BAD_VALUES)
    for raw, body in texts(corpora):
        values.update(VALUE.findall(raw))
        for para in re.split(r"\n\s*\n", body):
            if TIMEX.search(para):
                for sent in re.split(r"(?<=[.!?])\s+", para):
                    if TIMEX.search(sent):
                        sentences.append(html.unescape(TAG.sub("", sent)).strip())
            plain = html.unescape(TAG.sub("", para)).strip()
            if 40 <= len(plain.encode()) <= 600:
                paragraphs.append(plain)
    # Spread the picks over the corpora rather than taking the first files.
    step = max(1, len(sentences) // args.per_target)
    tag_seeds = [b"\x9c\x40" + s.encode() for s in sentences[::step] if len(s.encode()) <= 400]
    step = max(1, len(paragraphs) // args.per_target)
    counts = {
        "tag": write(out / "tag", tag_seeds, args.per_target),
        "value": write(out / "value", (v.encode() for v in sorted(values)), 4 * args.per_target),
        "sentences": write(out / "sentences", (p.encode() for p in paragraphs[::step]), args.per_target),
    }
    for name, n in counts.items():
        print(f"{out / name}: {n} seeds")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Counts defective event titles in `annals events` output for article folders.

A title is defective when it holds a word found in none of the folder's
articles (and not in /usr/share/dict/words when that exists: Debian's
wamerican), opens with a pronoun or a verb without its subject ("Was
devastated by …", "Struck Haiti"), or opens with page furniture: a photo
credit, dateline, byline, time stamp or comment button that the quote
opens with ("Photograph: A Name/Agency …", "CITY, Region — …", "By A Name,
Staff Writer …", "Updated 10:32 GMT …", "… at 10:04 pm | Reply …"), or
a title shaped like one ("By A Name …", "Posted by …", "Report abuse …").
The furniture shapes are general (no outlet or person of any corpus).
Prints the rate per folder and overall, and how many titles are
furniture-led; `--show` lists the defective titles.

    python3 scripts/title-check.py --annals target/release/annals DIR... [--show]
"""
import argparse
import json
import pathlib
import re
import subprocess

PRONOUNS = {"he", "she", "it", "they", "we", "i", "you", "his", "her", "its", "their"}
AUXILIARIES = set("is are was were has have had will would could should can may might must "
                  "did does do been being".split())
FUNCTION_WORDS = set("the a an to in on at by for from with into of as that this his her its their "
                     "him them it up out down off over back".split())
IRREGULAR_PASTS = set(
    "said told made took struck began came went gave fled left held met won lost sent spent "
    "found brought thought got became fell rose led ran saw wrote drove broke chose knew grew "
    "threw flew drew fought caught taught sought bought spoke stole woke froze rode sang sank "
    "swam stood understood kept paid sold built shot".split())
WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")

# Page furniture that opens a quote, one segment a pattern; segments stack.
DASH = r"(?:-{1,3}|\u2014|\u2013)"
NAME = r"(?!(?:The|A|An|In|On|At|As|When|While|After|This|It|He|She|They|We|I)\b)[A-Z][\w.'\u2019-]*"
MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
WEEKDAY = r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?"
CLOCK = r"\d{1,2}:\d{2}\s?(?:[ap]\.?m\.?|[AP]M)?(?:\s[A-Z]{2,4}\b)?,?"
DATE = rf"(?:{MONTH}\s\d{{1,2}},?\s\d{{4}}|\d{{1,2}}\s{MONTH}\s\d{{4}})"
ROLE = r"(?:[Cc]orrespondent|[Rr]eporter|[Ww]riter|[Ee]ditor|[Cc]olumnist|[Cc]ontributor)"
FURNITURE = [re.compile(p) for p in [
    # Photograph: A Name/Agency/Agency Images
    r"\(?(?:Photo(?:graph)?s?|Pictures?|Images?|Illustration|Credits?|Caption)"
    r"(?:\scredits?)?:\s(?:\S+\s){0,6}?\S*/\S+(?:\s(?:Images|Features|Pictures))?\s",
    r"\(?(?:Photo(?:graph)?s?|Pictures?|Images?|Illustration|Credits?|Caption):\s\S+\s",
    # CAPS Photo/A Name
    r"[A-Z]{2,}\sPhoto/" + NAME + r"(?:\s" + NAME + r")?\s",
    # (Agency), (Agency Photo/A Name), (A Name - AGENCY), Agency) -
    r"\((?:[^()]{0,60}Photo[^()]{0,60}|(?:" + NAME + r"\s?){1,3}|[^()]{1,40}\s-\s[A-Z]{2,})\)\s*"
    + DASH + r"?\s*",
    r"[A-Z][A-Za-z]+\)\s*" + DASH + r"\s",
    # CITY, Region (Agency) —    CITY/CITY |
    r"(?:[A-Z][A-Z.'/&-]+,?\s){1,4}(?:" + NAME + r",?\s){0,2}(?:\([^()]{1,30}\)\s)?(?:"
    + DASH + r"|\|)\s",
    # time stamps, with or without a cue
    r"(?:Page\s)?(?:[Ll]ast\s)?(?:[Uu]pdated|Published|Posted)(?:\sby(?:\s" + NAME
    + r"){1,4})?(?:\s(?:on|at))?\s(?:" + WEEKDAY + r"\s|" + DATE + r",?\s|" + CLOCK
    + r"\s|at\s|" + DASH + r"\s)+",
    r"" + DASH + r"?\s*(?:" + WEEKDAY + r"\s)?" + DATE + r"(?:\s(?:at|" + DASH + r"))?\s"
    + CLOCK + r"\s*(?:\|\s*)?",
    # By A Name, Staff Writer, City News
    r"By:?\s(?:" + NAME + r",?\s(?:and\s)?){2,5}(?:" + NAME + r"\s)?" + ROLE
    + r",?(?:\s" + NAME + r"){0,3}\s",
    r"By:?\s(?:" + NAME + r"\s(?:and\s)?){2,5}(?=[A-Z]{2,}\b|\||" + DASH + r")",
    r"by:\s(?:" + NAME + r"\s){1,4}",
    # comment buttons
    r"\|?\s*(?:Report abuse|Reply|Permalink)\s*\|?\s*",
]]
# Titles shaped like furniture whatever the quote says.
FURNITURE_TITLE = re.compile(
    r"(?:By\s[A-Z]\w+\s[A-Z]|Posted by\b|Report abuse\b|Reply\b|Permalink\b"
    r"|Page (?:last )?updated?s?\b|(?:Last )?Updated (?:at )?\d|Photograph\b|Photo credits?\b)"
)


def vocabulary(folder, dictionary):
    words = set(dictionary)
    for path in pathlib.Path(folder).rglob("*"):
        if path.suffix in {".txt", ".md", ".html", ".htm"} and path.is_file():
            words.update(w.lower() for w in WORD.findall(path.read_text(errors="replace")))
    return words


def known(w, words):
    """The word, its possessive's stem, or the base of a third-person "-s"
    form ("sees", "reaches", "tries", or one the articles only inflect:
    "morphed") is in the vocabulary."""
    if w in words:
        return True
    w = w.split("'")[0]
    bases = [w]
    if w.endswith("ies"):
        bases.append(w[:-3] + "y")
    if w.endswith("es"):
        bases.append(w[:-2])
    if w.endswith("s"):
        bases.append(w[:-1])
    # A base the articles only inflect ("morphs": "morphed", "morphing").
    forms = [b + e for b in bases[1:] for e in ("ed", "d", "ing")]
    return any(b in words for b in bases + forms)


def furniture_len(quote):
    """The length of the page furniture that opens `quote`."""
    at = 0
    for _ in range(8):
        for pattern in FURNITURE:
            m = pattern.match(quote, at)
            if m and m.end() > at:
                at = m.end()
                break
        else:
            break
    return at


def furniture_led(title, quote):
    """The title opens with words of the furniture that opens its quote,
    or is shaped like furniture itself."""
    if FURNITURE_TITLE.match(title):
        return True
    tokens = WORD.findall(title)
    if not tokens:
        return False
    cut = furniture_len(quote)
    if cut == 0:
        return False
    first = re.search(r"\b" + re.escape(tokens[0]) + r"\b", quote, re.IGNORECASE)
    return bool(first) and first.start() < cut


def bare_verb(tokens):
    """The title opens with a verb that has no subject: an auxiliary ("Was
    devastated by …", "Is due to …"), a past form in "-ed" not starting a
    name ("Imposed a …"; "United States" is a name) or a common irregular
    past ("Struck Haiti")."""
    if not tokens:
        return False
    first = tokens[0].lower()
    second = tokens[1] if len(tokens) > 1 else ""
    if first in AUXILIARIES or first in IRREGULAR_PASTS:
        return True
    # "Botched uprising", "Collapsed building": a participle before its
    # noun describes it; before an article, preposition or nothing it is
    # the verb ("Landed in Haiti", "Increased the havoc", "Was found").
    verb_next = second == "" or second.lower() in FUNCTION_WORDS
    return first.endswith("ed") and len(first) > 4 and verb_next


def defect(title, words, quote=""):
    tokens = WORD.findall(title)
    if tokens and tokens[0].lower() in PRONOUNS:
        return "pronoun"
    if bare_verb(tokens):
        return "bare verb"
    if furniture_led(title, quote):
        return "furniture"
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
    total = bad = furniture = 0
    for folder in args.folders:
        out = subprocess.run(
            [args.annals, "events", folder, "--format", "jsonl"],
            check=True, capture_output=True, text=True,
        ).stdout
        words = vocabulary(folder, dictionary)
        n = b = f = 0
        for line in out.splitlines():
            event = json.loads(line)
            title = event["title"]
            citations = event.get("citations") or [{}]
            quote = citations[0].get("quote", "")
            n += 1
            why = defect(title, words, quote)
            if why:
                b += 1
                f += why == "furniture"
                if args.show:
                    print(f"  {folder}: {title!r}: {why}")
        print(f"{folder}: {b}/{n} defective titles ({100 * b / max(n, 1):.1f}%), "
              f"{f} furniture-led")
        total += n
        bad += b
        furniture += f
    print(f"furniture-led: {furniture}/{total}")
    print(f"all: {bad}/{total} defective titles ({100 * bad / max(total, 1):.2f}%)")


if __name__ == "__main__":
    main()

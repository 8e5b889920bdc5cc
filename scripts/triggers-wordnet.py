#!/usr/bin/env python3
"""Writes crates/parse/src/triggers_wordnet.txt, the WordNet word classes that
the event trigger model (crates/parse/src/triggers.rs) uses as features.

Usage:
    apt-get install wordnet-base        # WordNet 3.0 in /usr/share/wordnet
    python3 scripts/triggers-wordnet.py [/usr/share/wordnet] > crates/parse/src/triggers_wordnet.txt

For every single-word noun or verb lemma that occurs in WordNet's sense-tagged
corpus (tagsense_cnt > 0, i.e. reasonably common words) it writes one line:

    lemma TAB N E V

N is the lexicographer file of the lemma's first (most frequent) noun sense,
E is 1 when any noun sense is an act, event, phenomenon, process, state or
feeling, V is the lexicographer file of the first verb sense; "-" when the
lemma has no noun or verb sense. Lexicographer files are written as one
character, chr(ord('A') + number): e.g. 'E' = noun.act (4), 'L' = noun.event
(11), 'g' = verb.communication (32), 'n' = verb.perception (39).
Standard library only; the output is sorted and deterministic.
"""

import os
import sys

# noun.act, noun.event, noun.feeling, noun.phenomenon, noun.process, noun.state
EVENTIVE = {4, 11, 12, 19, 22, 26}

LICENSE = """\
# Derived from WordNet 3.0 by scripts/triggers-wordnet.py.
# WordNet 3.0 Copyright 2006 by Princeton University.  All rights reserved.
# Permission to use, copy, modify and distribute this software and database
# and its documentation for any purpose and without fee or royalty is hereby
# granted, provided that you agree to comply with the following copyright
# notice and statements, including the disclaimer, and that the same appear
# on ALL copies of the software, database and documentation, including
# modifications that you make for internal use or for distribution.
# THIS SOFTWARE AND DATABASE IS PROVIDED "AS IS" AND PRINCETON UNIVERSITY
# MAKES NO REPRESENTATIONS OR WARRANTIES, EXPRESS OR IMPLIED.  BY WAY OF
# EXAMPLE, BUT NOT LIMITATION, PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS
# OR WARRANTIES OF MERCHANTABILITY OR FITNESS FOR ANY PARTICULAR PURPOSE OR
# THAT THE USE OF THE LICENSED SOFTWARE, DATABASE OR DOCUMENTATION WILL NOT
# INFRINGE ANY THIRD PARTY PATENTS, COPYRIGHTS, TRADEMARKS OR OTHER RIGHTS.
# The name of Princeton University or Princeton may not be used in
# advertising or publicity pertaining to distribution of the software and/or
# database.  Title to copyright in this software, database and any
# associated documentation shall at all times remain with Princeton
# University and LICENSEE agrees to preserve same.
"""


def lexfiles(root, pos):
    """Synset offset -> lexicographer file number."""
    out = {}
    with open(os.path.join(root, "data." + pos), encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):
                continue
            offset, lexfile, _ = line.split(" ", 2)
            out[offset] = int(lexfile)
    return out


def senses(root, pos):
    """Lemma -> lexicographer files of its senses, most frequent first."""
    lf = lexfiles(root, pos)
    out = {}
    with open(os.path.join(root, "index." + pos), encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):
                continue
            p = line.split()
            lemma, p_cnt = p[0], int(p[3])
            tagged = int(p[5 + p_cnt])
            offsets = p[6 + p_cnt:]
            if tagged == 0 or not lemma.isascii() or not lemma.isalpha():
                continue
            out[lemma] = [lf[o] for o in offsets]
    return out


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/wordnet"
    nouns = senses(root, "noun")
    verbs = senses(root, "verb")
    sys.stdout.write(LICENSE)
    for lemma in sorted(set(nouns) | set(verbs)):
        n = nouns.get(lemma)
        v = verbs.get(lemma)
        first_noun = chr(ord("A") + n[0]) if n else "-"
        eventive = "1" if n and any(x in EVENTIVE for x in n) else "0"
        first_verb = chr(ord("A") + v[0]) if v else "-"
        sys.stdout.write(f"{lemma}\t{first_noun}{eventive}{first_verb}\n")


if __name__ == "__main__":
    main()

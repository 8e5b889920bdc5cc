#!/usr/bin/env python3
"""Independent cross-check of the event trigger figures (not run in CI).

    cargo run -p annals-parse --example eval_triggers -- GOLD_DIR --jsonl /tmp/events.jsonl
    python3 scripts/check-triggers.py GOLD_DIR /tmp/events.jsonl

Reads the gold documents with the TempEval-3 reader of
../shared/tools/te3score.py (text = character data of <TEXT>, code-point
offsets), takes the EVENT classes from the same XML, and scores the system
lines ({"doc", "start", "end", "class"}, code points) TempEval-3 Task B
style: spans paired one to one when they overlap, first come first served
in text order; strict = identical spans; class accuracy over the pairs and
class F1 = accuracy x relaxed F1.
"""

import json
import os
import sys
import xml.etree.ElementTree as ET
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "shared", "tools"))
sys.path.insert(0, os.path.join(os.getcwd(), "..", "shared", "tools"))
import te3score  # noqa: E402


def gold_events(path):
    doc = te3score.read_timeml(path)
    # te3score records EVENT spans in document order, then sorts them; pair
    # each span with its class before sorting again the same way.
    root = ET.parse(path).getroot()
    spans = []
    parts = []

    def walk(elem, pos):
        if elem.text:
            parts.append(elem.text)
            pos += len(elem.text)
        for child in elem:
            start = pos
            pos = walk(child, pos)
            if child.tag == "EVENT":
                spans.append((start, pos, child.get("class", "")))
            if child.tail:
                parts.append(child.tail)
                pos += len(child.tail)
        return pos

    walk(next(root.iter("TEXT")), 0)
    assert "".join(parts) == doc.text
    assert sorted((s, e) for s, e, _ in spans) == doc.events
    return doc.text, sorted(spans)


def main():
    gold_dir, system_path = sys.argv[1], sys.argv[2]
    system = defaultdict(list)
    with open(system_path, encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            system[d["doc"]].append((d["start"], d["end"], d["class"]))
    n_gold = n_sys = strict = relaxed = same_class = 0
    for name in sorted(os.listdir(gold_dir)):
        if not name.endswith(".tml"):
            continue
        _, gold = gold_events(os.path.join(gold_dir, name))
        sys_events = sorted(system.get(name, []))
        n_gold += len(gold)
        n_sys += len(sys_events)
        used = [False] * len(gold)
        for s, e, c in sys_events:
            for i, (gs, ge, gc) in enumerate(gold):
                if not used[i] and gs < e and s < ge:
                    used[i] = True
                    relaxed += 1
                    strict += (gs, ge) == (s, e)
                    same_class += gc == c
                    break

    def prf(m):
        p = m / n_sys if n_sys else 0.0
        r = m / n_gold if n_gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    print(f"events: gold {n_gold}, system {n_sys}")
    for label, m in (("strict", strict), ("relaxed", relaxed)):
        p, r, f = prf(m)
        print(f"{label:8}  P {100 * p:6.2f}  R {100 * r:6.2f}  F1 {100 * f:6.2f}")
    acc = same_class / relaxed if relaxed else 0.0
    print(f"class     accuracy {100 * acc:6.2f}  F1 {100 * acc * prf(relaxed)[2]:6.2f}")


if __name__ == "__main__":
    main()

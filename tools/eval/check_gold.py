"""Checks an evaluation set's gold_positions.jsonl: JSON lines with the dev-gold fields, and every evidence verbatim
in its report. Usage: python3 tools/eval/check_gold.py tools/eval/blind4"""
import json, os, sys
from collections import Counter
if len(sys.argv) != 2:
    sys.exit(__doc__)
here = os.path.abspath(sys.argv[1])
FIELDS = {"report": str, "actor": str, "actor_aliases": list, "actor_type": str, "stance": str,
          "target": str, "target_is_taxonomy": bool, "evidence": str, "optional": bool}
STANCES = {"support", "oppose", "propose", "concern"}
TYPES = {"state", "intergovernmental", "civil_society", "private_sector", "academia",
         "technical_community", "un_body", "process", "panel", "other"}
reports = {os.path.splitext(f)[0]: open(os.path.join(here, "reports", f), encoding="utf-8").read()
           for f in os.listdir(os.path.join(here, "reports"))}
kinds = dict(l.rstrip("\n").split("\t") for l in open(os.path.join(here, "source-kinds.tsv"), encoding="utf-8") if l.strip())
errors, keys, c = [], Counter(), Counter()
for n, line in enumerate(open(os.path.join(here, "gold_positions.jsonl"), encoding="utf-8"), 1):
    r = json.loads(line)
    if set(r) != set(FIELDS): errors.append(f"{n}: fields {sorted(r)}")
    for k, t in FIELDS.items():
        if not isinstance(r.get(k), t): errors.append(f"{n}: {k} not {t.__name__}")
    if r["stance"] not in STANCES: errors.append(f"{n}: stance {r['stance']}")
    if r["actor_type"] not in TYPES: errors.append(f"{n}: actor_type {r['actor_type']}")
    if r["report"] not in reports: errors.append(f"{n}: no report {r['report']}")
    elif r["evidence"] not in reports[r["report"]]: errors.append(f"{n}: evidence not verbatim in {r['report']}")
    if r["report"] not in kinds: errors.append(f"{n}: {r['report']} missing from source-kinds.tsv")
    keys[(r["report"], r["actor"], r["target"])] += 1
    c["lines"] += 1
    c["optional" if r["optional"] else "required"] += 1
    if r["target_is_taxonomy"]:
        c["taxonomy"] += 1
        if not r["optional"]: c["required taxonomy"] += 1; c["required taxonomy " + r["stance"]] += 1
errors += [f"duplicate actor/target {k}" for k, v in keys.items() if v > 1]
print(dict(c))
for e in errors: print("ERROR", e)
sys.exit(1 if errors else 0)

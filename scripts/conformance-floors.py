#!/usr/bin/env python3
"""Print floors.tsv lines from a conformance table (stdin): for each shape and
field, the least figure over languages and halves, rounded down by `margin`
points (per-document counts: the greatest, as a negative floor). A tool for
raising tests/conformance/floors.tsv after a fix; never run by the tests."""
import math, sys
margin = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
cols = ["language", "number", "preambular", "operative", "subparagraphs", "footnotes",
        "first_pre_lead", "first_op_lead", "all", "lead_exact", "lead_prefix", "cite_f1",
        "ew_per_doc", "fn_diags_per_doc"]
best = {}
for line in sys.stdin:
    p = line.split()
    if len(p) < 22 or p[0] not in ("tuned", "measured"):
        continue
    shape = p[2]
    vals = [float(x) for x in p[5:14] + p[15:18] + p[19:21]]
    for c, v in zip(cols, vals):
        if c.endswith("per_doc"):
            v = -v
        k = (shape, c)
        best[k] = min(best.get(k, v), v)
for (shape, c), v in sorted(best.items()):
    if c == "cite_f1":
        f = math.floor((v - margin / 100) * 100) / 100
    elif c.endswith("per_doc"):
        f = -math.ceil((-v + margin / 10) * 10) / 10
    else:
        f = max(0, math.floor(v - margin))
    print(f"{shape}\t{c}\t{f}")

"""Judges notebooks written by Kiln with Debian's python3-nbformat (the reference implementation).

Reads a JSON list of jobs on stdin: {"output": path, "input": path or null}. Prints a JSON list of results:
  valid        nbformat.validate passes on the output as written (no id repair, missing ids are errors)
  error        the validation error, if any
  canonical    output == nbformat.writes(nbformat.reads(output)) + "\n", i.e. byte-identical to Python's writer
  semantic     (with an input) input and output are the same notebook after nbformat's own normalization
               (rejoin_lines + strip_transient), ignoring cell ids and nbformat_minor
  ids_kept     (with an input) every valid, first-seen input cell id is unchanged in the output
  diff         a short description of the first semantic difference
"""
import copy
import json
import re
import sys
import warnings

import nbformat
from nbformat.v4.rwbase import rejoin_lines, strip_transient
from nbformat.warnings import MissingIDFieldWarning

ID = re.compile(r"^[a-zA-Z0-9-_]+$")


def validate(d):
    with warnings.catch_warnings():
        warnings.simplefilter("error", MissingIDFieldWarning)
        warnings.simplefilter("ignore", DeprecationWarning)
        try:
            nbformat.validate(copy.deepcopy(d), repair_duplicate_cell_ids=False, strip_invalid_metadata=False)
            return True, None
        except Exception as e:  # ValidationError or the missing-id warning turned error
            return False, f"{type(e).__name__}: {str(e)[:500]}"


def normalize(d):
    nb = nbformat.from_dict(copy.deepcopy(d))
    nb = strip_transient(rejoin_lines(nb))
    nb.pop("nbformat_minor", None)
    for cell in nb.get("cells", []):
        cell.pop("id", None)
    return json.dumps(nb, sort_keys=True, ensure_ascii=False)


def first_difference(a, b):
    for i, (x, y) in enumerate(zip(a, b)):
        if x != y:
            return f"at char {i}: input ...{a[max(0, i - 60):i + 60]!r} vs output ...{b[max(0, i - 60):i + 60]!r}"
    return f"lengths {len(a)} vs {len(b)}"


def judge(job):
    text = open(job["output"], encoding="utf-8").read()
    d = json.loads(text)
    valid, error = validate(d)
    rewritten = nbformat.writes(nbformat.reads(text, as_version=nbformat.NO_CONVERT)) + "\n"
    result = {"valid": valid, "error": error, "canonical": rewritten == text}
    if not result["canonical"]:
        result["diff"] = first_difference(text, rewritten)
    if job.get("input"):
        source = json.loads(open(job["input"], encoding="utf-8").read())
        a, b = normalize(source), normalize(d)
        result["semantic"] = a == b
        if a != b:
            result["diff"] = first_difference(a, b)
        seen, kept = set(), True
        for cin, cout in zip(source.get("cells", []), d.get("cells", [])):
            cid = cin.get("id")
            if isinstance(cid, str) and ID.match(cid) and len(cid) <= 64 and cid not in seen:
                seen.add(cid)
                kept = kept and cout.get("id") == cid
        result["ids_kept"] = kept and len(source.get("cells", [])) == len(d.get("cells", []))
    return result


def main():
    jobs = json.load(sys.stdin)
    json.dump([judge(job) for job in jobs], sys.stdout)


if __name__ == "__main__":
    main()

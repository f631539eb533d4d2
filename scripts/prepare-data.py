#!/usr/bin/python3
"""Writes the workflow datasets under data/ from the copies Debian's python3-sklearn ships, and records checksums.

Run: /usr/bin/python3 scripts/prepare-data.py      (needs: scripts/setup-deps.sh --golden)
     /usr/bin/python3 scripts/prepare-data.py --check   verifies data/ against data/SHA256SUMS
The files are committed; this script documents exactly where they came from.
"""
import csv
import hashlib
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "data")
FILES = ["breast-cancer.csv", "digits.csv"]


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def write_breast_cancer():
    from sklearn.datasets import load_breast_cancer
    ds = load_breast_cancer()
    names = [n.replace(" ", "_") for n in ds.feature_names]
    with open(os.path.join(DATA, "breast-cancer.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id"] + names + ["diagnosis"])
        for i, (row, target) in enumerate(zip(ds.data, ds.target)):
            # sklearn: target 0 = malignant, 1 = benign.
            w.writerow([i + 1] + [repr(float(v)) for v in row] + [ds.target_names[target]])


def write_digits():
    from sklearn.datasets import load_digits
    ds = load_digits()
    with open(os.path.join(DATA, "digits.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow([f"p{i}" for i in range(64)] + ["label"])
        for row, target in zip(ds.data, ds.target):
            w.writerow([int(v) for v in row] + [int(target)])


def main():
    sums = os.path.join(DATA, "SHA256SUMS")
    if "--check" in sys.argv:
        expected = dict(line.split()[::-1] for line in open(sums) if line.strip())
        bad = [name for name in FILES if sha256(os.path.join(DATA, name)) != expected.get(name)]
        print("data: checksums " + ("differ for " + ", ".join(bad) if bad else "match"))
        sys.exit(1 if bad else 0)
    os.makedirs(DATA, exist_ok=True)
    write_breast_cancer()
    write_digits()
    with open(sums, "w") as f:
        for name in FILES:
            f.write(f"{sha256(os.path.join(DATA, name))}  {name}\n")
    print(open(sums).read(), end="")


if __name__ == "__main__":
    main()

#!/usr/bin/python3
"""Golden fixtures for Kiln.Metrics, produced by Debian's scikit-learn.

Run with Debian's interpreter (it has python3-sklearn):  /usr/bin/python3 scripts/golden/metrics.py
Writes tests/Kiln.Metrics.Tests/Fixtures/*.json. Each case is
  {"fn": name, "a": {inputs and keyword arguments}, "r": result} or {..., "e": "ExceptionType: message"}
plus "w": [[category, message], ...] for the warnings scikit-learn raised.
Non-finite floats are written as the strings "NaN", "Infinity", "-Infinity".
"""
import json
import math
import os
import random
import warnings

import numpy as np
import sklearn
from sklearn import metrics as M

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tests", "Kiln.Metrics.Tests", "Fixtures")
CASES_PER_FN = 210
WORDS = ["ant", "Bird", "cat", "dog", "eel", "fox"]


def plain(v):
    """Converts numpy values into JSON-friendly values (non-finite floats as strings)."""
    if isinstance(v, (list, tuple)):
        return [plain(x) for x in v]
    if isinstance(v, np.ndarray):
        return plain(v.tolist())
    if isinstance(v, (bool, np.bool_)):
        return bool(v)
    if isinstance(v, (np.integer,)):
        return int(v)
    if isinstance(v, (float, np.floating)):
        f = float(v)
        if math.isnan(f):
            return "NaN"
        if math.isinf(f):
            return "Infinity" if f > 0 else "-Infinity"
        return f
    if isinstance(v, (np.str_,)):
        return str(v)
    return v


def run(fn, call, args):
    case = {"fn": fn, "a": plain(args)}
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            case["r"] = plain(call())
        except Exception as exc:  # the fixture records what scikit-learn raised
            case["e"] = f"{type(exc).__name__}: {exc}"
    found = [[w.category.__name__, str(w.message)] for w in caught]
    if found:
        case["w"] = found
    return case


def weights(rng, n):
    kind = rng.random()
    if kind < 0.6 or n == 0:
        return None
    if kind < 0.75:
        return [rng.randint(0, 3) for _ in range(n)]
    return [round(rng.uniform(0.1, 3.0), 1) for _ in range(n)]


def label_pair(rng):
    """A y_true/y_pred pair from one of several scenarios (ties, single class, all wrong, imbalanced...)."""
    k = rng.choice([2, 2, 2, 3, 4, 5])
    n = rng.choice([0, 1, 2, 3, 5, 8, 12, 20, 20, 30, 30])
    scenario = rng.choice(["random", "random", "imbalanced", "correct", "wrong", "single", "extra", "mostly"])
    if scenario == "imbalanced":
        yt = [0 if rng.random() < 0.85 else rng.randrange(k) for _ in range(n)]
    elif scenario == "single":
        c = rng.randrange(k)
        yt = [c] * n
    else:
        yt = [rng.randrange(k) for _ in range(n)]
    if scenario == "correct":
        yp = list(yt)
    elif scenario == "wrong":
        yp = [(y + 1) % k for y in yt]
    elif scenario == "extra":
        yp = [rng.randrange(k + 1) for _ in range(n)]
    elif scenario == "mostly":
        yp = [y if rng.random() < 0.8 else rng.randrange(k) for y in yt]
    else:
        yp = [rng.randrange(k) for _ in range(n)]
    style = rng.random()
    if style < 0.15:
        yt, yp = [WORDS[y] for y in yt], [WORDS[y] for y in yp]
    elif style < 0.25:
        yt, yp = [2 * y - 1 for y in yt], [2 * y - 1 for y in yp]
    elif style < 0.3:
        yt, yp = [y + 1 for y in yt], [y + 1 for y in yp]
    return yt, yp


def labels_arg(rng, yt, yp):
    present = sorted(set(yt) | set(yp))
    kind = rng.random()
    if not present:
        return None if kind < 0.5 else [0, 1, 2]
    if kind < 0.7:
        return None
    if kind < 0.85:
        sub = rng.sample(present, rng.randint(1, len(present)))
        return sub
    extra = "zebra" if isinstance(present[0], str) else max(present) + 7
    order = present + [extra]
    rng.shuffle(order)
    return order


def pos_label(rng, yt, yp):
    present = sorted(set(yt) | set(yp))
    if isinstance(present[0] if present else 0, str):
        return rng.choice(present) if present else "ant"
    return 1 if rng.random() < 0.7 or not present else rng.choice(present)


def gen_classification(rng):
    cases = []
    avgs = [None, "binary", "binary", "micro", "macro", "weighted"]
    zds = ["warn", "warn", 0, 1]
    for fn in ["precision", "recall", "f1", "fbeta", "prfs", "jaccard"]:
        for _ in range(CASES_PER_FN):
            yt, yp = label_pair(rng)
            average = rng.choice(avgs)
            if average == "binary" and len(set(yt) | set(yp)) > 2 and rng.random() < 0.85:
                average = rng.choice(["micro", "macro", "weighted", None])
            a = {"y_true": yt, "y_pred": yp, "average": average, "zero_division": rng.choice(zds),
                 "labels": labels_arg(rng, yt, yp), "pos_label": pos_label(rng, yt, yp), "sample_weight": weights(rng, len(yt))}
            if fn in ("fbeta", "prfs"):
                a["beta"] = rng.choice([0.5, 1.0, 2.0, 0.0, 3.0])
            kw = {k: v for k, v in a.items() if k not in ("y_true", "y_pred")}
            call = {
                "precision": lambda: M.precision_score(yt, yp, **kw),
                "recall": lambda: M.recall_score(yt, yp, **kw),
                "f1": lambda: M.f1_score(yt, yp, **kw),
                "fbeta": lambda: M.fbeta_score(yt, yp, **kw),
                "prfs": lambda: M.precision_recall_fscore_support(yt, yp, **kw),
                "jaccard": lambda: M.jaccard_score(yt, yp, **kw),
            }[fn]
            cases.append(run(fn, call, a))
    for _ in range(CASES_PER_FN):
        yt, yp = label_pair(rng)
        a = {"y_true": yt, "y_pred": yp, "labels": labels_arg(rng, yt, yp), "sample_weight": weights(rng, len(yt)),
             "normalize": rng.choice([None, None, "true", "pred", "all"])}
        cases.append(run("confusion_matrix", lambda: M.confusion_matrix(yt, yp, labels=a["labels"], sample_weight=a["sample_weight"], normalize=a["normalize"]), a))
    for _ in range(CASES_PER_FN):
        yt, yp = label_pair(rng)
        a = {"y_true": yt, "y_pred": yp, "sample_weight": weights(rng, len(yt)), "normalize": rng.random() < 0.8}
        cases.append(run("accuracy", lambda: M.accuracy_score(yt, yp, normalize=a["normalize"], sample_weight=a["sample_weight"]), a))
    for _ in range(CASES_PER_FN):
        yt, yp = label_pair(rng)
        a = {"y_true": yt, "y_pred": yp, "sample_weight": weights(rng, len(yt)), "adjusted": rng.random() < 0.4}
        cases.append(run("balanced_accuracy", lambda: M.balanced_accuracy_score(yt, yp, sample_weight=a["sample_weight"], adjusted=a["adjusted"]), a))
    for _ in range(CASES_PER_FN):
        yt, yp = label_pair(rng)
        a = {"y_true": yt, "y_pred": yp, "sample_weight": weights(rng, len(yt))}
        cases.append(run("matthews", lambda: M.matthews_corrcoef(yt, yp, sample_weight=a["sample_weight"]), a))
    for _ in range(CASES_PER_FN):
        yt, yp = label_pair(rng)
        a = {"y_true": yt, "y_pred": yp, "sample_weight": weights(rng, len(yt))}
        cases.append(run("hamming", lambda: M.hamming_loss(yt, yp, sample_weight=a["sample_weight"]), a))
    for _ in range(CASES_PER_FN):
        yt, yp = label_pair(rng)
        a = {"y_true": yt, "y_pred": yp, "labels": labels_arg(rng, yt, yp), "sample_weight": weights(rng, len(yt)),
             "weights": rng.choice([None, "linear", "quadratic"])}
        cases.append(run("cohen_kappa", lambda: M.cohen_kappa_score(yt, yp, labels=a["labels"], weights=a["weights"], sample_weight=a["sample_weight"]), a))
    return cases


def gen_report(rng):
    cases = []
    for i in range(60):
        yt, yp = label_pair(rng)
        labels = labels_arg(rng, yt, yp)
        present = labels if labels is not None else sorted(set(yt) | set(yp))
        names = None
        if rng.random() < 0.3:
            names = [f"class {x}" if rng.random() < 0.5 else f"a rather long class name {x}" for x in present]
        a = {"y_true": yt, "y_pred": yp, "labels": labels, "target_names": names, "digits": rng.choice([2, 2, 1, 3, 4, 0]),
             "sample_weight": weights(rng, len(yt)), "zero_division": rng.choice(["warn", 0, 1])}
        kw = {k: v for k, v in a.items() if k not in ("y_true", "y_pred")}
        cases.append(run("classification_report", lambda: M.classification_report(yt, yp, **kw), a))
    return cases


def scores_for(rng, yt):
    kind = rng.choice(["ties", "floats", "perfect", "reversed", "const"])
    n = len(yt)
    if kind == "ties":
        return [rng.randint(0, 4) / 4 for _ in range(n)]
    if kind == "floats":
        return [round(rng.uniform(-2, 2), 3) for _ in range(n)]
    pos = max(yt) if yt else 1
    if kind == "perfect":
        return [round((1 if y == pos else 0) * 0.5 + rng.random() * 0.4, 3) for y in yt]
    if kind == "reversed":
        return [round((0 if y == pos else 1) * 0.5 + rng.random() * 0.4, 3) for y in yt]
    return [0.5] * n


def binary_truth(rng, degenerate=True):
    n = rng.choice([0, 1, 2, 3, 4, 6, 10, 16, 25, 40] if degenerate else [6, 10, 16, 25, 40])
    p = rng.choice([0.5, 0.5, 0.2, 0.9, 0.0, 1.0] if degenerate else [0.5, 0.5, 0.3, 0.7])
    yt = [1 if rng.random() < p else 0 for _ in range(n)]
    style = rng.random()
    pos = None
    if style < 0.15:
        yt, pos = [2 * y - 1 for y in yt], None
    elif style < 0.3:
        yt, pos = [y + 1 for y in yt], 2
    return yt, pos


def gen_ranking(rng):
    cases = []
    for fn in ["roc_curve", "precision_recall_curve", "average_precision", "roc_auc"]:
        for _ in range(CASES_PER_FN):
            yt, pos = binary_truth(rng, fn != "roc_auc" or rng.random() < 0.15)
            ys = scores_for(rng, yt)
            a = {"y_true": yt, "y_score": ys, "sample_weight": weights(rng, len(yt))}
            if fn == "roc_curve":
                a["pos_label"] = pos
                a["drop_intermediate"] = rng.random() < 0.7
                call = lambda: M.roc_curve(yt, ys, pos_label=a["pos_label"], sample_weight=a["sample_weight"], drop_intermediate=a["drop_intermediate"])
            elif fn == "precision_recall_curve":
                a["pos_label"] = pos
                call = lambda: M.precision_recall_curve(yt, ys, pos_label=a["pos_label"], sample_weight=a["sample_weight"])
            elif fn == "average_precision":
                a["pos_label"] = pos if pos is not None else 1
                call = lambda: M.average_precision_score(yt, ys, pos_label=a["pos_label"], sample_weight=a["sample_weight"])
            else:
                a["max_fpr"] = rng.choice([None, None, None, 0.5, 0.25, 1.0])
                call = lambda: M.roc_auc_score(yt, ys, sample_weight=a["sample_weight"], max_fpr=a["max_fpr"])
            cases.append(run(fn, call, a))
    for _ in range(CASES_PER_FN):
        k = rng.choice([3, 3, 4, 5])
        n = rng.choice([3, 10, 15, 20, 20])
        yt = [rng.randrange(k) for _ in range(n)]
        probs = dyadic_probs(rng, n, k)
        labels = None
        if rng.random() < 0.1:
            labels = list(range(k))
        a = {"y_true": yt, "y_score": probs, "average": rng.choice(["macro", "weighted"]), "labels": labels, "sample_weight": weights(rng, n)}
        cases.append(run("roc_auc_ovr", lambda: M.roc_auc_score(yt, probs, multi_class="ovr", average=a["average"], labels=labels, sample_weight=a["sample_weight"]), a))
    for _ in range(CASES_PER_FN):
        p = rng.choice([0.5, 0.3, 0.8, 0.0, 1.0] if rng.random() < 0.2 else [0.5, 0.3, 0.8])
        yt = [1 if rng.random() < p else 0 for _ in range(rng.choice([1, 4, 10, 25, 40]))]
        ys = [rng.choice([round(rng.random(), 3), rng.randint(0, 4) / 4]) for _ in yt]
        thr = rng.choice([0.5, 0.5, 0.25, 0.7])
        w = weights(rng, len(yt))
        a = {"y_true": yt, "y_score": ys, "threshold": thr, "sample_weight": w}
        pred = [1 if s >= thr else 0 for s in ys]

        def summary():
            kw = {"sample_weight": w, "zero_division": 0}
            return [
                M.accuracy_score(yt, pred, sample_weight=w),
                M.precision_score(yt, pred, pos_label=1, **kw),
                M.recall_score(yt, pred, pos_label=1, **kw),
                M.f1_score(yt, pred, pos_label=1, **kw),
                M.precision_score(yt, pred, pos_label=0, **kw),
                M.recall_score(yt, pred, pos_label=0, **kw),
                M.average_precision_score(yt, ys, sample_weight=w) if 1 in yt else 0.0,
                M.log_loss(yt, ys, labels=[0, 1], sample_weight=w),
                M.confusion_matrix(yt, pred, labels=[0, 1], sample_weight=w),
                M.roc_auc_score(yt, ys, sample_weight=w) if len(set(yt)) == 2 else float("nan"),
            ]
        cases.append(run("binary_summary", summary, a))
    return cases


def dyadic_probs(rng, n, k):
    rows = []
    for _ in range(n):
        if rng.random() < 0.6:
            cuts = sorted(rng.randint(0, 8) for _ in range(k - 1))
            parts = [b - a for a, b in zip([0] + cuts, cuts + [8])]
            rows.append([p / 8 for p in parts])
        else:
            raw = [rng.randint(1, 9) for _ in range(k)]
            s = sum(raw)
            rows.append([r / s for r in raw])
    return rows


def gen_probabilistic(rng):
    cases = []
    for _ in range(CASES_PER_FN):
        multi = rng.random() < 0.5
        k = rng.choice([3, 4]) if multi else 2
        n = rng.choice([1, 2, 8, 15, 25])
        yt = [rng.randrange(k) for _ in range(n)]
        labels = None
        if multi:
            yp = dyadic_probs(rng, n, k)
            if rng.random() < 0.2:
                yp = [[round(p * rng.uniform(0.5, 1.5), 3) for p in row] for row in yp]
            if rng.random() < 0.3:
                labels = list(range(k))
        else:
            yp = [rng.choice([0.0, 1.0, round(rng.random(), 3)]) for _ in range(n)]
            if rng.random() < 0.3:
                labels = [0, 1]
        a = {"y_true": yt, "y_pred": yp, "labels": labels, "normalize": rng.random() < 0.8, "sample_weight": weights(rng, n)}
        cases.append(run("log_loss", lambda: M.log_loss(yt, yp, labels=labels, normalize=a["normalize"], sample_weight=a["sample_weight"]), a))
    for _ in range(CASES_PER_FN):
        k = rng.choice([3, 4, 5])
        n = rng.choice([1, 3, 12, 20, 30])
        yt = [rng.randrange(k) for _ in range(n)]
        ys = [[rng.randint(0, 4) / 4 for _ in range(k)] for _ in range(n)]
        if rng.random() < 0.2:
            k = 2
            yt = [rng.randrange(2) for _ in range(n)]
            ys = [rng.choice([round(rng.uniform(-2, 2), 2), rng.randint(0, 4) / 4]) for _ in range(n)]
        labels = list(range(k)) if rng.random() < 0.5 else None
        a = {"y_true": yt, "y_score": ys, "k": rng.randint(1, k), "labels": labels, "normalize": rng.random() < 0.8, "sample_weight": weights(rng, n)}
        cases.append(run("top_k_accuracy", lambda: M.top_k_accuracy_score(yt, ys, k=a["k"], labels=labels, normalize=a["normalize"], sample_weight=a["sample_weight"]), a))
    return cases


def gen_regression(rng):
    cases = []
    fns = {
        "mae": lambda yt, yp, a: M.mean_absolute_error(yt, yp, sample_weight=a["sample_weight"]),
        "mse": lambda yt, yp, a: M.mean_squared_error(yt, yp, sample_weight=a["sample_weight"]),
        "rmse": lambda yt, yp, a: M.mean_squared_error(yt, yp, sample_weight=a["sample_weight"], squared=False),
        "r2": lambda yt, yp, a: M.r2_score(yt, yp, sample_weight=a["sample_weight"], force_finite=a["force_finite"]),
        "explained_variance": lambda yt, yp, a: M.explained_variance_score(yt, yp, sample_weight=a["sample_weight"], force_finite=a["force_finite"]),
        "mape": lambda yt, yp, a: M.mean_absolute_percentage_error(yt, yp, sample_weight=a["sample_weight"]),
        "median_ae": lambda yt, yp, a: M.median_absolute_error(yt, yp),
        "max_error": lambda yt, yp, a: M.max_error(yt, yp),
    }
    for fn, call in fns.items():
        for _ in range(CASES_PER_FN):
            n = rng.choice([0, 1, 2, 3, 5, 8, 13, 30, 30, 130])
            scenario = rng.choice(["noise", "noise", "perfect", "const_true", "const_both", "zeros", "big"])
            if scenario == "const_true" or scenario == "const_both":
                c = rng.choice([0.1, 3.0, -2.5, 0.7])
                yt = [c] * n
            elif scenario == "big":
                yt = [round(rng.uniform(1e5, 1e6), 1) for _ in range(n)]
            else:
                yt = [round(rng.uniform(-10, 10), 2) for _ in range(n)]
            if scenario == "zeros":
                yt = [0.0 if rng.random() < 0.3 else y for y in yt]
            if scenario in ("perfect", "const_both"):
                yp = list(yt)
            else:
                yp = [round(y + rng.gauss(0, 2), 2) for y in yt]
            a = {"y_true": yt, "y_pred": yp, "sample_weight": None if fn in ("median_ae", "max_error") else weights(rng, n),
                 "force_finite": rng.random() < 0.7}
            cases.append(run(fn, lambda: call(yt, yp, a), a))
    return cases


def write(name, cases):
    path = os.path.join(OUT, name)
    with open(path, "w", encoding="utf-8") as f:
        json.dump({"sklearn": sklearn.__version__, "numpy": np.__version__, "cases": cases}, f, separators=(",", ":"))
        f.write("\n")
    print(f"{path}: {len(cases)} cases, {os.path.getsize(path)} bytes")


def main():
    os.makedirs(OUT, exist_ok=True)
    write("classification.json", gen_classification(random.Random(1)))
    write("report.json", gen_report(random.Random(2)))
    write("ranking.json", gen_ranking(random.Random(3)))
    write("probabilistic.json", gen_probabilistic(random.Random(4)))
    write("regression.json", gen_regression(random.Random(5)))


if __name__ == "__main__":
    main()

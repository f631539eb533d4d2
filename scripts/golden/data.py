#!/usr/bin/python3
"""Golden fixtures for Kiln.Data from pandas and scikit-learn.

Run with Debian's interpreter (it has python3-pandas and python3-sklearn):
    /usr/bin/python3 scripts/golden/data.py
Writes JSON under tests/Kiln.Data.Tests/Fixtures/. NaN is written as null.
"""
import io
import json
import math
import os

import numpy as np
import pandas as pd
import sklearn
from sklearn.model_selection import KFold, StratifiedKFold, StratifiedShuffleSplit, train_test_split
from sklearn.preprocessing import LabelEncoder, MinMaxScaler, OneHotEncoder, OrdinalEncoder, StandardScaler
from sklearn.impute import SimpleImputer

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "tests", "Kiln.Data.Tests", "Fixtures")


def clean(v):
    if isinstance(v, dict):
        return {str(k): clean(x) for k, x in v.items()}
    if isinstance(v, (list, tuple, np.ndarray)):
        return [clean(x) for x in v]
    if isinstance(v, (np.bool_, bool)):
        return bool(v)
    if isinstance(v, (np.integer,)):
        return int(v)
    if isinstance(v, (np.floating, float)):
        return None if math.isnan(v) else float(v)
    if v is pd.NaT or v is None:
        return None
    return v


def write(name, data):
    data = {"generator": f"pandas {pd.__version__}, scikit-learn {sklearn.__version__}", **data}
    with open(os.path.join(OUT, name), "w") as f:
        json.dump(clean(data), f, indent=1, allow_nan=False)
        f.write("\n")


def frame_json(df):
    """Columns as {name: {"kind": ..., "values": [...]}} in Kiln's kinds."""
    kinds = {"float64": "Float64", "int64": "Int64", "bool": "Boolean", "object": "String"}
    return [{"name": c, "kind": kinds[str(df[c].dtype)], "values": df[c].tolist()} for c in df.columns]


rng = np.random.default_rng(7)

# ---- describe -------------------------------------------------------------------------------------------
n = 41
describe_df = pd.DataFrame({
    "price": np.round(rng.normal(100, 15, n), 3),
    "qty": rng.integers(-50, 400, n).astype("int64"),
    "big": (2**60 + rng.integers(0, 1000, n)).astype("int64"),
    "city": rng.choice(["Oslo", "Lima", "Pune", "Kyiv"], n, p=[0.4, 0.3, 0.2, 0.1]),
    "flag": rng.choice([True, False], n, p=[0.7, 0.3]),
})
describe_df.loc[[3, 17, 30], "price"] = np.nan
describe_df.loc[[5], "city"] = None
d = describe_df.describe(include="all")
stats = {}
for c in describe_df.columns:
    s = d[c]
    stats[c] = {k: s[k] for k in s.index if not (isinstance(s[k], float) and math.isnan(s[k]))}
    stats[c]["nulls"] = int(describe_df[c].isna().sum())
write("describe.json", {"frame": frame_json(describe_df), "describe": stats})

# ---- groupby ----------------------------------------------------------------------------------------------
n = 60
g_df = pd.DataFrame({
    "region": rng.choice(["north", "south", "east"], n),
    "year": rng.choice([2021, 2022, 2023], n).astype("int64"),
    "sales": np.round(rng.normal(50, 20, n), 2),
    "units": rng.integers(0, 100, n).astype("int64"),
})
g_df.loc[[2, 9, 33, 34], "sales"] = np.nan
g_df.loc[[5, 40], "region"] = None  # null keys: pandas drops these rows (dropna=True)
groups = {}
gb = g_df.groupby(["region", "year"])
for fn in ["count", "sum", "mean", "min", "max", "std", "first"]:
    r = getattr(gb, fn)().reset_index()
    groups[fn] = {c: r[c].tolist() for c in r.columns}
single = g_df.groupby("region").agg(sales_mean=("sales", "mean"), units_sum=("units", "sum"), units_std=("units", "std")).reset_index()
write("groupby.json", {
    "frame": frame_json(g_df),
    "keys": ["region", "year"],
    "results": groups,
    "single": {c: single[c].tolist() for c in single.columns},
})

# ---- joins ------------------------------------------------------------------------------------------------
left = pd.DataFrame({
    "id": [5, 2, 2, 3, 1, 7, 9],
    "grp": ["a", "b", "b", "a", "c", "a", "b"],
    "x": [1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5],
    "v": ["l1", "l2", "l3", "l4", "l5", "l6", "l7"],
})
right = pd.DataFrame({
    "id": [2, 3, 3, 4, 7, 8, 1],
    "grp": ["b", "a", "c", "d", "a", "b", "z"],
    "y": [10, 20, 30, 40, 50, 60, 70],
    "v": ["r1", "r2", "r3", "r4", "r5", "r6", "r7"],
})
joins = []
for on in (["id"], ["id", "grp"]):
    for how in ("inner", "left", "right", "outer"):
        m = pd.merge(left, right, on=on, how=how)
        joins.append({"on": on, "how": how, "columns": list(m.columns), "rows": m.astype(object).where(m.notna(), None).values.tolist()})
renamed = right.rename(columns={"id": "rid"})
for how in ("inner", "left", "right", "outer"):
    m = pd.merge(left, renamed, left_on=["id"], right_on=["rid"], how=how)
    joins.append({"on": ["id"], "right_on": ["rid"], "how": how, "columns": list(m.columns),
                  "rows": m.astype(object).where(m.notna(), None).values.tolist()})
write("join.json", {"left": frame_json(left), "right": frame_json(right), "joins": joins})

# ---- transformers -----------------------------------------------------------------------------------------
n = 30
train = pd.DataFrame({
    "a": np.round(rng.normal(5, 2, n), 4),
    "b": rng.integers(-20, 20, n).astype("float64") * 0.5,
    "c": np.full(n, 3.25),
    "color": rng.choice(["red", "green", "blue"], n),
    "size": rng.choice(["S", "M", "L", "XL"], n),
    "label": rng.choice(["cat", "dog", "bird"], n),
})
test = pd.DataFrame({
    "a": [4.0, 9.5, -1.25, 5.0],
    "b": [0.0, 3.5, -12.0, 7.0],
    "c": [3.25, 1.0, 3.25, 4.0],
    "color": ["red", "purple", "blue", "green"],
    "size": ["M", "S", "XXL", "L"],
    "label": ["dog", "cat", "bird", "cat"],
})
num = ["a", "b", "c"]
cat = ["color", "size"]
out = {"train": frame_json(train), "test": frame_json(test)}

ss = StandardScaler().fit(train[num])
out["standard_scaler"] = {"mean": ss.mean_, "var": ss.var_, "scale": ss.scale_,
                          "train": ss.transform(train[num]), "test": ss.transform(test[num])}
mm = MinMaxScaler().fit(train[num])
out["minmax_scaler"] = {"data_min": mm.data_min_, "data_max": mm.data_max_, "scale": mm.scale_, "min": mm.min_,
                        "train": mm.transform(train[num]), "test": mm.transform(test[num])}
mm2 = MinMaxScaler(feature_range=(-1, 2)).fit(train[num])
out["minmax_scaler_range"] = {"train": mm2.transform(train[num]), "test": mm2.transform(test[num])}
oh = OneHotEncoder(sparse_output=False, handle_unknown="ignore").fit(train[cat])
out["one_hot"] = {"features": list(oh.get_feature_names_out()), "categories": [list(c) for c in oh.categories_],
                  "train": oh.transform(train[cat]), "test": oh.transform(test[cat])}
oe = OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1).fit(train[cat])
out["ordinal"] = {"categories": [list(c) for c in oe.categories_], "train": oe.transform(train[cat]), "test": oe.transform(test[cat])}
le = LabelEncoder().fit(train["label"])
out["label"] = {"classes": list(le.classes_), "train": le.transform(train["label"]), "test": le.transform(test["label"])}

imp = pd.DataFrame({
    "p": [1.0, np.nan, 3.5, 2.0, np.nan, 8.25, 2.0, 10.0],
    "q": [np.nan, 4.0, 4.0, 7.0, 7.0, 1.0, np.nan, 9.0],
    "s": ["x", None, "y", "y", "x", None, "z", "x"],
})
out["impute_frame"] = frame_json(imp)
for strategy in ("mean", "median", "most_frequent", "constant"):
    kw = {"fill_value": -7.5} if strategy == "constant" else {}
    si = SimpleImputer(strategy=strategy, **kw).fit(imp[["p", "q"]])
    out["impute_" + strategy] = {"statistics": si.statistics_, "output": si.transform(imp[["p", "q"]])}
si = SimpleImputer(strategy="most_frequent", missing_values=None).fit(imp[["s"]].astype(object))
out["impute_text_most_frequent"] = {"statistics": list(si.statistics_), "output": si.transform(imp[["s"]].astype(object))[:, 0].tolist()}
si = SimpleImputer(strategy="constant", missing_values=None).fit(imp[["s"]].astype(object))
out["impute_text_constant"] = {"statistics": list(si.statistics_), "output": si.transform(imp[["s"]].astype(object))[:, 0].tolist()}
write("transformers.json", out)

# ---- splits -----------------------------------------------------------------------------------------------
tts = []
for n_samples, test_size in [(10, 0.25), (100, 0.2), (101, 0.2), (7, 0.5), (33, 0.1), (1000, 0.333), (50, 7), (12, 1)]:
    tr, te = train_test_split(np.arange(n_samples), test_size=test_size, random_state=0)
    tts.append({"n": n_samples, "test_size": test_size, "is_count": isinstance(test_size, int), "train": len(tr), "test": len(te)})
strat = []
for counts, test_size in [([50, 30, 20], 0.25), ([90, 10], 0.2), ([40, 35, 25], 0.3), ([12, 8, 6, 4], 0.5), ([500, 300, 200], 0.1), ([60, 24, 16], 25)]:
    y = np.repeat(np.arange(len(counts)), counts)
    outcomes = set()
    for seed in range(20):
        tr, te = train_test_split(y, test_size=test_size, random_state=seed, stratify=y)
        outcomes.add((tuple(np.bincount(tr, minlength=len(counts))), tuple(np.bincount(te, minlength=len(counts)))))
    # sklearn breaks ties between equal remainders at random: keep every per-class outcome 20 seeds produced.
    strat.append({"counts": counts, "test_size": test_size, "is_count": isinstance(test_size, int),
                  "outcomes": [{"train": list(a), "test": list(b)} for a, b in sorted(outcomes)]})
kfold = []
for n_samples, k in [(10, 3), (11, 5), (100, 7), (6, 6)]:
    kfold.append({"n": n_samples, "k": k, "test": [te.tolist() for _, te in KFold(k).split(np.arange(n_samples))],
                  "shuffled_sizes": [len(te) for _, te in KFold(k, shuffle=True, random_state=1).split(np.arange(n_samples))]})
skf = []
for labels, k in [(["a"] * 7 + ["b"] * 5 + ["c"] * 4, 3), ([2, 0, 1, 1, 0, 2, 2, 2, 0, 1, 1, 1, 0, 0, 2, 1, 1, 0], 4), (["x", "y"] * 10 + ["x"] * 5, 5)]:
    y = np.array(labels)
    uniq = list(dict.fromkeys(labels))
    shuffled = [[int((y[te] == c).sum()) for c in uniq] for _, te in StratifiedKFold(k, shuffle=True, random_state=3).split(y, y)]
    skf.append({"labels": labels, "k": k, "test": [te.tolist() for _, te in StratifiedKFold(k).split(y, y)],
                "classes_in_order": uniq, "shuffled_class_counts": shuffled})
write("splits.json", {"train_test": tts, "stratified": strat, "kfold": kfold, "stratified_kfold": skf})

# ---- csv -------------------------------------------------------------------------------------------------
csv_text = (
    'id,name,score,when,ok,note\n'
    '9007199254740993,"Smith, Jane",1.5,2024-01-31,True,plain\n'
    '2,"He said ""hi""",-0.25,2024-02-29T13:45:00,False,\n'
    '3,"multi\nline",,2023-12-01,True,"x,y"\n'
    '18014398509481985,Zoë,1e3,2020-06-15,False," padded "\n'
)
pdf = pd.read_csv(io.StringIO(csv_text), parse_dates=["when"])
write("csv.json", {
    "text": csv_text,
    "dtypes": {c: str(pdf[c].dtype) for c in pdf.columns},
    "values": {c: [None if pd.isna(v) else (v.isoformat() if isinstance(v, pd.Timestamp) else v) for v in pdf[c].tolist()] for c in pdf.columns},
})
print("wrote fixtures to", os.path.normpath(OUT))

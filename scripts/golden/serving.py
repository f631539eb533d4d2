#!/usr/bin/python3
"""Golden fixtures for Kiln.Serving, from PyTorch and scikit-learn.

Writes under tests/Kiln.Serving.Tests/Fixtures/serving/:
  mlp.safetensors  a 30-32-16-2 MLP (Linear, ReLU, Dropout, Linear, ReLU, Linear: notebook 2's architecture), seeded weights
  pipeline.json    a Kiln.Data Pipeline with a StandardScaler fitted by scikit-learn on the first 400 rows of data/breast-cancer.csv
  golden.json      raw records (held-out rows), the scaled rows, PyTorch's logits, softmax probabilities and argmax labels
Run: /usr/bin/python3 scripts/golden/serving.py
"""
import json
import pathlib
import struct

import pandas as pd
import torch
from sklearn.preprocessing import StandardScaler

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT = ROOT / "tests/Kiln.Serving.Tests/Fixtures/serving"
OUT.mkdir(parents=True, exist_ok=True)


def write_safetensors(path, tensors):
    header, blobs, offset = {}, [], 0
    for name, t in tensors.items():
        b = t.contiguous().numpy().tobytes()
        header[name] = {"dtype": "F32", "shape": list(t.shape), "data_offsets": [offset, offset + len(b)]}
        blobs.append(b)
        offset += len(b)
    h = json.dumps(header, separators=(",", ":")).encode("utf-8")
    h += b" " * ((8 - len(h) % 8) % 8)
    path.write_bytes(struct.pack("<Q", len(h)) + h + b"".join(blobs))


frame = pd.read_csv(ROOT / "data/breast-cancer.csv").drop(columns=["id"])
features = [c for c in frame.columns if c != "diagnosis"]
fit_rows, held_out = frame.iloc[:400], frame.iloc[400:412]
scaler = StandardScaler().fit(fit_rows[features].to_numpy())

torch.manual_seed(7)
model = torch.nn.Sequential(
    torch.nn.Linear(30, 32), torch.nn.ReLU(), torch.nn.Dropout(0.2),
    torch.nn.Linear(32, 16), torch.nn.ReLU(), torch.nn.Linear(16, 2)).eval()
write_safetensors(OUT / "mlp.safetensors", {k: v.detach() for k, v in model.state_dict().items()})

pipeline = {"type": "Pipeline", "Steps": [{
    "type": "StandardScaler", "Columns": features, "WithMean": True, "WithStd": True,
    "Mean": scaler.mean_.tolist(), "Variance": scaler.var_.tolist(), "Scale": scaler.scale_.tolist()}]}
(OUT / "pipeline.json").write_text(json.dumps(pipeline, indent=2))

raw = held_out[features].to_numpy()
scaled = scaler.transform(raw)
with torch.no_grad():
    logits = model(torch.tensor(scaled, dtype=torch.float32))
    probabilities = torch.softmax(logits, dim=-1)
labels = ["benign", "malignant"]
golden = {
    "features": features,
    "labels": labels,
    "architecture": [{"type": "linear", "in": 30, "out": 32}, {"type": "relu"}, {"type": "dropout", "p": 0.2},
                     {"type": "linear", "in": 32, "out": 16}, {"type": "relu"}, {"type": "linear", "in": 16, "out": 2}],
    "records": [dict(zip(features, row.tolist())) for row in raw],
    "scaled": scaled.astype("float32").tolist(),
    "logits": logits.tolist(),
    "probabilities": probabilities.tolist(),
    "predicted": [labels[i] for i in probabilities.argmax(dim=-1).tolist()],
}
(OUT / "golden.json").write_text(json.dumps(golden, separators=(",", ":")))
print(f"wrote {OUT}: {len(golden['records'])} records")

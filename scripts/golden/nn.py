#!/usr/bin/env python3
"""Golden fixtures for Kiln.Nn: losses, optimizers, schedulers, training runs, data loading and safetensors.

Run with Debian's interpreter (it has python3-torch):
    /usr/bin/python3 scripts/golden/nn.py
Writes JSON (and one .safetensors file) under tests/Kiln.Nn.Tests/Fixtures/.

    /usr/bin/python3 scripts/golden/nn.py --read FILE
prints the tensors of a safetensors FILE as JSON, read with a pure-Python parser and torch.frombuffer
(the safetensors package is not in Debian); the Kiln tests use it to check that PyTorch reads Kiln's files.
"""
import json
import math
import pathlib
import struct
import sys

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT = ROOT / "tests" / "Kiln.Nn.Tests" / "Fixtures"
DTYPES = {"F32": torch.float32, "F64": torch.float64, "I64": torch.int64, "BOOL": torch.bool}
CODES = {v: k for k, v in DTYPES.items()}


def read_safetensors(path):
    raw = pathlib.Path(path).read_bytes()
    (n,) = struct.unpack("<Q", raw[:8])
    header = json.loads(raw[8:8 + n].decode("utf-8"))
    data = bytearray(raw[8 + n:])
    meta = header.pop("__metadata__", None)
    tensors = {}
    for name, info in header.items():
        start, end = info["data_offsets"]
        dtype = DTYPES[info["dtype"]]
        chunk = data[start:end]
        t = torch.frombuffer(chunk, dtype=dtype) if end > start else torch.empty(0, dtype=dtype)
        tensors[name] = t.reshape(info["shape"]).clone()
    return tensors, meta


def write_safetensors(path, tensors, meta=None):
    header, blobs, offset = {}, [], 0
    if meta:
        header["__metadata__"] = meta
    for name, t in tensors.items():
        b = t.contiguous().numpy().tobytes()
        header[name] = {"dtype": CODES[t.dtype], "shape": list(t.shape), "data_offsets": [offset, offset + len(b)]}
        blobs.append(b)
        offset += len(b)
    h = json.dumps(header, separators=(",", ":")).encode("utf-8")
    h += b" " * ((8 - len(h) % 8) % 8)
    pathlib.Path(path).write_bytes(struct.pack("<Q", len(h)) + h + b"".join(blobs))


def enc(t):
    a = t.detach().cpu().numpy() if isinstance(t, torch.Tensor) else np.asarray(t)
    kind = {"float32": "float32", "float64": "float64", "int64": "int64", "bool": "bool"}[str(a.dtype)]
    return {"shape": list(a.shape), "dtype": kind, "data": a.reshape(-1).tolist()}


def state(module):
    return {k: enc(v) for k, v in module.state_dict().items()}


def write(name, obj):
    (OUT / name).write_text(json.dumps(obj, separators=(",", ":")))


if len(sys.argv) == 3 and sys.argv[1] == "--read":
    ts, meta = read_safetensors(sys.argv[2])
    print(json.dumps({"metadata": meta, "tensors": {k: enc(v) for k, v in ts.items()}}))
    sys.exit(0)

OUT.mkdir(parents=True, exist_ok=True)
torch.manual_seed(20261122)
rng = np.random.default_rng(20261122)


def randn(*shape):
    return torch.tensor(rng.standard_normal(shape).astype(np.float32))


# ---------------------------------------------------------------- losses
losses = []


def loss_case(name, kind, module, x, target, args):
    x = x.clone().requires_grad_(True)
    out = module(x, target)
    upstream = randn(*out.shape) if out.dim() > 0 else torch.tensor(1.0)
    out.backward(upstream)
    losses.append({"name": name, "kind": kind, "args": args, "input": enc(x), "target": enc(target),
                   "output": enc(out), "upstream": enc(upstream), "grad": enc(x.grad)})


cls_t = torch.tensor([0, 2, 1, 2, 4, 3])
cls_ign = torch.tensor([0, -100, 1, 2, 4, -100])
cls_ign5 = torch.tensor([0, 5, 1, 5, 4, 3])
w5 = torch.tensor([0.5, 1.0, 2.0, 0.25, 1.5])
for red in ["mean", "sum", "none"]:
    loss_case(f"mse_{red}", "mse", nn.MSELoss(reduction=red), randn(4, 3), randn(4, 3), {"reduction": red})
    loss_case(f"l1_{red}", "l1", nn.L1Loss(reduction=red), randn(4, 3), randn(4, 3), {"reduction": red})
    loss_case(f"ce_{red}", "ce", nn.CrossEntropyLoss(reduction=red), randn(6, 5), cls_t, {"reduction": red})
    loss_case(f"ce_weight_{red}", "ce", nn.CrossEntropyLoss(weight=w5, reduction=red), randn(6, 5), cls_t,
              {"reduction": red, "weight": w5.tolist()})
    loss_case(f"ce_all_{red}", "ce", nn.CrossEntropyLoss(weight=w5, reduction=red, label_smoothing=0.2, ignore_index=5),
              randn(6, 5), cls_ign5, {"reduction": red, "weight": w5.tolist(), "labelSmoothing": 0.2, "ignoreIndex": 5})
    loss_case(f"ce_smooth_{red}", "ce", nn.CrossEntropyLoss(reduction=red, label_smoothing=0.1), randn(6, 5), cls_ign,
              {"reduction": red, "labelSmoothing": 0.1})
    loss_case(f"nll_{red}", "nll", nn.NLLLoss(weight=w5, reduction=red), torch.log_softmax(randn(6, 5), 1), cls_ign,
              {"reduction": red, "weight": w5.tolist()})
    loss_case(f"bce_{red}", "bce", nn.BCEWithLogitsLoss(reduction=red), randn(4, 3) * 3, (randn(4, 3) > 0).float(),
              {"reduction": red})
    pw = torch.tensor([0.5, 2.0, 3.0])
    bw = torch.tensor([1.0, 0.5, 2.0])
    loss_case(f"bce_pos_{red}", "bce", nn.BCEWithLogitsLoss(reduction=red, pos_weight=pw, weight=bw), randn(4, 3) * 3,
              torch.rand(4, 3), {"reduction": red, "posWeight": pw.tolist(), "weight": bw.tolist()})
soft = torch.softmax(randn(6, 5), 1)
for red in ["mean", "sum", "none"]:
    loss_case(f"ce_soft_{red}", "ce", nn.CrossEntropyLoss(weight=w5, reduction=red, label_smoothing=0.15), randn(6, 5), soft,
              {"reduction": red, "weight": w5.tolist(), "labelSmoothing": 0.15})
write("losses.json", losses)

# ---------------------------------------------------------------- optimizers
optims = []


def opt_case(name, kind, args, make):
    params = [randn(3, 2).requires_grad_(True), randn(4).requires_grad_(True)]
    initial = [enc(p) for p in params]
    opt = make(params)
    grads, after = [], []
    for _ in range(6):
        gs = [randn(*p.shape) for p in params]
        for p, g in zip(params, gs):
            p.grad = g.clone()
        opt.step()
        grads.append([enc(g) for g in gs])
        after.append([enc(p) for p in params])
    optims.append({"name": name, "kind": kind, "args": args, "initial": initial, "grads": grads, "after": after})


opt_case("sgd_plain", "sgd", {"lr": 0.1}, lambda p: torch.optim.SGD(p, lr=0.1))
opt_case("sgd_momentum_wd", "sgd", {"lr": 0.05, "momentum": 0.9, "dampening": 0.1, "weightDecay": 0.01},
         lambda p: torch.optim.SGD(p, lr=0.05, momentum=0.9, dampening=0.1, weight_decay=0.01))
opt_case("sgd_nesterov", "sgd", {"lr": 0.05, "momentum": 0.8, "nesterov": True, "weightDecay": 0.001},
         lambda p: torch.optim.SGD(p, lr=0.05, momentum=0.8, nesterov=True, weight_decay=0.001))
opt_case("adam", "adam", {"lr": 0.01}, lambda p: torch.optim.Adam(p, lr=0.01))
opt_case("adam_wd", "adam", {"lr": 0.02, "beta1": 0.8, "beta2": 0.95, "eps": 1e-6, "weightDecay": 0.1},
         lambda p: torch.optim.Adam(p, lr=0.02, betas=(0.8, 0.95), eps=1e-6, weight_decay=0.1))
opt_case("adamw", "adamw", {"lr": 0.01, "weightDecay": 0.1}, lambda p: torch.optim.AdamW(p, lr=0.01, weight_decay=0.1))
opt_case("rmsprop", "rmsprop", {"lr": 0.01}, lambda p: torch.optim.RMSprop(p, lr=0.01))
opt_case("rmsprop_all", "rmsprop", {"lr": 0.01, "alpha": 0.9, "momentum": 0.5, "centered": True, "weightDecay": 0.05},
         lambda p: torch.optim.RMSprop(p, lr=0.01, alpha=0.9, momentum=0.5, centered=True, weight_decay=0.05))
clip = []
for max_norm, norm_type in [(1.0, 2.0), (0.5, float("inf")), (100.0, 2.0)]:
    ps = [randn(3, 2).requires_grad_(True), randn(4).requires_grad_(True)]
    for p in ps:
        p.grad = randn(*p.shape)
    before = [enc(p.grad) for p in ps]
    total = torch.nn.utils.clip_grad_norm_(ps, max_norm, norm_type)
    clip.append({"kind": "norm", "maxNorm": max_norm, "normType": "inf" if math.isinf(norm_type) else norm_type,
                 "grads": before, "total": float(total), "after": [enc(p.grad) for p in ps]})
ps = [randn(3, 2).requires_grad_(True)]
ps[0].grad = randn(3, 2)
before = [enc(ps[0].grad)]
torch.nn.utils.clip_grad_value_(ps, 0.5)
clip.append({"kind": "value", "clipValue": 0.5, "grads": before, "after": [enc(ps[0].grad)]})
write("optimizers.json", {"optimizers": optims, "clipping": clip})

# ---------------------------------------------------------------- schedulers
sched = []


def momentum_of(opt):
    g = opt.param_groups[0]
    return g["betas"][0] if "betas" in g else g["momentum"]


def lr_seq(name, args, make, steps, metrics=None, optimizer="sgd"):
    p = [torch.zeros(1, requires_grad=True)]
    opt = torch.optim.Adam(p, lr=args.get("lr", 0.1)) if optimizer == "adam" else torch.optim.SGD(p, lr=args.get("lr", 0.1))
    s = make(opt)
    lrs, moms = [opt.param_groups[0]["lr"]], [momentum_of(opt)]
    for i in range(steps):
        opt.step()
        if metrics is None:
            s.step()
        else:
            s.step(metrics[i])
        lrs.append(opt.param_groups[0]["lr"])
        moms.append(momentum_of(opt))
    sched.append({"name": name, "args": args, "metrics": metrics, "lrs": lrs, "momentums": moms, "optimizer": optimizer})


lr_seq("step", {"lr": 0.1, "stepSize": 3, "gamma": 0.5}, lambda o: torch.optim.lr_scheduler.StepLR(o, 3, 0.5), 12)
lr_seq("cosine", {"lr": 0.1, "tMax": 5, "etaMin": 0.001},
       lambda o: torch.optim.lr_scheduler.CosineAnnealingLR(o, 5, 0.001), 17)
lr_seq("onecycle_cos", {"maxLr": 0.5, "totalSteps": 20},
       lambda o: torch.optim.lr_scheduler.OneCycleLR(o, 0.5, total_steps=20, cycle_momentum=False), 19)
lr_seq("onecycle_linear_3", {"maxLr": 0.3, "totalSteps": 15, "pctStart": 0.4, "linear": True, "threePhase": True,
                             "divFactor": 10.0, "finalDivFactor": 100.0},
       lambda o: torch.optim.lr_scheduler.OneCycleLR(o, 0.3, total_steps=15, pct_start=0.4, anneal_strategy="linear",
                                                     three_phase=True, div_factor=10.0, final_div_factor=100.0,
                                                     cycle_momentum=False), 14)
lr_seq("onecycle_momentum_sgd", {"maxLr": 0.5, "totalSteps": 20, "cycleMomentum": True},
       lambda o: torch.optim.lr_scheduler.OneCycleLR(o, 0.5, total_steps=20), 19)
lr_seq("onecycle_momentum_adam_3", {"maxLr": 0.01, "totalSteps": 12, "cycleMomentum": True, "threePhase": True,
                                    "baseMomentum": 0.8, "maxMomentum": 0.9},
       lambda o: torch.optim.lr_scheduler.OneCycleLR(o, 0.01, total_steps=12, three_phase=True, base_momentum=0.8,
                                                     max_momentum=0.9), 11, optimizer="adam")
plateau_metrics = [1.0, 0.9, 0.95, 0.96, 0.97, 0.89, 0.9, 0.91, 0.92, 0.93, 0.94, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 1.1]
lr_seq("plateau_min", {"lr": 0.1, "mode": "min", "factor": 0.5, "patience": 2, "cooldown": 1, "minLr": 0.02},
       lambda o: torch.optim.lr_scheduler.ReduceLROnPlateau(o, "min", factor=0.5, patience=2, cooldown=1, min_lr=0.02),
       len(plateau_metrics), plateau_metrics)
lr_seq("plateau_max_abs", {"lr": 0.1, "mode": "max", "factor": 0.1, "patience": 1, "threshold": 0.05,
                           "thresholdMode": "abs"},
       lambda o: torch.optim.lr_scheduler.ReduceLROnPlateau(o, "max", factor=0.1, patience=1, threshold=0.05,
                                                            threshold_mode="abs"),
       len(plateau_metrics), plateau_metrics)
write("schedulers.json", sched)

# ---------------------------------------------------------------- training parity
training = []


def train_case(name, make_model, x_shape, classes, opt_name, make_opt, steps=20, batch=8):
    torch.manual_seed(7)
    model = make_model()
    init = state(model)
    opt = make_opt(model.parameters())
    xs = randn(steps * batch, *x_shape)
    ys = torch.tensor(rng.integers(0, classes, steps * batch))
    loss_fn = nn.CrossEntropyLoss()
    model.train()
    step_losses = []
    for s in range(steps):
        xb, yb = xs[s * batch:(s + 1) * batch], ys[s * batch:(s + 1) * batch]
        opt.zero_grad()
        loss = loss_fn(model(xb), yb)
        loss.backward()
        opt.step()
        step_losses.append(float(loss))
    model.eval()
    with torch.no_grad():
        eval_out = model(xs[:batch])
    training.append({"name": name, "optimizer": opt_name, "batch": batch, "x": enc(xs), "y": enc(ys),
                     "initial": init, "losses": step_losses, "final": state(model), "evalOutput": enc(eval_out),
                     "names": list(model.state_dict().keys()),
                     "shapes": [list(v.shape) for v in model.state_dict().values()],
                     "repr": repr(model)})


def mlp():
    return nn.Sequential(nn.Linear(8, 16), nn.ReLU(), nn.Linear(16, 3))


def cnn():
    return nn.Sequential(nn.Conv2d(1, 4, 3, padding=1, bias=False), nn.BatchNorm2d(4), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(),
                         nn.Linear(64, 3))


train_case("mlp_sgd", mlp, (8,), 3, "sgd", lambda p: torch.optim.SGD(p, lr=0.1, momentum=0.9))
train_case("mlp_adam", mlp, (8,), 3, "adam", lambda p: torch.optim.Adam(p, lr=0.01))
train_case("cnn_sgd", cnn, (1, 8, 8), 3, "sgd", lambda p: torch.optim.SGD(p, lr=0.1, momentum=0.9), batch=4)
train_case("cnn_adam", cnn, (1, 8, 8), 3, "adam", lambda p: torch.optim.Adam(p, lr=0.01), batch=4)
write("training.json", training)

# ---------------------------------------------------------------- layers: forward (train and eval), input gradient, state
layers = []


def layer_case(name, module, x, args):
    torch.manual_seed(len(layers) + 100)
    with torch.no_grad():
        for p in module.parameters():
            p.copy_(torch.randn_like(p) * 0.5 + (1.0 if p.dim() == 1 and "Norm" in type(module).__name__ else 0.0))
    before = state(module)
    module.train()
    x = x.clone()
    if x.dtype == torch.float32:
        x.requires_grad_(True)
    out = module(x)
    entry = {"name": name, "args": args, "state": before, "input": enc(x), "train": enc(out)}
    if x.dtype == torch.float32:
        upstream = randn(*out.shape)
        out.backward(upstream)
        entry["upstream"] = enc(upstream)
        entry["grad"] = enc(x.grad)
    module.eval()
    with torch.no_grad():
        entry["eval"] = enc(module(x))
    entry["after"] = state(module)
    entry["repr"] = repr(module)
    layers.append(entry)


layer_case("linear_nobias", nn.Linear(5, 3, bias=False), randn(4, 5), {})
layer_case("linear_3d", nn.Linear(5, 3), randn(2, 4, 5), {})
layer_case("leaky_relu", nn.LeakyReLU(0.2), randn(3, 4), {"slope": 0.2})
layer_case("gelu", nn.GELU(), randn(3, 4) * 2, {})
layer_case("sigmoid", nn.Sigmoid(), randn(3, 4), {})
layer_case("tanh", nn.Tanh(), randn(3, 4), {})
layer_case("softmax", nn.Softmax(dim=1), randn(3, 4), {"dim": 1})
layer_case("log_softmax", nn.LogSoftmax(dim=-1), randn(3, 4), {"dim": -1})
layer_case("batchnorm1d", nn.BatchNorm1d(4), randn(6, 4), {})
layer_case("batchnorm1d_3d", nn.BatchNorm1d(3, eps=1e-3, momentum=0.3), randn(4, 3, 5), {"eps": 1e-3, "momentum": 0.3})
layer_case("batchnorm2d", nn.BatchNorm2d(3), randn(2, 3, 4, 4), {})
layer_case("layernorm", nn.LayerNorm(6), randn(2, 3, 6), {})
layer_case("layernorm_2d", nn.LayerNorm([3, 6], eps=1e-3), randn(2, 3, 6), {"eps": 1e-3})
layer_case("conv_stride_pad", nn.Conv2d(2, 3, 3, stride=2, padding=1), randn(2, 2, 7, 7), {})
layer_case("maxpool", nn.MaxPool2d(3, stride=2, padding=1), randn(2, 2, 7, 7), {})
layer_case("avgpool", nn.AvgPool2d(2), randn(2, 2, 6, 6), {})
layer_case("embedding", nn.Embedding(10, 4), torch.tensor([[1, 3, 3], [9, 0, 2]]), {})
layer_case("flatten", nn.Flatten(), randn(2, 3, 4), {})
layer_case("flatten_0_1", nn.Flatten(0, 1), randn(2, 3, 4), {"start": 0, "end": 1})
write("layers.json", layers)

# ---------------------------------------------------------------- misc: state dict names, data loader
bn_mlp = nn.Sequential(nn.Linear(4, 6), nn.BatchNorm1d(6), nn.GELU(), nn.Dropout(0.2), nn.LayerNorm(6),
                       nn.Linear(6, 2))
emb = nn.Embedding(10, 3)
loader = []
ds = torch.utils.data.TensorDataset(torch.arange(10).float().reshape(10, 1), torch.arange(10))
for bs, drop in [(3, False), (3, True), (5, False), (4, True), (16, False)]:
    dl = torch.utils.data.DataLoader(ds, batch_size=bs, drop_last=drop)
    loader.append({"batchSize": bs, "dropLast": drop, "batches": [b[1].tolist() for b in dl]})
write("misc.json", {
    "bnMlp": {"names": list(bn_mlp.state_dict().keys()), "shapes": [list(v.shape) for v in bn_mlp.state_dict().values()],
              "dtypes": [str(v.dtype) for v in bn_mlp.state_dict().values()], "repr": repr(bn_mlp),
              "parameterCount": sum(p.numel() for p in bn_mlp.parameters())},
    "embedding": {"repr": repr(emb), "names": list(emb.state_dict().keys())},
    "loader": loader,
})

# ---------------------------------------------------------------- safetensors written by PyTorch
st = {"weight": randn(3, 4), "bias": randn(4), "scalar": torch.tensor(2.5), "double": torch.tensor([1.5, -2.25], dtype=torch.float64),
      "counts": torch.tensor([[1, -2], [3, 4000000000]]), "mask": torch.tensor([True, False, True]),
      "empty": torch.zeros(0, 3)}
write_safetensors(OUT / "from_torch.safetensors", st, {"framework": "pt", "note": "golden"})
write("from_torch.json", {k: enc(v) for k, v in st.items()})

# ---------------------------------------------------------------- breast cancer
import csv  # noqa: E402

rows = list(csv.DictReader(open(ROOT / "data" / "breast-cancer.csv")))
feat = [c for c in rows[0].keys() if c not in ("id", "diagnosis")]
X = np.array([[float(r[c]) for c in feat] for r in rows], dtype=np.float32)
Y = np.array([1 if r["diagnosis"] == "malignant" else 0 for r in rows])
perm = np.random.default_rng(42).permutation(len(rows))
n_test = int(round(len(rows) * 0.25))
test_idx, train_idx = perm[:n_test], perm[n_test:]
mu, sd = X[train_idx].mean(0), X[train_idx].std(0)
Xs = (X - mu) / sd
torch.manual_seed(0)
model = nn.Sequential(nn.Linear(30, 16), nn.ReLU(), nn.Linear(16, 2))
opt = torch.optim.Adam(model.parameters(), lr=1e-3)
tr = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(torch.tensor(Xs[train_idx]), torch.tensor(Y[train_idx])),
                                 batch_size=32, shuffle=True)
for _ in range(30):
    for xb, yb in tr:
        opt.zero_grad()
        F.cross_entropy(model(xb), yb).backward()
        opt.step()
with torch.no_grad():
    acc = float((model(torch.tensor(Xs[test_idx])).argmax(1) == torch.tensor(Y[test_idx])).float().mean())
write("breast_cancer.json", {"testIndices": test_idx.tolist(), "trainIndices": train_idx.tolist(), "epochs": 30,
                             "batchSize": 32, "lr": 1e-3, "hidden": 16, "torchAccuracy": acc})
print("torch breast-cancer accuracy", acc)

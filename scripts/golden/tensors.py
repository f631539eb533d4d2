#!/usr/bin/env python3
"""Golden fixtures for Kiln.Tensors: forward outputs and input gradients from PyTorch.

Run with Debian's interpreter (it has python3-torch):
    /usr/bin/python3 scripts/golden/tensors.py
Writes tests/Kiln.Tensors.Tests/Fixtures/ops.json. Every case holds float32 inputs, the op's output,
a fixed upstream gradient and the gradient of each float input (out.backward(upstream)).
"""
import json
import pathlib

import numpy as np
import torch
import torch.nn.functional as F

OUT = pathlib.Path(__file__).resolve().parents[2] / "tests" / "Kiln.Tensors.Tests" / "Fixtures" / "ops.json"
rng = np.random.default_rng(20261122)


def normal(*shape, away=0.0):
    """Standard normal float32 values, pushed at least `away` from 0 (keeps kinks out of gradient checks)."""
    x = rng.standard_normal(shape).astype(np.float32)
    if away:
        x = np.where(np.abs(x) < away, np.sign(x + 1e-12) * away + x, x).astype(np.float32)
    return x


def positive(*shape, low=0.5, high=2.0):
    return rng.uniform(low, high, shape).astype(np.float32)


def distinct(*shape):
    """A permutation of well-separated values: no ties for max/argmax."""
    n = int(np.prod(shape))
    return (rng.permutation(n).astype(np.float32) * 0.37 - n * 0.15).reshape(shape)


def enc(t):
    a = t.detach().cpu().numpy() if isinstance(t, torch.Tensor) else np.asarray(t)
    dtype = {np.dtype("float32"): "float32", np.dtype("int64"): "int64", np.dtype("bool"): "bool"}[a.dtype]
    data = a.reshape(-1).tolist()
    return {"shape": list(a.shape), "dtype": dtype, "data": data}


cases = []


def case(name, op, inputs, fn, args=None, extras=None):
    tensors = []
    for x in inputs:
        t = torch.tensor(x)
        if t.dtype == torch.float32:
            t.requires_grad_(True)
        tensors.append(t)
    out = fn(*tensors)
    entry = {"name": name, "op": op, "args": args or {}, "inputs": [enc(t) for t in tensors], "output": enc(out)}
    if out.dtype == torch.float32 and out.requires_grad:
        upstream = torch.tensor(normal(*out.shape)) if out.dim() > 0 else torch.tensor(0.7)
        out.backward(upstream)
        entry["upstream"] = enc(upstream)
        entry["grads"] = [enc(t.grad) if t.grad is not None else None for t in tensors]
    if extras:
        entry["extras"] = {k: enc(v) for k, v in extras().items()}
    cases.append(entry)


# Arithmetic with broadcasting
case("add_same", "add", [normal(3, 4), normal(3, 4)], torch.add)
case("add_broadcast", "add", [normal(2, 3, 4), normal(3, 1)], torch.add)
case("sub_broadcast", "sub", [normal(4, 1), normal(3)], torch.sub)
case("mul_broadcast", "mul", [normal(2, 1, 3), normal(4, 1)], torch.mul)
case("div_broadcast", "div", [normal(2, 3), positive(3)], torch.div)
case("pow_tensor", "pow", [positive(2, 3), normal(3)], torch.pow)
case("add_scalar", "add_scalar", [normal(5)], lambda x: x + 1.5, {"value": 1.5})
case("mul_scalar", "mul_scalar", [normal(2, 3)], lambda x: x * -2.5, {"value": -2.5})
case("rsub_scalar", "rsub_scalar", [normal(2, 3)], lambda x: 2.0 - x, {"value": 2.0})
case("rdiv_scalar", "rdiv_scalar", [positive(2, 3)], lambda x: 3.0 / x, {"value": 3.0})
case("div_scalar", "div_scalar", [normal(2, 3)], lambda x: x / 4.0, {"value": 4.0})
case("pow_scalar", "pow_scalar", [positive(2, 3)], lambda x: x ** 2.5, {"value": 2.5})
case("pow_scalar_negative_base", "pow_scalar", [normal(2, 3)], lambda x: x ** 3.0, {"value": 3.0})
case("sum_keep_all", "sum", [normal(2, 3)], lambda x: x.sum(dim=(0, 1), keepdim=True), {"dims": [0, 1], "keepDim": True})
case("softmax_vector", "softmax", [normal(6)], lambda x: torch.softmax(x, 0), {"dim": 0})
case("neg", "neg", [normal(2, 3)], torch.neg)

# Pointwise math
case("exp", "exp", [normal(2, 3)], torch.exp)
case("log", "log", [positive(2, 3)], torch.log)
case("sqrt", "sqrt", [positive(2, 3)], torch.sqrt)
case("abs", "abs", [normal(2, 3, away=0.1)], torch.abs)
case("clamp", "clamp", [normal(3, 4) * 0.0 + np.array([-1.2, -0.7, -0.3, 0.2], dtype=np.float32) + normal(3, 4) * 0.01],
     lambda x: torch.clamp(x, -0.5, 0.5), {"min": -0.5, "max": 0.5})
case("clamp_min", "clamp_min", [normal(3, 4, away=0.1)], lambda x: torch.clamp(x, min=0.0), {"min": 0.0})

# Activations
case("relu", "relu", [normal(3, 4, away=0.1)], torch.relu)
case("leaky_relu", "leaky_relu", [normal(3, 4, away=0.1)], lambda x: F.leaky_relu(x, 0.1), {"slope": 0.1})
case("gelu", "gelu", [normal(3, 4) * 2], F.gelu)
case("sigmoid", "sigmoid", [normal(3, 4)], torch.sigmoid)
case("tanh", "tanh", [normal(3, 4)], torch.tanh)
case("softmax_last", "softmax", [normal(3, 5)], lambda x: torch.softmax(x, 1), {"dim": 1})
case("softmax_middle", "softmax", [normal(2, 4, 3)], lambda x: torch.softmax(x, 1), {"dim": 1})
case("log_softmax_last", "log_softmax", [normal(3, 5)], lambda x: torch.log_softmax(x, -1), {"dim": -1})
case("log_softmax_first", "log_softmax", [normal(4, 3)], lambda x: torch.log_softmax(x, 0), {"dim": 0})

# Reductions
case("sum_all", "sum", [normal(3, 4)], lambda x: x.sum(), {"dims": None, "keepDim": False})
case("sum_dims", "sum", [normal(2, 3, 4)], lambda x: x.sum(dim=(0, 2)), {"dims": [0, 2], "keepDim": False})
case("sum_keep", "sum", [normal(2, 3, 4)], lambda x: x.sum(dim=1, keepdim=True), {"dims": [1], "keepDim": True})
case("mean_all", "mean", [normal(3, 4)], lambda x: x.mean(), {"dims": None, "keepDim": False})
case("mean_dim", "mean", [normal(2, 3, 4)], lambda x: x.mean(dim=-1), {"dims": [-1], "keepDim": False})
case("max_dim", "max", [distinct(3, 5)], lambda x: x.max(dim=1).values, {"dim": 1, "keepDim": False})
case("max_dim_keep", "max", [distinct(2, 4, 3)], lambda x: x.max(dim=1, keepdim=True).values, {"dim": 1, "keepDim": True})
case("max_all", "max", [distinct(3, 4)], lambda x: x.max(), {"dim": None, "keepDim": False})
case("min_dim", "min", [distinct(3, 5)], lambda x: x.min(dim=0).values, {"dim": 0, "keepDim": False})
case("argmax_dim", "argmax", [distinct(3, 5)], lambda x: x.argmax(dim=1), {"dim": 1, "keepDim": False})
case("argmax_all", "argmax", [distinct(3, 5)], lambda x: x.argmax(), {"dim": None, "keepDim": False})
case("var_dim", "var", [normal(3, 5)], lambda x: x.var(dim=1), {"dims": [1], "unbiased": True})

# Shapes
case("reshape", "reshape", [normal(2, 3, 4)], lambda x: x.reshape(4, -1) * 1.0, {"shape": [4, -1]})
case("transpose", "transpose", [normal(2, 3, 4)], lambda x: x.transpose(0, 2), {"dim0": 0, "dim1": 2})
case("permute", "permute", [normal(2, 3, 4)], lambda x: x.permute(1, 2, 0), {"dims": [1, 2, 0]})
case("expand", "expand", [normal(3, 1)], lambda x: x.expand(2, 3, 4), {"shape": [2, 3, 4]})
case("flatten", "flatten", [normal(2, 3, 4)], lambda x: torch.flatten(x, 1) * 1.0, {"start": 1})

# Indexing and joining
case("slice_step", "slice", [normal(3, 7)], lambda x: x[:, 1:6:2], {"dim": 1, "start": 1, "end": 6, "step": 2})
case("slice_negative", "slice", [normal(5, 2)], lambda x: x[-3:], {"dim": 0, "start": -3, "end": None, "step": 1})
case("narrow", "narrow", [normal(4, 5)], lambda x: x.narrow(1, 1, 3), {"dim": 1, "start": 1, "length": 3})
case("select", "select", [normal(3, 4, 2)], lambda x: x.select(1, 2), {"dim": 1, "index": 2})
case("concat", "concat", [normal(2, 1, 3), normal(2, 2, 3), normal(2, 3, 3)], lambda a, b, c: torch.cat([a, b, c], 1), {"dim": 1})
case("stack", "stack", [normal(2, 3), normal(2, 3)], lambda a, b: torch.stack([a, b], 2), {"dim": 2})
case("index_select", "index_select", [normal(4, 3), np.array([3, 0, 3, 1], dtype=np.int64)],
     lambda x, i: x.index_select(0, i), {"dim": 0})
case("index_select_dim1", "index_select", [normal(2, 5, 2), np.array([4, 4, 1], dtype=np.int64)],
     lambda x, i: x.index_select(1, i), {"dim": 1})
case("gather", "gather", [normal(3, 4), np.array([[0, 3], [2, 2], [1, 0]], dtype=np.int64)],
     lambda x, i: x.gather(1, i), {"dim": 1})
case("gather_dim0", "gather", [normal(3, 4), np.array([[2, 0, 1, 1], [0, 0, 2, 1]], dtype=np.int64)],
     lambda x, i: x.gather(0, i), {"dim": 0})

case("where_broadcast", "where", [rng.random((2, 3)) > 0.5, normal(2, 3), normal(3)], torch.where)
case("masked_fill", "masked_fill", [normal(3, 4), rng.random((1, 4)) > 0.5], lambda x, m: x.masked_fill(m, -1e9), {"value": -1e9})

# Matrix products
case("matmul_2d", "matmul", [normal(3, 4), normal(4, 5)], torch.matmul)
case("matmul_batched", "matmul", [normal(2, 3, 4), normal(2, 4, 5)], torch.matmul)
case("matmul_broadcast_rhs", "matmul", [normal(2, 3, 4), normal(4, 5)], torch.matmul)
case("matmul_broadcast_lhs", "matmul", [normal(3, 4), normal(2, 4, 5)], torch.matmul)
case("matmul_broadcast_both", "matmul", [normal(2, 1, 3, 4), normal(3, 4, 2)], torch.matmul)
case("matmul_vector", "matmul", [normal(4), normal(4, 5)], torch.matmul)
case("matmul_matrix_vector", "matmul", [normal(3, 4), normal(4)], torch.matmul)

# Neural-network functions
case("linear", "linear", [normal(5, 4), normal(3, 4), normal(3)], F.linear)
case("linear_3d", "linear", [normal(2, 3, 4), normal(5, 4), normal(5)], F.linear)
case("linear_vector", "linear", [normal(4), normal(3, 4), normal(3)], F.linear)
case("conv2d_no_bias", "conv2d_no_bias", [normal(2, 2, 4, 4), normal(3, 2, 3, 3) * 0.3],
     lambda x, w: F.conv2d(x, w, None, stride=1, padding=0), {"stride": 1, "padding": 0})
case("conv2d_pad", "conv2d", [normal(2, 3, 5, 5), normal(4, 3, 3, 3) * 0.3, normal(4)],
     lambda x, w, b: F.conv2d(x, w, b, stride=1, padding=1), {"stride": 1, "padding": 1})
case("conv2d_stride", "conv2d", [normal(1, 2, 6, 7), normal(3, 2, 2, 3) * 0.3, normal(3)],
     lambda x, w, b: F.conv2d(x, w, b, stride=2, padding=0), {"stride": 2, "padding": 0})
case("max_pool2d", "max_pool2d", [distinct(2, 2, 4, 4)], lambda x: F.max_pool2d(x, 2),
     {"kernel": 2, "stride": None, "padding": 0})
case("max_pool2d_pad", "max_pool2d", [distinct(1, 2, 5, 5)], lambda x: F.max_pool2d(x, 3, 2, 1),
     {"kernel": 3, "stride": 2, "padding": 1})
case("avg_pool2d", "avg_pool2d", [normal(2, 2, 4, 4)], lambda x: F.avg_pool2d(x, 2), {"kernel": 2, "stride": None, "padding": 0})
case("avg_pool2d_pad", "avg_pool2d", [normal(1, 2, 5, 5)], lambda x: F.avg_pool2d(x, 3, 2, 1),
     {"kernel": 3, "stride": 2, "padding": 1})
case("embedding", "embedding", [np.array([[1, 3], [0, 3], [2, 2]], dtype=np.int64), normal(5, 4)],
     lambda i, w: F.embedding(i, w))
case("layer_norm", "layer_norm", [normal(3, 2, 4), normal(2, 4), normal(2, 4)],
     lambda x, w, b: F.layer_norm(x, [2, 4], w, b), {"shape": [2, 4]})
case("layer_norm_plain", "layer_norm", [normal(3, 5)], lambda x: F.layer_norm(x, [5]), {"shape": [5]})

bn_mean = torch.tensor(normal(3) * 0.1)
bn_var = torch.tensor(positive(3))
bn_state = {}


def batch_norm_train(x, w, b):
    rm, rv = bn_mean.clone(), bn_var.clone()
    y = F.batch_norm(x, rm, rv, w, b, training=True, momentum=0.1, eps=1e-5)
    bn_state.update(running_mean=rm, running_var=rv)
    return y


case("batch_norm_train", "batch_norm_train", [normal(4, 3, 2, 2), normal(3), normal(3)], batch_norm_train,
     {"runningMean": enc(bn_mean), "runningVar": enc(bn_var)}, extras=lambda: bn_state)
case("batch_norm_eval", "batch_norm_eval", [normal(5, 3), normal(3), normal(3)],
     lambda x, w, b: F.batch_norm(x, bn_mean, bn_var, w, b, training=False, eps=1e-5),
     {"runningMean": enc(bn_mean), "runningVar": enc(bn_var)})
case("nll_loss", "nll_loss", [torch.log_softmax(torch.tensor(normal(4, 3)), 1).numpy(), np.array([2, 0, 1, 2], dtype=np.int64)],
     lambda x, t: F.nll_loss(x, t), {"reduction": "mean"})
case("cross_entropy_mean", "cross_entropy", [normal(4, 5), np.array([1, 4, 0, 1], dtype=np.int64)],
     lambda x, t: F.cross_entropy(x, t), {"reduction": "mean"})
case("cross_entropy_sum", "cross_entropy", [normal(3, 4), np.array([3, 0, 1], dtype=np.int64)],
     lambda x, t: F.cross_entropy(x, t, reduction="sum"), {"reduction": "sum"})
case("cross_entropy_none", "cross_entropy", [normal(3, 4), np.array([0, 2, 2], dtype=np.int64)],
     lambda x, t: F.cross_entropy(x, t, reduction="none"), {"reduction": "none"})

# A composite: a tiny MLP step, exercising shared subexpressions and accumulation through the graph
case("mlp_composite", "mlp", [normal(4, 3), normal(5, 3), normal(5), normal(2, 5), np.array([1, 0, 1, 1], dtype=np.int64)],
     lambda x, w1, b1, w2, t: F.cross_entropy(F.linear(torch.tanh(F.linear(x, w1, b1)) * torch.sigmoid(F.linear(x, w1, b1)), w2), t))

OUT.parent.mkdir(parents=True, exist_ok=True)
OUT.write_text(json.dumps({"generator": "scripts/golden/tensors.py", "torch": torch.__version__, "cases": cases}, indent=None))
print(f"wrote {len(cases)} cases to {OUT} ({OUT.stat().st_size} bytes)")

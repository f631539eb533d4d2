using System.Text.Json;

namespace Kiln.Tensors.Tests.Golden;

/// <summary>Maps each fixture op name to the Kiln call that should reproduce PyTorch.</summary>
public static class GoldenOps
{
    public delegate Tensor Op(Tensor[] x, JsonElement args, Dictionary<string, Tensor> extras);

    private static readonly Dictionary<string, Op> Table = new()
    {
        ["add"] = (x, _, _) => x[0] + x[1],
        ["sub"] = (x, _, _) => x[0] - x[1],
        ["mul"] = (x, _, _) => x[0] * x[1],
        ["div"] = (x, _, _) => x[0] / x[1],
        ["pow"] = (x, _, _) => Tensor.Pow(x[0], x[1]),
        ["add_scalar"] = (x, a, _) => x[0] + F(a, "value"),
        ["mul_scalar"] = (x, a, _) => x[0] * F(a, "value"),
        ["rsub_scalar"] = (x, a, _) => F(a, "value") - x[0],
        ["rdiv_scalar"] = (x, a, _) => F(a, "value") / x[0],
        ["div_scalar"] = (x, a, _) => x[0] / F(a, "value"),
        ["pow_scalar"] = (x, a, _) => Tensor.Pow(x[0], F(a, "value")),
        ["neg"] = (x, _, _) => -x[0],
        ["exp"] = (x, _, _) => x[0].Exp(),
        ["log"] = (x, _, _) => x[0].Log(),
        ["sqrt"] = (x, _, _) => x[0].Sqrt(),
        ["abs"] = (x, _, _) => x[0].Abs(),
        ["clamp"] = (x, a, _) => x[0].Clamp(F(a, "min"), F(a, "max")),
        ["clamp_min"] = (x, a, _) => x[0].Clamp(min: F(a, "min")),
        ["relu"] = (x, _, _) => x[0].Relu(),
        ["leaky_relu"] = (x, a, _) => x[0].LeakyRelu(F(a, "slope")),
        ["gelu"] = (x, _, _) => x[0].Gelu(),
        ["sigmoid"] = (x, _, _) => x[0].Sigmoid(),
        ["tanh"] = (x, _, _) => x[0].Tanh(),
        ["softmax"] = (x, a, _) => x[0].Softmax(I(a, "dim")),
        ["log_softmax"] = (x, a, _) => x[0].LogSoftmax(I(a, "dim")),
        ["sum"] = (x, a, _) => Dims(a) is { } d ? x[0].Sum(d, B(a, "keepDim")) : x[0].Sum(),
        ["mean"] = (x, a, _) => Dims(a) is { } d ? x[0].Mean(d, B(a, "keepDim")) : x[0].Mean(),
        ["max"] = (x, a, _) => NI(a, "dim") is { } d ? x[0].Max(d, B(a, "keepDim")) : x[0].Max(),
        ["min"] = (x, a, _) => x[0].Min(I(a, "dim"), B(a, "keepDim")),
        ["argmax"] = (x, a, _) => NI(a, "dim") is { } d ? x[0].ArgMax(d, B(a, "keepDim")) : x[0].ArgMax(),
        ["var"] = (x, a, _) => x[0].Var(Dims(a), B(a, "unbiased")),
        ["reshape"] = (x, a, _) => x[0].Reshape(Ints(a, "shape")),
        ["transpose"] = (x, a, _) => x[0].Transpose(I(a, "dim0"), I(a, "dim1")),
        ["permute"] = (x, a, _) => x[0].Permute(Ints(a, "dims")),
        ["expand"] = (x, a, _) => x[0].Expand(Ints(a, "shape")),
        ["flatten"] = (x, a, _) => x[0].Flatten(I(a, "start")),
        ["slice"] = (x, a, _) => x[0].Slice(I(a, "dim"), NI(a, "start"), NI(a, "end"), I(a, "step")),
        ["narrow"] = (x, a, _) => x[0].Narrow(I(a, "dim"), I(a, "start"), I(a, "length")),
        ["select"] = (x, a, _) => x[0].Select(I(a, "dim"), I(a, "index")),
        ["concat"] = (x, a, _) => Tensor.Concat(x, I(a, "dim")),
        ["stack"] = (x, a, _) => Tensor.Stack(x, I(a, "dim")),
        ["index_select"] = (x, a, _) => x[0].IndexSelect(I(a, "dim"), x[1]),
        ["gather"] = (x, a, _) => x[0].Gather(I(a, "dim"), x[1]),
        ["where"] = (x, _, _) => Tensor.Where(x[0], x[1], x[2]),
        ["masked_fill"] = (x, a, _) => x[0].MaskedFill(x[1], F(a, "value")),
        ["matmul"] = (x, _, _) => Tensor.MatMul(x[0], x[1]),
        ["linear"] = (x, _, _) => Functional.Linear(x[0], x[1], x[2]),
        ["conv2d"] = (x, a, _) => Functional.Conv2d(x[0], x[1], x[2], I(a, "stride"), I(a, "padding")),
        ["conv2d_no_bias"] = (x, a, _) => Functional.Conv2d(x[0], x[1], null, I(a, "stride"), I(a, "padding")),
        ["max_pool2d"] = (x, a, _) => Functional.MaxPool2d(x[0], I(a, "kernel"), NI(a, "stride"), I(a, "padding")),
        ["avg_pool2d"] = (x, a, _) => Functional.AvgPool2d(x[0], I(a, "kernel"), NI(a, "stride"), I(a, "padding")),
        ["embedding"] = (x, _, _) => Functional.Embedding(x[0], x[1]),
        ["layer_norm"] = (x, a, _) => Functional.LayerNorm(x[0], Ints(a, "shape"), x.ElementAtOrDefault(1), x.ElementAtOrDefault(2)),
        ["batch_norm_train"] = (x, a, e) =>
        {
            var rm = GoldenCase.ToTensor(a.GetProperty("runningMean"));
            var rv = GoldenCase.ToTensor(a.GetProperty("runningVar"));
            e["running_mean"] = rm;
            e["running_var"] = rv;
            return Functional.BatchNorm(x[0], rm, rv, x[1], x[2], training: true, momentum: 0.1f);
        },
        ["batch_norm_eval"] = (x, a, _) => Functional.BatchNorm(
            x[0], GoldenCase.ToTensor(a.GetProperty("runningMean")), GoldenCase.ToTensor(a.GetProperty("runningVar")), x[1], x[2], training: false),
        ["nll_loss"] = (x, a, _) => Functional.NllLoss(x[0], x[1], Reduction(a)),
        ["cross_entropy"] = (x, a, _) => Functional.CrossEntropy(x[0], x[1], Reduction(a)),
        ["mlp"] = (x, _, _) =>
        {
            var hidden = Functional.Linear(x[0], x[1], x[2]);
            return Functional.CrossEntropy(Functional.Linear(hidden.Tanh() * hidden.Sigmoid(), x[3]), x[4]);
        },
    };

    public static Tensor Run(GoldenCase c, Tensor[] inputs, Dictionary<string, Tensor>? extras = null) =>
        Table[c.Op](inputs, c.Args, extras ?? []);

    private static float F(JsonElement a, string name) => (float)a.GetProperty(name).GetDouble();

    private static int I(JsonElement a, string name) => a.GetProperty(name).GetInt32();

    private static int? NI(JsonElement a, string name) =>
        a.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v.GetInt32() : null;

    private static bool B(JsonElement a, string name) => a.GetProperty(name).GetBoolean();

    private static int[] Ints(JsonElement a, string name) => [.. a.GetProperty(name).EnumerateArray().Select(e => e.GetInt32())];

    private static int[]? Dims(JsonElement a) => a.GetProperty("dims").ValueKind == JsonValueKind.Null ? null : Ints(a, "dims");

    private static Reduction Reduction(JsonElement a) => a.GetProperty("reduction").GetString() switch
    {
        "sum" => Tensors.Reduction.Sum,
        "none" => Tensors.Reduction.None,
        _ => Tensors.Reduction.Mean,
    };
}

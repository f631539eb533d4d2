namespace Kiln.Tensors.Backends;

/// <summary>Elementwise functions of one float tensor that every backend implements.</summary>
internal enum UnaryKind
{
    Neg, Exp, Log, Sqrt, Abs, Sign, Relu, ReluMask, LeakyRelu, LeakyReluSlope, Gelu, GeluDerivative,
    Sigmoid, Tanh, Clamp, ClampMask, PowScalar, Scale, AddScalar, Reciprocal,
}

/// <summary>Elementwise functions of two broadcast float tensors.</summary>
internal enum BinaryKind
{
    Add, Sub, Mul, Div, Pow,
}

/// <summary>Elementwise comparisons producing a bool tensor.</summary>
internal enum CompareKind
{
    Eq, Ne, Gt, Ge, Lt, Le,
}

/// <summary>Reductions along one dimension (max and min values come from ArgMax plus a gather, which autograd needs anyway).</summary>
internal enum ReduceKind
{
    Sum, ArgMax,
}

/// <summary>Geometry of an image-to-columns unfolding (NCHW input).</summary>
internal readonly record struct ConvGeometry(
    int Batch, int Channels, int Height, int Width, int KernelH, int KernelW, int StrideH, int StrideW, int PadH, int PadW)
{
    public int OutH => ((Height + (2 * PadH) - KernelH) / StrideH) + 1;

    public int OutW => ((Width + (2 * PadW) - KernelW) / StrideW) + 1;

    public int Rows => Channels * KernelH * KernelW;

    public int Cols => OutH * OutW;
}

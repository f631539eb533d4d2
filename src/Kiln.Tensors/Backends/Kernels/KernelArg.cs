using System.Runtime.InteropServices;

namespace Kiln.Tensors.Backends.Kernels;

/// <summary>The kind of value a kernel argument carries.</summary>
internal enum KernelArgKind : byte
{
    Buffer, Int, Long, Float, Struct,
}

/// <summary>One argument of a kernel launch: a device buffer, a scalar, or a by-value struct that lives on the caller's stack.</summary>
internal readonly unsafe struct KernelArg
{
    private KernelArg(KernelArgKind kind, nint handle, long value, float single, void* structPointer, int structSize)
    {
        Kind = kind;
        Handle = handle;
        Value = value;
        Single = single;
        StructPointer = structPointer;
        StructSize = structSize;
    }

    public KernelArgKind Kind { get; }

    public nint Handle { get; }

    public long Value { get; }

    public float Single { get; }

    public void* StructPointer { get; }

    public int StructSize { get; }

    public static KernelArg Buffer(nint handle) => new(KernelArgKind.Buffer, handle, 0, 0, null, 0);

    public static KernelArg Int(int value) => new(KernelArgKind.Int, 0, value, 0, null, 0);

    public static KernelArg Long(long value) => new(KernelArgKind.Long, 0, value, 0, null, 0);

    public static KernelArg Float(float value) => new(KernelArgKind.Float, 0, 0, value, null, 0);

    /// <summary>A struct passed by value; <paramref name="pointer"/> must stay valid until the launch call returns.</summary>
    public static KernelArg Struct<T>(T* pointer)
        where T : unmanaged => new(KernelArgKind.Struct, 0, 0, 0, pointer, sizeof(T));
}

/// <summary>Mirror of the kernels' <c>desc_t</c>: an output shape and, per operand, the stride of each output dimension.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct StridedDesc
{
    public const int MaxRank = 8;

    public int Rank;
    public int Offset;
    public fixed int Dims[MaxRank];
    public fixed int StridesA[MaxRank];
    public fixed int StridesB[MaxRank];

    public static StridedDesc Create(ReadOnlySpan<int> dims, ReadOnlySpan<int> stridesA, ReadOnlySpan<int> stridesB, int offset = 0)
    {
        var d = new StridedDesc { Rank = dims.Length, Offset = offset };
        for (var i = 0; i < dims.Length; i++)
        {
            d.Dims[i] = dims[i];
            d.StridesA[i] = stridesA[i];
            d.StridesB[i] = stridesB.IsEmpty ? 0 : stridesB[i];
        }

        return d;
    }
}

/// <summary>Mirror of the kernels' <c>conv_t</c>: NCHW convolution and pooling geometry.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct ConvDesc
{
    public int Batch, Channels, Height, Width, KernelH, KernelW, StrideH, StrideW, PadH, PadW, OutH, OutW;

    public static ConvDesc From(ConvGeometry g) => new()
    {
        Batch = g.Batch, Channels = g.Channels, Height = g.Height, Width = g.Width, KernelH = g.KernelH, KernelW = g.KernelW,
        StrideH = g.StrideH, StrideW = g.StrideW, PadH = g.PadH, PadW = g.PadW, OutH = g.OutH, OutW = g.OutW,
    };
}

namespace Kiln.Tensors.Backends;

/// <summary>The compute seam: every tensor operation reaches memory only through these kernels.</summary>
/// <remarks>
/// Storages are contiguous and row-major. Shapes travel as plain <c>int[]</c>; dimensions are pre-flattened to
/// (outer, n, inner) triples where a kernel works along one axis. A GPU backend implements this interface and
/// registers itself in <see cref="BackendRegistry"/>; op code and autograd stay unchanged.
/// </remarks>
internal interface IBackend
{
    Device Device { get; }

    Storage Allocate(DType dtype, int length);

    Storage Full(DType dtype, int length, double value);

    /// <summary>Copies a host array (float[], long[] or bool[]) into a new storage.</summary>
    Storage Upload(Array host);

    /// <summary>Copies a storage into a new host array of its dtype.</summary>
    Array Download(Storage storage);

    Storage Cast(Storage x, DType dtype);

    Storage Unary(UnaryKind kind, Storage x, float alpha = 0, float beta = 0);

    /// <summary>The chain rule through an elementwise function: grad · f′(x), with f′ a derivative kind such as <see cref="UnaryKind.ReluMask"/>.</summary>
    Storage UnaryGradient(UnaryKind derivative, Storage grad, Storage x, float alpha, float beta);

    Storage Binary(BinaryKind kind, Storage a, int[] aShape, Storage b, int[] bShape, int[] outShape);

    Storage Compare(CompareKind kind, Storage a, int[] aShape, Storage b, int[] bShape, int[] outShape);

    Storage Expand(Storage x, int[] xShape, int[] outShape);

    /// <summary>Elementwise condition ? a : b over equally long storages (bool condition, float values).</summary>
    Storage Select(Storage condition, Storage a, Storage b);

    Storage Reduce(ReduceKind kind, Storage x, int outer, int n, int inner);

    Storage Permute(Storage x, int[] shape, int[] perm);

    Storage Slice(Storage x, int outer, int n, int inner, int start, int step, int count);

    Storage SliceBackward(Storage grad, int outer, int n, int inner, int start, int step, int count);

    Storage Concat(IReadOnlyList<Storage> parts, int outer, int[] sizes, int inner);

    Storage IndexSelect(Storage x, int outer, int n, int inner, Storage index);

    Storage IndexAdd(Storage grad, int outer, int n, int inner, Storage index);

    Storage Gather(Storage x, int[] xShape, int dim, Storage index, int[] indexShape);

    Storage ScatterAdd(Storage src, int[] outShape, int dim, Storage index, int[] indexShape);

    /// <summary>Batched GEMM: C[b] = op(A[b]) · op(B[b]) with op the optional transpose; a batch stride of 0 broadcasts.</summary>
    Storage MatMul(Storage a, Storage b, int batch, int m, int k, int n, bool transA, bool transB, bool broadcastA, bool broadcastB);

    /// <summary>Adds the product op(A) · op(B) [m, n] into an existing storage: GEMM with β = 1, no temporary where the vendor allows.</summary>
    void MatMulAccumulate(Storage destination, Storage a, Storage b, int m, int k, int n, bool transA, bool transB);

    Storage Softmax(Storage x, int outer, int n, int inner, bool log);

    Storage Im2Col(Storage x, ConvGeometry g);

    Storage Col2Im(Storage cols, ConvGeometry g);

    /// <summary>Max over each window of every NCHW plane, with padding as −∞; returns values and int64 flat in-plane indices.</summary>
    (Storage Values, Storage Indices) MaxPool2d(Storage x, ConvGeometry g);

    /// <summary>Routes each output gradient to the input position its window's maximum came from.</summary>
    Storage MaxPool2dBackward(Storage grad, Storage indices, ConvGeometry g);

    void CopyInto(Storage destination, Storage source);

    /// <summary>
    /// A storage for elements [offset, offset + length) of <paramref name="x"/> that shares its memory (writes go through),
    /// or null where this backend keeps no views. The caller marks <paramref name="x"/> (<see cref="Storage.MarkViewed"/>).
    /// </summary>
    Storage? ViewOf(Storage x, int offset, int length);

    /// <summary>Hands back a buffer that no tensor references any more (autograd's consumed gradients), for reuse.</summary>
    void Release(Storage storage);

    void AddScaledInPlace(Storage destination, Storage source, float alpha);

    void ScaleInPlace(Storage destination, float alpha);

    void FillInPlace(Storage destination, double value);

    /// <summary>Adds <paramref name="row"/> to every row of <paramref name="destination"/> (rows of row.Length elements), in place.</summary>
    void AddRowInPlace(Storage destination, Storage row);

    /// <summary>One Adam step for one parameter in a single pass: updates the moments and the parameter in place.</summary>
    void AdamUpdate(Storage parameter, Storage gradient, Storage expAvg, Storage expAvgSq, AdamCoefficients coefficients);
}

namespace Kiln.Tensors;

/// <summary>A seeded pseudo-random source: the same seed gives the same values bit for bit on every platform.</summary>
/// <remarks>
/// PyTorch: <c>torch.Generator</c> / <c>torch.manual_seed</c>. The algorithm is xoshiro256** seeded through SplitMix64,
/// so sequences do not equal PyTorch's Mersenne Twister values. Normals use the Box–Muller transform in double precision.
/// A generator is not thread-safe; give each thread its own.
/// </remarks>
public sealed class Generator
{
    private ulong _s0, _s1, _s2, _s3;
    private double? _spareNormal;

    /// <summary>Creates a generator from <paramref name="seed"/>.</summary>
    public Generator(long seed) => ManualSeed(seed);

    /// <summary>The generator used when an operation is given none; seed it with <see cref="ManualSeed"/> for repeatable runs.</summary>
    public static Generator Default { get; } = new(0);

    /// <summary>Resets this generator to the start of the sequence for <paramref name="seed"/>.</summary>
    /// <remarks>PyTorch: <c>Generator.manual_seed</c>.</remarks>
    public Generator ManualSeed(long seed)
    {
        var x = (ulong)seed;
        _s0 = SplitMix(ref x);
        _s1 = SplitMix(ref x);
        _s2 = SplitMix(ref x);
        _s3 = SplitMix(ref x);
        _spareNormal = null;
        return this;
    }

    /// <summary>Returns the next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        var result = RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Returns a float uniformly distributed in [0, 1), with 24 random bits.</summary>
    public float NextSingle() => (NextUInt64() >> 40) * (1f / (1 << 24));

    /// <summary>Returns a double uniformly distributed in [0, 1), with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Returns a standard normal sample.</summary>
    public double NextNormal()
    {
        if (_spareNormal is { } spare)
        {
            _spareNormal = null;
            return spare;
        }

        var u1 = 1.0 - NextDouble();
        var u2 = NextDouble();
        var radius = Math.Sqrt(-2.0 * Math.Log(u1));
        _spareNormal = radius * Math.Sin(2 * Math.PI * u2);
        return radius * Math.Cos(2 * Math.PI * u2);
    }

    /// <summary>Returns an integer uniformly distributed in [<paramref name="low"/>, <paramref name="high"/>).</summary>
    public long NextInt64(long low, long high)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(high, low);
        var range = (ulong)(high - low);
        var limit = ulong.MaxValue - (ulong.MaxValue % range);
        ulong r;
        do
        {
            r = NextUInt64();
        }
        while (r >= limit);
        return low + (long)(r % range);
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));

    private static ulong SplitMix(ref ulong x)
    {
        var z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}

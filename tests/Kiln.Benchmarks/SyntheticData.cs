namespace Kiln.Benchmarks;

/// <summary>The benchmark's synthetic data set; scripts/bench/train.sh computes the same values in numpy.</summary>
internal static class SyntheticData
{
    public const int Features = 784;
    public const int Classes = 10;

    /// <summary>x[i, j] = ((i·131 + j·71) mod 1000) / 1000 − 0.5, exact in float32 on both sides.</summary>
    public static float[] Inputs(int samples)
    {
        var x = new float[samples * Features];
        for (var i = 0; i < samples; i++)
        {
            for (var j = 0; j < Features; j++)
            {
                x[(i * Features) + j] = ((((long)i * 131) + (j * 71)) % 1000 / 1000f) - 0.5f;
            }
        }

        return x;
    }

    /// <summary>y[i] = (7i + i / 3) mod 10.</summary>
    public static long[] Labels(int samples)
    {
        var y = new long[samples];
        for (var i = 0; i < samples; i++)
        {
            y[i] = ((7L * i) + (i / 3)) % Classes;
        }

        return y;
    }
}

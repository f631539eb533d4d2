namespace Kiln.Metrics.Internal;

/// <summary>Guard clauses shared by the metrics, with messages that name the problem and the fix.</summary>
internal static class Guard
{
    /// <summary>Throws when two inputs that describe the same samples have different lengths.</summary>
    public static void SameLength(int first, string firstName, int second, string secondName)
    {
        if (first != second)
        {
            throw new ArgumentException(
                $"{firstName} has {first} samples but {secondName} has {second}; pass one value per sample in both.", secondName);
        }
    }

    /// <summary>Throws when sample weights are given but their count differs from the number of samples.</summary>
    public static void Weights(ReadOnlySpan<double> sampleWeight, int samples, string samplesName)
    {
        if (!sampleWeight.IsEmpty)
        {
            SameLength(samples, samplesName, sampleWeight.Length, "sampleWeight");
            Finite(sampleWeight, "sampleWeight");
        }
    }

    /// <summary>Throws when <paramref name="values"/> contains NaN or an infinity, naming the first such index.</summary>
    public static void Finite(ReadOnlySpan<double> values, string name)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw new ArgumentException(
                    $"{name}[{i}] is {values[i]}; metrics need finite values, so drop or impute NaN and infinite entries first.", name);
            }
        }
    }

    /// <summary>Throws when an input that needs at least one sample is empty.</summary>
    public static void NotEmpty(int length, string name)
    {
        if (length == 0)
        {
            throw new ArgumentException($"{name} is empty; this metric needs at least one sample.", name);
        }
    }
}

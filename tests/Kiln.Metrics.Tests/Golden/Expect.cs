namespace Kiln.Metrics.Tests.Golden;

/// <summary>Compares Kiln's results with scikit-learn's and collects every mismatch of a fixture in one report.</summary>
public sealed class Expect
{
    /// <summary>The relative tolerance of the comparison (no absolute floor: results near zero must match as tightly).</summary>
    public const double Relative = 1e-12;

    private readonly List<string> _failures = [];

    public int Checked { get; private set; }

    public static bool Close(double expected, double actual)
    {
        if (double.IsNaN(expected) || double.IsNaN(actual))
        {
            return double.IsNaN(expected) && double.IsNaN(actual);
        }

        if (double.IsInfinity(expected) || double.IsInfinity(actual))
        {
            return expected == actual;
        }

        var diff = Math.Abs(expected - actual);
        return diff <= Relative * Math.Max(Math.Abs(expected), Math.Abs(actual));
    }

    public void Value(GoldenCase c, double expected, double actual, string what = "result")
    {
        if (!Close(expected, actual))
        {
            Fail(c, $"{what}: expected {expected:R}, got {actual:R}");
        }
    }

    public void Values(GoldenCase c, IReadOnlyList<double> expected, IReadOnlyList<double> actual, string what)
    {
        if (expected.Count != actual.Count)
        {
            Fail(c, $"{what}: expected {expected.Count} values, got {actual.Count}");
            return;
        }

        for (var i = 0; i < expected.Count; i++)
        {
            Value(c, expected[i], actual[i], $"{what}[{i}]");
        }
    }

    public void Warnings(GoldenCase c, IReadOnlyList<MetricWarning> actual)
    {
        var expected = c.MetricWarnings.Select(w => $"{w.Category}: {w.Message}").ToList();
        var got = actual.Where(w => w.Category != MetricWarning.Runtime).Select(w => w.ToString()).ToList();
        if (!expected.SequenceEqual(got))
        {
            Fail(c, $"warnings: expected [{string.Join(" | ", expected)}], got [{string.Join(" | ", got)}]");
        }
    }

    public void Fail(GoldenCase c, string message) => _failures.Add($"{c}\n    {message}");

    /// <summary>Runs one case: the action computes and compares; scikit-learn errors must surface as ArgumentException.</summary>
    public void Run(GoldenCase c, Action<MetricWarningScope> check)
    {
        Checked++;
        using var scope = MetricWarnings.Capture();
        try
        {
            if (c.Error is not null && c.Result is null)
            {
                // scikit-learn raised: the check may only get as far as calling Kiln, which must throw.
                check(scope);
                Fail(c, $"scikit-learn raised '{c.Error}' but Kiln returned normally");
                return;
            }

            check(scope);
            if (c.Error is not null)
            {
                Fail(c, $"scikit-learn raised '{c.Error}' but Kiln returned normally");
            }
        }
        catch (ArgumentException ex) when (c.Error is not null)
        {
            ex.Message.ShouldNotBeNullOrWhiteSpace();
        }
        catch (Exception ex)
        {
            Fail(c, $"threw {ex.GetType().Name}: {ex.Message} {ex.StackTrace?.Split('\n').FirstOrDefault()}");
        }
    }

    public void AssertAll(int minimumCases)
    {
        Checked.ShouldBeGreaterThanOrEqualTo(minimumCases);
        _failures.Count.ShouldBe(0, $"{_failures.Count} of {Checked} checks differ from scikit-learn:\n" + string.Join("\n", _failures.Take(12)));
    }
}

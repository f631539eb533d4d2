using System.Globalization;
using Kiln.Tensors;

namespace Kiln.Benchmarks;

/// <summary>Command-line options shared by the benchmarks.</summary>
internal sealed record Options(string Command, Device Device, int Samples, int Epochs, int Batch)
{
    public static Options Parse(string[] args)
    {
        string Value(string name, string fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }

        int Int(string name, int fallback) => int.Parse(Value(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

        return new Options(
            args.Length > 0 ? args[0] : "train",
            Device.Parse(Value("--device", "cpu")),
            Int("--samples", 60_000),
            Int("--epochs", 3),
            Int("--batch", 128));
    }
}

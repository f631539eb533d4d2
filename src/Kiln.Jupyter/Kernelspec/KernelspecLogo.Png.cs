using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Kiln.Jupyter.Kernelspec;

internal static partial class KernelspecLogo
{
    private const int Samples = 4;

    private static readonly uint[] CrcTable = CreateCrcTable();

    /// <summary>Draws the logo as an RGBA PNG of <paramref name="size"/> × <paramref name="size"/> pixels (Jupyter's <c>logo-32x32.png</c>, <c>logo-64x64.png</c>).</summary>
    /// <remarks>Each pixel averages 4 × 4 samples of the same shapes as <see cref="Svg"/>, so edges are smooth.</remarks>
    public static byte[] Png(int size)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 8);
        var raw = new byte[size * ((size * 4) + 1)];
        for (var y = 0; y < size; y++)
        {
            var row = y * ((size * 4) + 1);
            raw[row] = 0; // filter: none
            for (var x = 0; x < size; x++)
            {
                var pixel = Pixel(x, y, size);
                pixel.CopyTo(raw, row + 1 + (x * 4));
            }
        }

        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, size);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), size);
        header[8] = 8; // bits per channel
        header[9] = 6; // RGBA
        WriteChunk(png, "IHDR", header);
        using (var compressed = new MemoryStream())
        {
            using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
            {
                zlib.Write(raw);
            }

            WriteChunk(png, "IDAT", compressed.ToArray());
        }

        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    private static byte[] Pixel(int x, int y, int size)
    {
        double r = 0, g = 0, b = 0, a = 0;
        for (var sy = 0; sy < Samples; sy++)
        {
            for (var sx = 0; sx < Samples; sx++)
            {
                var u = (x + ((sx + 0.5) / Samples)) / size;
                var v = (y + ((sy + 0.5) / Samples)) / size;
                if (Colour(u, v) is { } c)
                {
                    r += c.R;
                    g += c.G;
                    b += c.B;
                    a += 255;
                }
            }
        }

        const double n = Samples * Samples;
        return a == 0 ? [0, 0, 0, 0] : [(byte)(r * 255 / a), (byte)(g * 255 / a), (byte)(b * 255 / a), (byte)(a / n)];
    }

    /// <summary>The colour at (<paramref name="u"/>, <paramref name="v"/>) in the unit square, or null outside the rounded tile.</summary>
    private static (byte R, byte G, byte B)? Colour(double u, double v)
    {
        if (!InRoundedSquare(u, v, 0.03, 0.16))
        {
            return null;
        }

        var flameTip = v >= 0.55 && v <= 0.72 && Math.Abs(u - 0.5) < (v - 0.55) * 0.65;
        var flameBody = Square(u - 0.5) + Square(v - 0.75) < Square(0.11);
        if ((flameTip || flameBody) && v < 0.84)
        {
            return (0xf5, 0xa6, 0x23);
        }

        if (InArch(u, v, halfWidth: 0.19, top: 0.53) && v < 0.85)
        {
            return (0x1e, 0x14, 0x10);
        }

        if (InArch(u, v, halfWidth: 0.31, top: 0.47) && v < 0.85)
        {
            return (0x8c, 0x4a, 0x2f);
        }

        return (0x3b, 0x2a, 0x20);
    }

    private static bool InArch(double u, double v, double halfWidth, double top) =>
        (Math.Abs(u - 0.5) <= halfWidth && v >= top) || Square(u - 0.5) + Square(v - top) <= Square(halfWidth);

    private static bool InRoundedSquare(double u, double v, double margin, double radius)
    {
        var dx = Math.Max(Math.Max(margin + radius - u, u - (1 - margin - radius)), 0);
        var dy = Math.Max(Math.Max(margin + radius - v, v - (1 - margin - radius)), 0);
        return u >= margin && u <= 1 - margin && v >= margin && v <= 1 - margin && (dx * dx) + (dy * dy) <= radius * radius;
    }

    private static double Square(double x) => x * x;

    private static void WriteChunk(Stream png, string type, byte[] data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        png.Write(number);
        var typeBytes = Encoding.ASCII.GetBytes(type);
        png.Write(typeBytes);
        png.Write(data);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc32(typeBytes, data));
        png.Write(number);
    }

    /// <summary>The CRC-32 (ISO 3309, as PNG requires) of <paramref name="type"/> followed by <paramref name="data"/>.</summary>
    private static uint Crc32(byte[] type, byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var part in (byte[][])[type, data])
        {
            foreach (var value in part)
            {
                crc = CrcTable[(crc ^ value) & 0xFF] ^ (crc >> 8);
            }
        }

        return crc ^ 0xFFFFFFFFu;
    }

    private static uint[] CreateCrcTable()
    {
        var table = new uint[256];
        for (var n = 0u; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}

namespace Kiln.Jupyter.Kernelspec;

/// <summary>Kiln's kernel logo, drawn for this project: a kiln's arch with a flame (the SVG adds "C#").</summary>
internal static partial class KernelspecLogo
{
    /// <summary>The logo as SVG (Jupyter's <c>logo-svg.svg</c> kernelspec resource).</summary>
    public const string Svg = """
        <svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64">
          <rect x="2" y="2" width="60" height="60" rx="10" fill="#3b2a20"/>
          <path d="M12 54 V30 A20 20 0 0 1 52 30 V54 Z" fill="#8c4a2f"/>
          <path d="M20 54 V34 A12 12 0 0 1 44 34 V54 Z" fill="#1e1410"/>
          <path d="M32 52 C24 46 26 40 31 34 C31 40 36 40 35 46 C38 44 39 41 38 38 C42 43 41 49 32 52 Z" fill="#f5a623"/>
          <text x="32" y="19" font-family="sans-serif" font-size="11" font-weight="bold" fill="#fff4e0" text-anchor="middle">C#</text>
        </svg>

        """;
}

using Kiln.Jupyter.Language;

namespace Kiln.Jupyter.Tests.Language;

/// <summary>Jupyter 5.2+ counts cursor positions in Unicode code points (Python's len()), .NET strings in UTF-16 units.</summary>
public sealed class CodePointsTests
{
    // "\U0001F600" is one code point (len() == 1 in Python) and two UTF-16 units.
    private const string Text = "var s = \"\U0001F600\"; s.Len";

    [Fact]
    public void ToUtf16Index_AfterAstralCharacter_CountsItTwice()
    {
        CodePoints.ToUtf16Index(Text, 18).ShouldBe(Text.Length);
        CodePoints.ToUtf16Index(Text, 9).ShouldBe(9);
        CodePoints.ToUtf16Index(Text, 10).ShouldBe(11);
    }

    [Fact]
    public void FromUtf16Index_RoundTrips()
    {
        CodePoints.FromUtf16Index(Text, Text.Length).ShouldBe(18);
        CodePoints.FromUtf16Index(Text, 11).ShouldBe(10);
    }
}

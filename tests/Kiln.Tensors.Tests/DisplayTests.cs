using Kiln.Display;

namespace Kiln.Tensors.Tests;

public sealed class DisplayTests
{
    [Fact]
    public void ToString_SmallMatrix_ShowsHeaderAndAllValues()
    {
        var text = Tensor.FromArray([1f, 2.5f, -3f, 4f], 2, 2).ToString();

        text.ShouldBe("Tensor [2, 2] Float32 cpu\n[[1.0, 2.5],\n [-3.0, 4.0]]");
    }

    [Fact]
    public void ToString_LargeTensor_ElidesMiddle()
    {
        var text = Tensor.Zeros(2000).ToString();

        text.ShouldContain("0.0, 0.0, 0.0, ..., 0.0, 0.0, 0.0]");
    }

    [Fact]
    public void ToString_GradTensor_NamesGradFn()
    {
        (Tensor.Ones(1).RequireGrad() * 2f).ToString().ShouldStartWith("Tensor [1] Float32 cpu grad_fn=MulBackward");
    }

    [Fact]
    public void ToMimeBundle_Matrix_HasPlainTextAndHtmlTable()
    {
        var bundle = Tensor.Arange(6).Reshape(2, 3).ToMimeBundle();

        bundle.GetText(MimeTypes.PlainText).ShouldBe("Tensor [2, 3] Int64 cpu\n[[0, 1, 2],\n [3, 4, 5]]");
        var html = bundle.GetText(MimeTypes.Html)!;
        html.ShouldContain("<table>");
        html.ShouldContain("<th>1</th><td>3</td><td>4</td><td>5</td>");
    }

    [Fact]
    public void ToMimeBundle_Vector_UsesPreformattedText()
    {
        Tensor.FromArray([true, false], 2).ToMimeBundle().GetText(MimeTypes.Html)!.ShouldContain("<pre>Tensor [2] Bool cpu\n[true, false]</pre>");
    }
}

namespace Kiln.Tensors.Tests.Autograd;

public sealed class AutogradTests
{
    [Fact]
    public void Backward_SharedSubexpression_SumsBothPaths()
    {
        // d/dx (x·x + x) = 2x + 1
        var x = Tensor.FromArray([1f, -2f, 0.5f], 3).RequireGrad();

        ((x * x) + x).Sum().Backward();

        x.Grad!.ToArray().ShouldBe([3f, -3f, 2f]);
    }

    [Fact]
    public void Backward_RetainGraphThenAgain_AccumulatesIntoGrad()
    {
        var x = Tensor.FromArray([1f, 2f], 2).RequireGrad();
        var y = (x * 3f).Sum();

        y.Backward(retainGraph: true);
        y.Backward();

        x.Grad!.ToArray().ShouldBe([6f, 6f]);
    }

    [Fact]
    public void Backward_SecondTimeThroughFreedGraph_ThrowsNamingRetainGraph()
    {
        var x = Tensor.FromArray([1f, 2f], 2).RequireGrad();
        var h = x * 3f;
        h.Sum().Backward();

        var error = Should.Throw<InvalidOperationException>(() => (h * 2f).Sum().Backward());

        error.Message.ShouldContain("second time");
        error.Message.ShouldContain("retainGraph: true");
        x.Grad!.ToArray().ShouldBe([3f, 3f]);
    }

    [Fact]
    public void ZeroGrad_AfterBackward_ClearsGradSoNextBackwardStartsFresh()
    {
        var x = Tensor.FromArray([1f, 2f], 2).RequireGrad();
        (x * 3f).Sum().Backward();

        x.ZeroGrad();
        (x * 2f).Sum().Backward();

        x.Grad!.ToArray().ShouldBe([2f, 2f]);
    }

    [Fact]
    public void Backward_WithGradientArgument_UsesItAsUpstream()
    {
        var x = Tensor.FromArray([1f, 2f, 3f], 3).RequireGrad();

        (x * x).Backward(Tensor.FromArray([1f, 0f, -1f], 3));

        x.Grad!.ToArray().ShouldBe([2f, 0f, -6f]);
    }

    [Fact]
    public void NoGrad_Scope_RecordsNothingAndRestoresAfterwards()
    {
        var x = Tensor.Ones(2).RequireGrad();

        Tensor inside;
        using (Tensor.NoGrad())
        {
            Tensor.IsGradEnabled.ShouldBeFalse();
            inside = x * 2f;
        }

        inside.RequiresGrad.ShouldBeFalse();
        inside.GradFnName.ShouldBeNull();
        Tensor.IsGradEnabled.ShouldBeTrue();
        (x * 2f).RequiresGrad.ShouldBeTrue();
    }

    [Fact]
    public void Detach_SharesStorageAndStopsGradient()
    {
        var x = Tensor.FromArray([1f, 2f], 2).RequireGrad();
        var y = x * 2f;

        var d = y.Detach();
        ((d * x).Sum()).Backward();

        d.RequiresGrad.ShouldBeFalse();
        d.IsLeaf.ShouldBeTrue();
        x.Grad!.ToArray().ShouldBe([2f, 4f]);
        using (Tensor.NoGrad())
        {
            y.Fill(7);
        }

        d.ToArray().ShouldBe([7f, 7f]);
    }

    [Fact]
    public void Backward_NonScalarWithoutGradient_ThrowsNamingShape()
    {
        var x = Tensor.Ones(2, 2).RequireGrad();

        var ex = Should.Throw<InvalidOperationException>(() => (x * 2f).Backward());

        ex.Message.ShouldContain("[2, 2]");
    }

    [Fact]
    public void Backward_TensorWithoutGrad_Throws()
    {
        Should.Throw<InvalidOperationException>(() => Tensor.Ones(1).Backward());
    }

    [Fact]
    public void RequiresGrad_SetOnNonLeaf_Throws()
    {
        var y = Tensor.Ones(2).RequireGrad() * 2f;

        Should.Throw<InvalidOperationException>(() => y.RequiresGrad = false);
        y.GradFnName.ShouldBe("MulBackward");
    }

    [Fact]
    public void InPlace_OnTensorRequiringGradOutsideNoGrad_Throws()
    {
        var w = Tensor.Ones(2).RequireGrad();

        Should.Throw<InvalidOperationException>(() => w.AddInPlace(Tensor.Ones(2)));
        using (Tensor.NoGrad())
        {
            w.AddInPlace(Tensor.Ones(2), -0.5f).MulInPlace(4f);
        }

        w.ToArray().ShouldBe([2f, 2f]);
    }

    [Fact]
    public void Backward_IntermediateTensor_GetsNoGrad()
    {
        var x = Tensor.Ones(2).RequireGrad();
        var y = x * 2f;

        y.Sum().Backward();

        y.Grad.ShouldBeNull();
        x.Grad.ShouldNotBeNull();
    }

    [Fact]
    public void Backward_DeepChain_DoesNotOverflowTheStack()
    {
        var x = Tensor.Ones(1).RequireGrad();
        var y = x;
        for (var i = 0; i < 20_000; i++)
        {
            y = y + 0f;
        }

        y.Sum().Backward();

        x.Grad!.Item().ShouldBe(1f);
    }

    [Fact]
    public async Task NoGrad_AcrossAwait_StaysDisabledUntilDisposed()
    {
        var x = Tensor.Ones(2).RequireGrad();

        using (Tensor.NoGrad())
        {
            await Task.Yield();
            (x * 2f).RequiresGrad.ShouldBeFalse();
        }

        (x * 2f).RequiresGrad.ShouldBeTrue();
    }
}

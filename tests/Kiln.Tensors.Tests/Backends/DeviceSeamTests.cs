namespace Kiln.Tensors.Tests.Backends;

public sealed class DeviceSeamTests
{
    private static readonly Device Fake = ForwardingBackend.Instance.Device;

    [Fact]
    public void To_RegisteredDevice_MovesDataAndKeepsOriginal()
    {
        var cpu = Tensor.FromArray([1f, 2f, 3f], 3);

        var moved = cpu.To(Fake);

        moved.Device.ShouldBe(Fake);
        cpu.Device.ShouldBe(Device.Cpu);
        moved.ToArray().ShouldBe([1f, 2f, 3f]);
        Fake.IsAvailable.ShouldBeTrue();
    }

    [Fact]
    public void Ops_OnAnotherDevice_RunThroughThatBackendWithAutograd()
    {
        var x = Tensor.FromArray([1f, -2f, 3f, 0.5f, 1.5f, -1f], 2, 3).RequireGrad();
        var w = Tensor.FromArray([0.5f, -1f, 2f, 1f, 0f, 3f], 3, 2).RequireGrad();
        var before = ForwardingBackend.Instance.KernelCalls;

        var loss = x.To(Fake).MatMul(w.To(Fake)).Relu().Sum();
        loss.Backward();

        loss.Device.ShouldBe(Fake);
        ForwardingBackend.Instance.KernelCalls.ShouldBeGreaterThan(before);
        x.Grad!.Device.ShouldBe(Device.Cpu);
        var expected = Tensor.FromArray([1f, -2f, 3f, 0.5f, 1.5f, -1f], 2, 3).MatMul(Tensor.FromArray([0.5f, -1f, 2f, 1f, 0f, 3f], 3, 2));
        loss.Item().ShouldBe(expected.Relu().Sum().Item(), 1e-5f);
    }

    [Fact]
    public void Add_TensorsOnDifferentDevices_ThrowsDeviceMismatch()
    {
        var a = Tensor.Ones(2);
        var b = Tensor.Ones(2).To(Fake);

        var ex = Should.Throw<DeviceMismatchException>(() => a + b);

        ex.Message.ShouldBe($"Add: tensors are on cpu and {Fake}; move one with .To(device) first.");
    }

    [Fact]
    public void To_UnregisteredDevice_ThrowsWithDeviceName()
    {
        var ex = Should.Throw<NotSupportedException>(() => Tensor.Ones(2).To(new Device(DeviceType.Cuda, 3)));

        ex.Message.ShouldContain("cuda:3");
    }

    [Fact]
    public void Parse_DeviceStrings_ReturnsTypeAndIndex()
    {
        Device.Parse("cpu").ShouldBe(Device.Cpu);
        Device.Parse("cuda:1").ShouldBe(new Device(DeviceType.Cuda, 1));
        Device.Parse("opencl").ToString().ShouldBe("opencl:0");
        Should.Throw<FormatException>(() => Device.Parse("tpu"));
    }
}

namespace Kiln.Cli.Tests;

public class DoctorCommandTests
{
    [Fact]
    public async Task Doctor_OnThisMachine_ReportsLibrariesDevicesAndTheChoice()
    {
        var (exitCode, output) = await KilnProcess.RunAsync(Path.GetTempPath(), new Dictionary<string, string?>(), "doctor");

        exitCode.ShouldBe(0, output);
        output.ShouldContain("libopenblas.so.0");
        output.ShouldContain("libOpenCL.so.1");
        output.ShouldContain("libcuda.so.1");
        output.ShouldContain("Best device: ");
        output.ShouldContain("<- chosen");
    }
}

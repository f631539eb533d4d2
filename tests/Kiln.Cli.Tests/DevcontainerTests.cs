using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kiln.Cli.Tests;

public class DevcontainerTests
{
    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Kernel.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Kernel.sln not found above " + AppContext.BaseDirectory);
    }

    [Fact]
    public void DevcontainerJson_IsJsonWithComments_AndRunsTheSetupScript()
    {
        var root = RepositoryRoot();
        var text = File.ReadAllText(Path.Combine(root, ".devcontainer", "devcontainer.json"));

        // JSON with comments (the devcontainer spec's "jsonc"): comments allowed, trailing commas not.
        var json = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip })!;

        json["image"]!.GetValue<string>().ShouldContain("dotnet");
        json["customizations"]!["vscode"]!["extensions"]!.AsArray().Select(e => e!.GetValue<string>()).ShouldContain("ms-toolsai.jupyter");
        var command = json["postCreateCommand"]!.GetValue<string>();
        command.ShouldBe("bash .devcontainer/setup.sh");
        File.Exists(Path.Combine(root, ".devcontainer", "setup.sh")).ShouldBeTrue();
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kiln.Cli.Tests;

public class DevcontainerTests
{
    [Fact]
    public void DevcontainerJson_IsJsonWithComments_AndRunsTheSetupScript()
    {
        var root = RepositoryPaths.Root;
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

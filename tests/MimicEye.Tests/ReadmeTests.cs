using MimicEye.Pipeline;
using MimicEye.Tests.Support;

namespace MimicEye.Tests;

/// <summary>The README says what the code does: its issue table is the catalogue, and its quick start runs.</summary>
public class ReadmeTests
{
    static string Readme => File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));

    static string IssueTable() =>
        "| code | severity | meaning |\n|---|---|---|\n"
        + string.Concat(Enum.GetValues<IssueCode>().Select(c => $"| `{c}` | {IssueCatalog.SeverityOf(c)} | {IssueCatalog.Meaning(c)} |\n"));

    [Fact]
    public void Issue_table_lists_every_code_of_the_catalogue()
    {
        var readme = Readme;
        var start = readme.IndexOf("<!-- issues -->\n", StringComparison.Ordinal) + "<!-- issues -->\n".Length;
        var end = readme.IndexOf("<!-- /issues -->", StringComparison.Ordinal);
        var actual = readme[start..end];
        if (Environment.GetEnvironmentVariable("MIMICEYE_ACCEPT") == "1")
        {
            File.WriteAllText(Path.Combine(RepoPaths.Root, "README.md"), readme[..start] + IssueTable() + readme[end..]);
            return;
        }
        Assert.Equal(IssueTable(), actual);
    }

    [Fact]
    public void Quick_start_build_command_works_on_the_shipped_samples()
    {
        var line = Readme.Split('\n').First(l => l.Contains("dotnet run --project src/MimicEye -- build", StringComparison.Ordinal)).Trim();
        var args = line[(line.IndexOf(" -- ", StringComparison.Ordinal) + 4)..].Split(' ');
        Assert.Equal(["build", "--source", "samples", "--out", "out/mimic-eye"], args);
        using var temp = new TempDir("readme");
        var result = CliRunner.Run("build", "--source", Path.Combine(RepoPaths.Root, args[2]), "--out", temp.Sub("out"));
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("cohort patients", result.Out);
    }
}

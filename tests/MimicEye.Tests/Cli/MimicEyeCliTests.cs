using MimicEye.Tests.Support;

namespace MimicEye.Tests.Cli;

public class MimicEyeCliTests
{
    [Fact]
    public void Help_lists_the_commands_and_exits_0()
    {
        var result = CliRunner.Run("--help");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("samples", result.Out);
        Assert.Contains("check", result.Out);
    }

    [Fact]
    public void Unknown_command_is_a_usage_error_with_exit_2_and_a_hint()
    {
        var result = CliRunner.Run("frobnicate");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("frobnicate", result.Error);
        Assert.Contains("mimiceye --help", result.Error);
    }
}

public class HelpTests
{
    public static TheoryData<string> CommandNames() => [.. MimicEye.Cli.MimicEyeCli.Create().Subcommands.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(CommandNames))]
    public void Every_command_has_a_description_an_example_and_described_options(string name)
    {
        var command = MimicEye.Cli.MimicEyeCli.Create().Subcommands.Single(c => c.Name == name);
        Assert.False(string.IsNullOrWhiteSpace(command.Description));
        Assert.Contains("Example:", command.Description);
        Assert.Contains("mimiceye " + name, command.Description);
        Assert.All(command.Options, o => Assert.False(string.IsNullOrWhiteSpace(o.Description), $"{name} {o.Name} has no description"));
        var help = CliRunner.Run(name, "--help");
        Assert.Equal(0, help.ExitCode);
        Assert.Contains("Usage:", help.Out);
    }

    [Fact]
    public void Missing_required_option_is_a_usage_error_naming_the_right_form()
    {
        var result = CliRunner.Run("build", "--source", "x");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--out", result.Error);
        Assert.Contains("mimiceye build --help", result.Error);
    }

    [Fact]
    public void Version_prints_the_version()
    {
        var result = CliRunner.Run("--version");
        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", result.Out);
    }
}

public class ReportCommandTests
{
    [Fact]
    public void Report_prints_the_funnel_of_a_build_and_fails_on_a_folder_without_one()
    {
        using var temp = new TempDir("report");
        Assert.Equal(0, CliRunner.Run("build", "--source", RepoPaths.Samples, "--out", temp.Sub("out"), "--images", "none").ExitCode);
        var report = CliRunner.Run("report", "--out", temp.Sub("out"));
        Assert.Equal(0, report.ExitCode);
        Assert.Equal(File.ReadAllText(temp.Sub("out", "REPORT.md")), report.Out);
        Assert.Contains("cohort patients | 14", report.Out);
        var missing = CliRunner.Run("report", "--out", temp.Path);
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("REPORT.md", missing.Error);
    }
}

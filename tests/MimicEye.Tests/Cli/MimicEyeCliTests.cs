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

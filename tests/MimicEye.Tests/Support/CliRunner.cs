using System.CommandLine;

using MimicEye.Cli;

namespace MimicEye.Tests.Support;

/// <summary>Runs mimiceye in-process through its parser with captured stdout and stderr.</summary>
static class CliRunner
{
    public sealed record Result(int ExitCode, string Out, string Error);

    public static Result Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = MimicEyeCli.Run(args, new InvocationConfiguration { Output = output, Error = error });
        return new Result(code, output.ToString(), error.ToString());
    }
}

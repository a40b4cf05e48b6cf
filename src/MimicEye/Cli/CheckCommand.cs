using System.CommandLine;

namespace MimicEye.Cli;

/// <summary>Placeholder replaced by the check issue's implementation.</summary>
sealed class CheckCommand : MimicEyeCommand
{
    public CheckCommand() : base("check", "Validate a source tree before any heavy work; writes nothing", "mimiceye check --source ~/physionet.org/files")
    {
    }

    protected override int Execute(ParseResult parse, CliContext context, CancellationToken cancel) => throw new NotImplementedException();
}

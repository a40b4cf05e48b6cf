using System.CommandLine;

namespace MimicEye.Cli;

/// <summary>Placeholder replaced by the check issue's implementation.</summary>
sealed class SamplesCommand : MimicEyeCommand
{
    public SamplesCommand() : base("samples", "Write a synthetic source tree", "mimiceye samples --to samples")
    {
    }

    protected override int Execute(ParseResult parse, CliContext context, CancellationToken cancel) => throw new NotImplementedException();
}

using System.CommandLine;

namespace MimicEye.Cli;

/// <summary>Placeholder replaced by the check issue's implementation.</summary>
sealed class PreviewCommand : MimicEyeCommand
{
    public PreviewCommand() : base("preview", "Draw an X-ray with its REFLACX and EGD annotations", "mimiceye preview --out mimic-eye --dicom-id ID --to preview.png")
    {
    }

    protected override int Execute(ParseResult parse, CliContext context, CancellationToken cancel) => throw new NotImplementedException();
}

using System.CommandLine;

using MimicEye.Dataset;
using MimicEye.Pipeline;

namespace MimicEye.Cli;

/// <summary><c>mimiceye report --out DIR</c>: prints the funnel of an existing build (its REPORT.md).</summary>
sealed class ReportCommand : MimicEyeCommand
{
    readonly Option<DirectoryInfo> _out = new("--out", "-o") { Description = "A folder written by mimiceye build", Required = true, HelpName = "dir" };

    public ReportCommand() : base("report", "Print the funnel of an existing build (REPORT.md)", "mimiceye report --out ~/mimic-eye")
    {
        Options.Add(_out);
    }

    protected override int Execute(ParseResult parse, CliContext context, CancellationToken cancel)
    {
        var path = Path.Combine(parse.GetRequiredValue(_out).FullName, OutputLayout.ReportFile);
        if (!File.Exists(path))
            throw new MimicEyeException($"{path} not found: is this a folder written by 'mimiceye build'?");
        context.Out.Write(File.ReadAllText(path));
        return MimicEyeCli.Success;
    }
}

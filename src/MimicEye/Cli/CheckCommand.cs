using System.CommandLine;

using MimicEye.Checking;
using MimicEye.Dataset;

namespace MimicEye.Cli;

/// <summary><c>mimiceye check</c>: validates the source tree (SPEC §2) and prints the report; exit 1 on any
/// problem. Writes nothing. The checks themselves live in <see cref="SourceChecker"/>.</summary>
sealed class CheckCommand : MimicEyeCommand
{
    readonly SourceOptionSet _sources = new();

    readonly Option<bool> _checksums = new("--checksums")
    {
        Description = "Also verify the files against PhysioNet's SHA256SUMS.txt of each version folder (reads every listed file present)",
    };

    public CheckCommand() : base("check", "Validate a source tree before any heavy work; writes nothing", "mimiceye check --source ~/physionet.org/files")
    {
        _sources.AddTo(this, sourceRequired: false);
        Options.Add(_checksums);
        Validators.Add(r =>
        {
            if (r.GetResult(_sources.Source) is null && _sources.Overrides.Values.All(o => r.GetResult(o) is null))
                r.AddError("give --source DIR, or the project folders with --mimic-iv DIR, --mimic-iv-ed DIR, ...");
        });
    }

    protected override int Execute(ParseResult parse, CliContext context, CancellationToken cancel)
    {
        var layout = SourceLayout.Discover(_sources.Read(parse));
        var report = new SourceChecker(context.Log).Check(layout, new CheckOptions(parse.GetValue(_checksums)), cancel);
        foreach (var line in CheckReportText.Lines(report))
            context.Out.WriteLine(line);
        return report.Ok ? MimicEyeCli.Success : MimicEyeCli.Failure;
    }
}

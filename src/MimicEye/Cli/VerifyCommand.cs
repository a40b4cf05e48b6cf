using System.CommandLine;

using MimicEye.Verifying;

namespace MimicEye.Cli;

/// <summary><c>mimiceye verify --out DIR</c>: every file against SHA256SUMS.txt and build.json.</summary>
sealed class VerifyCommand : MimicEyeCommand
{
    readonly Option<DirectoryInfo> _out = new("--out", "-o") { Description = "A folder written by mimiceye build", Required = true, HelpName = "dir" };

    public VerifyCommand() : base("verify", "Check a built tree against its SHA256SUMS.txt and build.json: modified, missing and extra files",
        "mimiceye verify --out ~/mimic-eye")
    {
        Options.Add(_out);
    }

    protected override int Execute(ParseResult parse, CliContext context, CancellationToken cancel)
    {
        var report = TreeVerifier.Verify(parse.GetRequiredValue(_out).FullName, Environment.ProcessorCount, cancel);
        foreach (var path in report.Modified)
            context.Out.WriteLine($"modified: {path}");
        foreach (var path in report.Missing)
            context.Out.WriteLine($"missing: {path}");
        foreach (var path in report.Extra)
            context.Out.WriteLine($"extra: {path}");
        foreach (var problem in report.Problems)
            context.Out.WriteLine($"problem: {problem}");
        context.Out.WriteLine(report.Ok
            ? $"verify: OK, {report.Listed} files match SHA256SUMS.txt"
            : $"verify: {report.Modified.Count} modified, {report.Missing.Count} missing, {report.Extra.Count} extra, {report.Problems.Count} other problems");
        return report.Ok ? MimicEyeCli.Success : MimicEyeCli.Failure;
    }
}

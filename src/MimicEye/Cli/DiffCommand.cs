using System.CommandLine;
using System.Globalization;

using MimicEye.Diffing;

namespace MimicEye.Cli;

/// <summary><c>mimiceye diff A B</c>: what differs between two output trees, e.g. a default build and a
/// <c>--compat mimic-eye-1.0</c> build of the same sources. Exit 0 equal, 1 different, 2 usage error.</summary>
sealed class DiffCommand : MimicEyeCommand
{
    readonly Argument<DirectoryInfo> _a = new Argument<DirectoryInfo>("A") { Description = "The first output tree" }.AcceptExistingOnly();

    readonly Argument<DirectoryInfo> _b = new Argument<DirectoryInfo>("B") { Description = "The second output tree" }.AcceptExistingOnly();

    readonly Option<string> _format = new Option<string>("--format")
    {
        Description = "text (a summary, then details per file) or csv (kind,path,key,column,a,b for scripts)",
        DefaultValueFactory = _ => "text",
        HelpName = "text|csv",
    }.AcceptOnlyFromAmong("text", "csv");

    readonly Option<int?> _maxRows = new("--max-rows")
    {
        Description = $"Rows of each kind listed per file, 0 for all (default {DiffOptions.DefaultMaxRows} with text, all with csv); counts are always complete",
        HelpName = "n",
        CustomParser = r =>
        {
            var raw = r.Tokens[0].Value;
            if (!int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
                r.AddError($"--max-rows must be a whole number, 0 for all (got '{raw}')");
            return value;
        },
    };

    public DiffCommand() : base("diff",
        "Compare two output trees: files only in one, rows added, removed and changed per CSV (by key where the table has one), "
        + "stay_id changes with the matching reasons. Values are printed only for identifier columns",
        "mimiceye diff mimic-eye mimic-eye-compat --max-rows 5")
    {
        Arguments.Add(_a);
        Arguments.Add(_b);
        Options.Add(_format);
        Options.Add(_maxRows);
    }

    protected override int Execute(ParseResult parse, CliContext context, CancellationToken cancel)
    {
        var format = parse.GetValue(_format) == "csv" ? DiffFormat.Csv : DiffFormat.Text;
        var maxRows = parse.GetValue(_maxRows) ?? (format == DiffFormat.Csv ? 0 : DiffOptions.DefaultMaxRows);
        var (a, b) = (parse.GetRequiredValue(_a).FullName, parse.GetRequiredValue(_b).FullName);
        context.Log.Information("Comparing {A} with {B}", a, b);
        var report = TreeDiff.Compare(a, b, new DiffOptions(maxRows), cancel);
        foreach (var file in report.Differing.Where(d => d.Csv?.Matching == RowMatching.Unreadable))
            context.Log.Warning("{Path}: {Note}", file.Path, file.Csv!.Note);
        if (format == DiffFormat.Csv)
            DiffCsvWriter.Write(report, context.Out);
        else
            DiffWriter.WriteText(report, context.Out);
        return report.Equal ? MimicEyeCli.Success : MimicEyeCli.Failure;
    }
}

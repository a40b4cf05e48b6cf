using System.CommandLine;
using System.Globalization;

using MimicEye.Dataset;
using MimicEye.Planning;

namespace MimicEye.Cli;

/// <summary><c>mimiceye plan</c>: the cohort, and every file the build needs that is missing locally, one
/// relative path per line on stdout (counts and the disk estimate go to the log, on stderr), so the output
/// can be fed to <c>wget -i</c> (with <c>--url-prefix</c>) or <c>rsync --files-from</c>.</summary>
sealed class PlanCommand : MimicEyeCommand
{
    readonly SourceOptionSet _sources = new();
    readonly Option<string?> _urlPrefix = new("--url-prefix")
    {
        Description = "Put this before each path, e.g. https://physionet.org/files/ to make a list for wget -i",
        HelpName = "url",
    };

    readonly Option<DirectoryInfo?> _out = new("--out", "-o")
    {
        Description = "Where the build will write (for the free-space check; default: the current folder)",
        HelpName = "dir",
    };

    public PlanCommand() : base("plan", "List the files a build needs that are missing locally (the cohort's JPGs above all), with counts and disk space",
        "mimiceye plan --source ~/physionet.org/files --url-prefix https://physionet.org/files/ > need.txt")
    {
        _sources.AddTo(this, sourceRequired: false);
        Options.Add(_urlPrefix);
        Options.Add(_out);
    }

    protected override int Execute(ParseResult parse, CliContext context, CancellationToken cancel)
    {
        var sources = SourceLayout.Discover(_sources.Read(parse));
        var plan = DownloadPlanner.Plan(sources, parse.GetValue(_out)?.FullName);
        var prefix = parse.GetValue(_urlPrefix) ?? "";
        foreach (var path in plan.Missing)
            context.Out.WriteLine(prefix + path);
        var log = context.Log;
        log.Information("Cohort: {Images} images of {Patients} patients in {Studies} studies", plan.CohortImages, plan.CohortPatients, plan.CohortStudies);
        log.Information("Study images: {Needed} needed, {Present} present; reports: {ReportsNeeded} needed, {ReportsPresent} present",
            plan.ImagesNeeded, plan.ImagesPresent, plan.ReportsNeeded, plan.ReportsPresent);
        log.Information("Missing: {Count} files or folders (listed on stdout)", plan.Missing.Count);
        log.Information("--out will need about {Need}; free there: {Free}", Size(plan.EstimatedOutputBytes), plan.FreeBytes is { } f ? Size(f) : "unknown");
        foreach (var note in plan.Notes)
            log.Information("Note: {Note:l}", note);
        if (plan.FreeBytes is { } free && free < plan.EstimatedOutputBytes)
            log.Warning("Not enough free space for the build at --out");
        return MimicEyeCli.Success;
    }

    static string Size(long bytes) => bytes switch
    {
        >= 1L << 30 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 30):0.0} GiB"),
        >= 1L << 20 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 20):0.0} MiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.0} KiB"),
    };
}

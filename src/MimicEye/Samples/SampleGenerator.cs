using System.Diagnostics;
using System.Text;

using MimicEye.Dataset;

using Serilog;

namespace MimicEye.Samples;

/// <summary>Writes a synthetic PhysioNet source tree (SPEC §10, <c>mimiceye samples</c>): every table
/// mimiceye reads, in the real layout, names, columns and dialects, with every quirk of reference/
/// carried by a scripted subject. Same options, same bytes.</summary>
static class SampleGenerator
{
    public static SampleSummary Generate(SampleOptions options, ILogger? log = null, CancellationToken cancel = default)
    {
        options.Validate();
        var root = Path.GetFullPath(options.To);
        SampleTree.Prepare(root);
        var clock = Stopwatch.StartNew();
        var plan = SamplePlan.Build(options);
        var output = new SampleOutput(root);
        var ctx = new SampleContext(plan, output, cancel);
        log?.Debug("Planned {Cohort} cohort and {Others} other subjects in {Seconds:F1} s", plan.Cohort.Count, plan.Others.Count, clock.Elapsed.TotalSeconds);

        // The README goes first: it marks the folder as a samples tree, so even an interrupted run can be replaced.
        output.WriteText(SampleTree.ReadmeFile, SampleReadme.Text(plan));
        output.WriteIndexHtml(SampleContext.Files);
        output.WriteIndexHtml(SampleContext.Project(ProjectKind.MimicIv));
        output.WriteIndexHtml(SampleContext.Project(ProjectKind.MimicIvEd));

        HospWriter.Write(ctx);
        var labRows = Step(log, "labevents", clock, () => LabEventsWriter.Write(ctx));
        IcuWriter.Write(ctx);
        var chartRows = Step(log, "chartevents", clock, () => ChartEventsWriter.Write(ctx));
        EdWriter.Write(ctx);
        var jpegs = Step(log, "MIMIC-CXR-JPG", clock, () => CxrWriter.Write(ctx));
        Step(log, "MIMIC-CXR reports", clock, () => ReportWriter.Write(ctx));
        var readings = Step(log, "REFLACX", clock, () => ReflacxWriter.Write(ctx));
        var egd = Step(log, "EGD-CXR", clock, () => EyeGazeWriter.Write(ctx));
        WriteChecksums(output);

        var summary = new SampleSummary(root, options.Seed, plan.Cohort.Count, plan.Others.Count, plan.CohortImages.Count(),
            plan.ById.Sum(s => s.Studies.Count(st => st.InCohort)), jpegs, readings, egd, labRows, chartRows, output.FileCount, output.ByteCount);
        log?.Information("Wrote {Files} files ({MB:F1} MB) in {Seconds:F1} s to {Root}", summary.Files, summary.Bytes / 1e6, clock.Elapsed.TotalSeconds, root);
        return summary;
    }

    static T Step<T>(ILogger? log, string name, Stopwatch clock, Func<T> step)
    {
        var start = clock.Elapsed;
        var result = step();
        log?.Debug("{Step}: {Count} in {Seconds:F1} s", name, result, (clock.Elapsed - start).TotalSeconds);
        return result;
    }

    /// <summary>A SHA256SUMS.txt in each project's version folder, in PhysioNet's (sha256sum) format. wget's
    /// index.html files are not part of a project, so they are not listed.</summary>
    static void WriteChecksums(SampleOutput output)
    {
        foreach (var kind in ProjectKinds.All)
        {
            var project = SampleContext.Project(kind) + "/";
            var lines = new StringBuilder();
            foreach (var (path, hash) in output.Hashes)
            {
                if (path.StartsWith(project, StringComparison.Ordinal) && !path.EndsWith("/index.html", StringComparison.Ordinal))
                    lines.Append(hash).Append("  ").Append(path[project.Length..]).Append('\n');
            }
            output.WriteText(project + "SHA256SUMS.txt", lines.ToString());
        }
    }
}

using System.Diagnostics;
using System.Text.Json.Nodes;

using MimicEye.Dataset;
using MimicEye.Pipeline.EyeGazeRepair;
using MimicEye.Pipeline.Output;
using MimicEye.Pipeline.ReflacxMerge;
using MimicEye.Pipeline.StayMatching;
using MimicEye.Pipeline.Writing;

using Serilog;

namespace MimicEye.Pipeline;

/// <summary>Runs phases in order, in plain code: discover the sources, check them before writing anything,
/// run each phase (recording the files it wrote), then write REPORT.md, SHA256SUMS.txt and build.json.</summary>
static class BuildPipeline
{
    public static BuildOutcome Run(BuildOptions options, IReadOnlyList<Phase> phases, ILogger log, CancellationToken cancel,
        IBuildProgress? progress = null)
    {
        progress ??= NoProgress.Instance;
        var sources = SourceLayout.Discover(options.Source);
        foreach (var (kind, project) in sources.Projects.OrderBy(p => p.Key))
            log.Debug("{Project}: {Where}", ProjectKinds.Title(kind), project.Describe());
        SourcePreflight.Check(sources, phases, options.Compat);

        var output = new OutputLayout(options.Out);
        OutputFolder.Prepare(output, options.Force);
        try
        {
            return RunPhases(options, phases, sources, output, log, cancel, progress);
        }
        catch
        {
            // Each writer removes its own temporary file when it fails; this also catches one whose clean-up
            // failed in turn (a full disk can fail the flush in Dispose too). A kill skips this: the next run's
            // Prepare removes them.
            OutputFolder.RemoveTemporaryFiles(output);
            throw;
        }
    }

    static BuildOutcome RunPhases(BuildOptions options, IReadOnlyList<Phase> phases, SourceLayout sources, OutputLayout output, ILogger log,
        CancellationToken cancel, IBuildProgress progress)
    {
        var manifest = BuildManifest.Load(output);
        manifest.SetHeader(options, sources);
        var issues = new IssueLog();
        // Hashes the writers computed as they wrote (relative path -> facts), so the finish step need not read those files again.
        var fresh = new Dictionary<string, FileFacts>(StringComparer.Ordinal);

        foreach (var phase in phases)
        {
            cancel.ThrowIfCancellationRequested();
            var name = Phases.Name(phase);
            log.Information("Phase {Phase}: started", name);
            progress.PhaseStarted(name);
            var clock = Stopwatch.StartNew();
            var phaseIssues = new IssueLog();
            var registry = OutputRegistry.Begin();
            JsonObject counts;
            try
            {
                counts = RunPhase(phase, options, sources, output, phaseIssues, log, cancel, progress);
            }
            finally
            {
                OutputRegistry.End();
                foreach (var issue in phaseIssues.All)
                    issues.Add(issue);
            }
            // Read once, unsorted: CompletePhase sorts the list it writes (a write phase lists ~100,000 paths).
            var files = registry.FilesInAnyOrder;
            CompletePhase(name, files);
            foreach (var file in files)
            {
                // A later phase's rewrite without a hash replaces an earlier one with a hash.
                var relative = output.Relative(file);
                if (registry.FactsOf(file) is { Sha256: not null } facts)
                    fresh[relative] = facts;
                else
                    fresh.Remove(relative);
            }
            manifest.SetPhase(name, new JsonObject
            {
                ["rules"] = options.Compat ? "mimic-eye-1.0" : "default",
                ["options"] = PhaseOptions(phase, options),
                ["counts"] = counts,
                ["issues"] = IssueCounts(phaseIssues),
                ["files"] = files.Count,
                ["jobs"] = options.Jobs,
                ["seconds"] = Math.Round(clock.Elapsed.TotalSeconds, 2),
                ["finished_utc"] = DateTime.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            });
            progress.PhaseFinished(name, clock.Elapsed);
            log.Information("Phase {Phase}: done in {Seconds:0.0} s, {Files} files, {Problems} problems", name,
                clock.Elapsed.TotalSeconds, files.Count, phaseIssues.All.Count(i => i.Severity != Severity.Info));
        }

        var report = ReportWriter.Render(manifest);
        var finish = OutputRegistry.Begin();
        try
        {
            AtomicFile.WriteText(Path.Combine(output.Root, OutputLayout.ReportFile), report);
        }
        finally
        {
            OutputRegistry.End();
        }
        CompletePhase(Phases.Finish, finish.Files);
        var all = OutputFolder.AllFiles(output, Phases.All.Select(Phases.Name).Append(Phases.Finish));
        Checksums.Write(output, all, options.Jobs, fresh);
        manifest.Save(output);
        if (phases.Contains(Phase.Write))
            ResumeJournal.Remove(output);
        return new BuildOutcome(issues, report, output);

        // A file an earlier phase of this run wrote may have been this phase's before (another version of
        // mimiceye): removed now as stale, it must not be listed from what its writer knew.
        void CompletePhase(string phase, IReadOnlyCollection<string> written)
        {
            foreach (var removed in OutputFolder.CompletePhase(output, phase, written))
                fresh.Remove(output.Relative(removed));
        }
    }

    static JsonObject RunPhase(Phase phase, BuildOptions options, SourceLayout sources, OutputLayout output, IssueLog issues,
        ILogger log, CancellationToken cancel, IBuildProgress progress)
    {
        switch (phase)
        {
            case Phase.Stays:
                var stays = StayMatchingPhase.Run(options, sources, output, issues);
                log.Information("Cohort: {Images} images of {Patients} patients; {Matched} matched to {Stays} distinct ED stays",
                    stays.Images, stays.Patients, stays.Matched, stays.DistinctStays);
                return new JsonObject
                {
                    ["images"] = stays.Images,
                    ["patients"] = stays.Patients,
                    ["matched_images"] = stays.Matched,
                    ["distinct_stays"] = stays.DistinctStays,
                    ["inside"] = stays.Inside,
                    ["window"] = stays.Window,
                    ["unmatched"] = new JsonObject(stays.Unmatched.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value))),
                };
            case Phase.Reflacx:
                var reflacx = ReflacxPhase.Run(options, sources, output);
                return new JsonObject { ["readings"] = reflacx.Readings, ["labels"] = reflacx.Labels.ToString().ToLowerInvariant(), ["columns"] = reflacx.Columns };
            case Phase.EyeGaze:
                var gaze = EyeGazePhase.Run(options, sources, output, issues, cancel);
                return new JsonObject { ["master_images"] = gaze.MasterImages, ["renamed"] = gaze.Renamed, ["dropped"] = gaze.Dropped, ["unresolved"] = gaze.Unresolved };
            case Phase.Write:
                var written = WritePhase.Run(options, sources, output, issues, cancel, progress);
                return new JsonObject
                {
                    ["patients"] = written.Patients,
                    ["resumed_items"] = written.ResumedItems,
                    ["patients_by_module"] = new JsonObject(written.PatientsByModule.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value))),
                    ["tables"] = new JsonObject(written.Tables.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)new JsonObject
                    {
                        ["rows_read"] = kv.Value.Read,
                        ["rows_written"] = kv.Value.Routed,
                        ["patients"] = kv.Value.Patients,
                    }))),
                };
            default:
                throw new ArgumentOutOfRangeException(nameof(phase));
        }
    }

    static JsonObject PhaseOptions(Phase phase, BuildOptions options) => phase switch
    {
        Phase.Stays => new JsonObject { ["window_days"] = options.Compat ? 0 : options.WindowDays },
        Phase.Reflacx => new JsonObject { ["reflacx_labels"] = options.EffectiveReflacxLabels.ToString().ToLowerInvariant() },
        Phase.EyeGaze => new JsonObject { ["eyegaze_trimmed"] = options.Compat ? "compat" : options.EyeGazeTrimmed.ToString().ToLowerInvariant() },
        Phase.Write => new JsonObject { ["images"] = options.Images.ToString().ToLowerInvariant() },
        _ => [],
    };

    static JsonObject IssueCounts(IssueLog issues) =>
        new(issues.CountsByCode().Select(kv => KeyValuePair.Create(kv.Key.ToString(), (JsonNode?)kv.Value)));
}

sealed record BuildOutcome(IssueLog Issues, string Report, OutputLayout Output);

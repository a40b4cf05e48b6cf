using System.Diagnostics;

using MimicEye.Dataset;
using MimicEye.Pipeline;

using Serilog;

namespace MimicEye.Checking;

/// <summary>What check does beyond the always-run checks.</summary>
sealed record CheckOptions(bool Checksums);

/// <summary>Validates a source tree before any heavy work (SPEC §2): which projects and versions were
/// found, every catalogued table present with its required columns, every <c>.gz</c> complete, no table
/// reached through a link out of the source, and with <see cref="CheckOptions.Checksums"/> PhysioNet's
/// SHA256SUMS.txt. Reads only; image and report trees are not listed (hundreds of thousands of files).</summary>
sealed class SourceChecker(ILogger log)
{
    const long LargeFile = 64L << 20;

    public CheckReport Check(SourceLayout layout, CheckOptions options, CancellationToken cancel)
    {
        var projects = new List<(ProjectKind Kind, SourceProject? Project, List<TableStatus> Tables, List<string> Notes, SourceLinks? Links)>();
        var slots = new List<List<Issue>>();
        var jobs = new List<(SourceTable Table, string Path, long Size, int Slot)>();
        foreach (var kind in ProjectKinds.All)
        {
            var projectSlot = Slot(slots);
            var project = layout[kind];
            if (project is null)
            {
                projectSlot.Add(new Issue(IssueCode.MissingProject, layout.SourceRoot ?? "(no --source)", null, layout.ProblemOf(kind)!));
                projects.Add((kind, null, [], [], null));
                continue;
            }
            var links = new SourceLinks([layout.SourceRoot, project.Root]);
            var tables = new List<TableStatus>();
            var notes = new List<string>();
            foreach (var table in SourceTables.All.Where(t => t.Project == kind))
            {
                var slot = Slot(slots);
                var path = project.FindTable(table);
                var shadowed = project.ShadowedTable(table);
                tables.Add(new TableStatus(table, path, path is null ? 0 : new FileInfo(path).Length, shadowed));
                if (path is null)
                {
                    if (!table.Optional)
                        slot.Add(new Issue(IssueCode.MissingSourceFile, project.TablePath(table) + ".csv.gz", null, "missing (neither .csv.gz nor .csv is there)"));
                }
                else if (links.Escape(path) is { } real)
                    slot.Add(new Issue(IssueCode.UnsafeSourceLink, path, null, $"leads outside the source folder to {real}; not read"));
                else
                    jobs.Add((table, path, tables[^1].Size, slots.Count - 1));
            }
            notes.AddRange(FolderNotes(project));
            projects.Add((kind, project, tables, notes, links));
        }

        CheckFiles(jobs, slots, cancel);

        var issues = slots.SelectMany(s => s).ToList();
        var found = projects.Where(p => p.Project is not null).ToList();
        if (options.Checksums)
        {
            var summaries = ChecksumVerifier.Verify([.. found.Select(p => (p.Project!, p.Links!))], issues, cancel);
            foreach (var p in found)
            {
                var summary = summaries.FirstOrDefault(s => s.Kind == p.Kind);
                p.Notes.AddRange(summary is null ? [$"{SourceProject.ChecksumsFile}: not in the version folder; nothing to verify"] : ChecksumNotes(summary));
            }
        }
        else
        {
            foreach (var p in found.Where(p => File.Exists(Path.Combine(p.Project!.Root, SourceProject.ChecksumsFile))))
                p.Notes.Add($"{SourceProject.ChecksumsFile}: present (verify the files against it with --checksums)");
        }
        return new CheckReport(layout.SourceRoot, layout.SearchRoots,
            [.. projects.Select(p => new ProjectStatus(p.Kind, p.Project, p.Tables, p.Notes))], issues);
    }

    static List<Issue> Slot(List<List<Issue>> slots)
    {
        var slot = new List<Issue>();
        slots.Add(slot);
        return slot;
    }

    /// <summary>Headers and gzip integrity, in parallel over files, largest first. Each file's issues go
    /// to its own slot, so the report's order does not depend on which thread finished first.</summary>
    void CheckFiles(List<(SourceTable Table, string Path, long Size, int Slot)> jobs, List<List<Issue>> slots, CancellationToken cancel)
    {
        var gz = jobs.Where(j => j.Path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)).ToList();
        log.Information("Checking {Tables} table headers; inflating {Gz} .gz files ({Bytes}) to test their integrity",
            jobs.Count, gz.Count, CheckReportText.Size(gz.Sum(j => j.Size)));
        var results = new List<Issue>[jobs.Count];
        var order = Enumerable.Range(0, jobs.Count).OrderByDescending(i => jobs[i].Size).ThenBy(i => i).ToArray();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancel };
        Parallel.ForEach(InOrder.Of(order), parallel, i =>
        {
            var (table, path, size, _) = jobs[i];
            var clock = Stopwatch.StartNew();
            results[i] = TableFileCheck.Run(table, path, cancel);
            if (size >= LargeFile)
                log.Information("Checked {File} ({Bytes}) in {Seconds:0.0} s", path, CheckReportText.Size(size), clock.Elapsed.TotalSeconds);
            else
                log.Debug("Checked {File}", path);
        });
        for (var i = 0; i < jobs.Count; i++)
            slots[jobs[i].Slot].AddRange(results[i]);
    }

    /// <summary>Whether the per-case folders exist; their contents are not listed.</summary>
    static IEnumerable<string> FolderNotes(SourceProject project)
    {
        static string State(string dir) => Directory.Exists(dir) ? "present" : "absent";
        switch (project.Kind)
        {
            case ProjectKind.CxrJpg:
                var images = project.FilesFolder;
                yield return Directory.Exists(images)
                    ? "files/ (images): present; not listed here, `mimiceye plan` prints the ones the cohort needs"
                    : "files/ (images): absent; the build needs the cohort's images (see `mimiceye plan`) unless --images none";
                break;
            case ProjectKind.CxrReports:
                yield return $"{Path.GetRelativePath(project.Root, project.FilesFolder)}/ (report texts): present; not listed here";
                break;
            case ProjectKind.Reflacx:
                yield return $"main_data/ (per-reading folders): {State(Path.Combine(project.Root, "main_data"))}";
                yield return $"gaze_data/ (per-reading gaze.csv): {State(Path.Combine(project.Root, "gaze_data"))}";
                break;
            case ProjectKind.EyeGaze:
                yield return $"audio_segmentation_transcripts/: {State(Path.Combine(project.Root, "audio_segmentation_transcripts"))}";
                break;
        }
    }

    const int MaxNotDownloadedLines = 20;

    static IEnumerable<string> ChecksumNotes(ChecksumSummary summary)
    {
        yield return $"{SourceProject.ChecksumsFile}: {summary.Listed} files listed, {summary.Verified} verified, "
            + $"{summary.NotDownloaded.Count} not downloaded";
        foreach (var path in summary.NotDownloaded.Take(MaxNotDownloadedLines))
            yield return $"not downloaded: {path}";
        if (summary.NotDownloaded.Count > MaxNotDownloadedLines)
            yield return $"not downloaded: ... and {summary.NotDownloaded.Count - MaxNotDownloadedLines} more";
        if (summary.BadLines.Count > 0)
            yield return $"{SourceProject.ChecksumsFile}: {summary.BadLines.Count} lines ignored (not '<sha256>  <relative path>'), "
                + $"first at line {summary.BadLines[0]}";
    }
}

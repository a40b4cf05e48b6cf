using System.Security.Cryptography;
using System.Text.Json.Nodes;

using MimicEye.Dataset;
using MimicEye.Pipeline;
using MimicEye.Pipeline.Output;

namespace MimicEye.Verifying;

/// <summary>Checks a built tree against its SHA256SUMS.txt and build.json: files modified (hash differs),
/// missing (listed, absent) and extra (present in the tree's folders, not listed).</summary>
static class TreeVerifier
{
    public static VerifyReport Verify(string root, int jobs, CancellationToken cancel)
    {
        var output = new OutputLayout(root);
        var sumsPath = Path.Combine(output.Root, OutputLayout.ChecksumsFile);
        var buildPath = Path.Combine(output.Root, OutputLayout.BuildFile);
        if (!Directory.Exists(output.Root))
            throw new MimicEyeException($"--out {output.Root}: folder not found");
        if (!File.Exists(sumsPath) || !File.Exists(buildPath))
            throw new MimicEyeException($"{output.Root} is not a finished mimiceye output: {OutputLayout.ChecksumsFile} or {OutputLayout.BuildFile} is missing");

        var problems = new List<string>();
        JsonNode? build = null;
        try
        {
            build = JsonNode.Parse(File.ReadAllText(buildPath));
        }
        catch (System.Text.Json.JsonException e)
        {
            problems.Add($"{OutputLayout.BuildFile}: not valid JSON ({e.Message})");
        }
        var sums = Checksums.Read(sumsPath);
        if (build?["phases"] is JsonObject phases)
        {
            var listed = phases.Sum(p => p.Value?["files"]?.GetValue<int>() ?? 0);
            var expected = listed + 1; // REPORT.md, written after the phases
            if (expected != sums.Count)
                problems.Add($"{OutputLayout.BuildFile} says the phases wrote {expected} files, {OutputLayout.ChecksumsFile} lists {sums.Count}");
        }

        var modified = new System.Collections.Concurrent.ConcurrentBag<string>();
        var missing = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.ForEach(sums, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, jobs), CancellationToken = cancel }, entry =>
        {
            var path = Path.Combine(output.Root, entry.Key);
            if (!File.Exists(path))
            {
                missing.Add(entry.Key);
                return;
            }
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
            if (!string.Equals(Convert.ToHexStringLower(SHA256.HashData(stream)), entry.Value, StringComparison.Ordinal))
                modified.Add(entry.Key);
        });
        var extra = EnumerateTree(output).Where(p => !sums.ContainsKey(p)).Order(StringComparer.Ordinal).ToList();
        return new VerifyReport(sums.Count, [.. modified.Order(StringComparer.Ordinal)], [.. missing.Order(StringComparer.Ordinal)], extra, problems);
    }

    /// <summary>Files in the folders a build writes (spreadsheets/, patient_*/, REPORT.md).</summary>
    static IEnumerable<string> EnumerateTree(OutputLayout output)
    {
        var report = Path.Combine(output.Root, OutputLayout.ReportFile);
        if (File.Exists(report))
            yield return OutputLayout.ReportFile;
        var folders = Directory.EnumerateDirectories(output.Root)
            .Where(d => Path.GetFileName(d) == OutputLayout.SpreadsheetsFolder || Path.GetFileName(d).StartsWith("patient_", StringComparison.Ordinal));
        foreach (var folder in folders)
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
                yield return output.Relative(file);
        }
    }
}

sealed record VerifyReport(int Listed, IReadOnlyList<string> Modified, IReadOnlyList<string> Missing, IReadOnlyList<string> Extra, IReadOnlyList<string> Problems)
{
    public bool Ok => Modified.Count == 0 && Missing.Count == 0 && Extra.Count == 0 && Problems.Count == 0;
}

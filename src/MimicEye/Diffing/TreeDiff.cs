using MimicEye.Csv;
using MimicEye.Dataset;

namespace MimicEye.Diffing;

/// <summary>Compares two output trees (SPEC §8): files only in one, files that differ (CSV rows compared by
/// <see cref="CsvDiff"/>), identical files counted, and the stay_id assignments of cxr_meta.csv. Files are
/// compared in parallel; only CSVs that differ are ever parsed.</summary>
static class TreeDiff
{
    public static DiffReport Compare(string rootA, string rootB, DiffOptions options, CancellationToken cancel)
    {
        var a = new OutputLayout(rootA);
        var b = new OutputLayout(rootB);
        var filesA = TreeFiles.List(a.Root);
        var filesB = TreeFiles.List(b.Root);
        var (onlyA, onlyB, common) = Merge(filesA, filesB);

        var sumsA = TreeChecksums.Load(a.Root);
        var sumsB = TreeChecksums.Load(b.Root);
        var outcomes = new FileDifference?[common.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Jobs), CancellationToken = cancel };
        Parallel.For(0, common.Count, parallel, i =>
        {
            var relative = common[i];
            var (pathA, pathB) = (Full(a, relative), Full(b, relative));
            if (FileComparer.Same(relative, pathA, pathB, sumsA, sumsB, cancel))
                return;
            var csv = relative.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)
                ? CsvDiff.Compare(relative, pathA, pathB, options, cancel)
                : null;
            outcomes[i] = new FileDifference(relative, csv);
        });
        var differing = outcomes.OfType<FileDifference>().ToList();
        var stays = differing.Any(d => d.Path == StayDiff.Path && d.Csv?.Matching != RowMatching.Unreadable)
            ? Stays(a, b, options)
            : null;
        return new DiffReport(a.Root, b.Root, onlyA, onlyB, differing, common.Count - differing.Count, stays);
    }

    static StayDiff? Stays(OutputLayout a, OutputLayout b, DiffOptions options)
    {
        try
        {
            return StayDiff.Compare(a, b, options);
        }
        catch (CsvInputException)
        {
            // An unreadable stay_matching.csv is already reported as a differing file; the stay section is
            // an extra view, not worth failing the comparison for.
            return null;
        }
    }

    static string Full(OutputLayout tree, string relative) => Path.Combine(tree.Root, relative.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>Splits two ordinally sorted lists into only-in-A, only-in-B and common.</summary>
    static (List<string> OnlyA, List<string> OnlyB, List<string> Common) Merge(List<string> a, List<string> b)
    {
        var (onlyA, onlyB, common) = (new List<string>(), new List<string>(), new List<string>());
        int i = 0, j = 0;
        while (i < a.Count || j < b.Count)
        {
            var c = i == a.Count ? 1 : j == b.Count ? -1 : string.CompareOrdinal(a[i], b[j]);
            if (c < 0)
                onlyA.Add(a[i++]);
            else if (c > 0)
                onlyB.Add(b[j++]);
            else
            {
                common.Add(a[i++]);
                j++;
            }
        }
        return (onlyA, onlyB, common);
    }
}

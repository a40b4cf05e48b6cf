using System.Globalization;

using MimicEye.Csv;

namespace MimicEye.Diffing;

/// <summary>The row comparison of one CSV that differs between the trees: by key where <see cref="TableKeys"/>
/// names one (and it is present and unique in both files, and the files are small enough to load), else as
/// a multiset of rows. A file that cannot be read as CSV is reported as such, not as a failure of the diff.</summary>
static class CsvDiff
{
    public static CsvFileDiff Compare(string relative, string pathA, string pathB, DiffOptions options, CancellationToken cancel)
    {
        var diff = new CsvFileDiff(relative, options);
        try
        {
            // Each file is opened once: for thousands of small CSVs the opening, not the rows, is the cost.
            using var a = CsvFiles.Read(pathA);
            using var b = CsvFiles.Read(pathB);
            var map = ColumnMap.Of(a.Headers, b.Headers);
            diff.IndexColumn = map.Index;
            diff.ColumnsOnlyInA = map.OnlyInA;
            diff.ColumnsOnlyInB = map.OnlyInB;
            var bytes = new FileInfo(pathA).Length + new FileInfo(pathB).Length;
            if (TableKeys.For(relative) is { } key && CanKey(pathA, pathB, map, key, diff, options))
            {
                diff.Matching = RowMatching.Key;
                diff.KeyColumns = key;
                if (KeyedDiff.TryCompare(a, b, map, key, diff, cancel))
                    return diff;
                diff.Matching = RowMatching.Content;
                diff.KeyColumns = [];
                using var againA = CsvFiles.Read(pathA);
                using var againB = CsvFiles.Read(pathB);
                RowMultiset.Compare(againA, againB, bytes, map, diff, options, cancel);
                return diff;
            }
            RowMultiset.Compare(a, b, bytes, map, diff, options, cancel);
        }
        catch (CsvInputException e)
        {
            diff.Reset();
            diff.Matching = RowMatching.Unreadable;
            var side = e.FilePath == pathA ? "A" : "B";
            diff.Note = $"cannot be read as CSV in {side}: {e.Message[e.FilePath.Length..].TrimStart(',', ' ', ':')}";
        }
        return diff;
    }

    static bool CanKey(string pathA, string pathB, ColumnMap map, IReadOnlyList<string> key, CsvFileDiff diff, DiffOptions options)
    {
        var names = string.Join('+', key);
        if (map.KeyPositions(key) is null)
        {
            var side = key.All(map.PositionA.ContainsKey) ? "B" : "A";
            diff.Note = $"key {names} is missing in {side}; rows matched by content";
            return false;
        }
        if (Math.Max(new FileInfo(pathA).Length, new FileInfo(pathB).Length) > options.StreamThresholdBytes)
        {
            var mb = (options.StreamThresholdBytes / (1024.0 * 1024)).ToString("0.#", CultureInfo.InvariantCulture);
            diff.Note = $"larger than {mb} MB: rows matched by content, streamed (a changed row counts as removed + added)";
            return false;
        }
        return true;
    }
}

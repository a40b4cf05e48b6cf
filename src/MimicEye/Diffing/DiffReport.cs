namespace MimicEye.Diffing;

/// <summary>The result of comparing two output trees. Paths are relative, '/'-separated; identical files
/// are only counted.</summary>
sealed record DiffReport(
    string RootA,
    string RootB,
    IReadOnlyList<string> OnlyInA,
    IReadOnlyList<string> OnlyInB,
    IReadOnlyList<FileDifference> Differing,
    long Identical,
    StayDiff? Stays)
{
    public bool Equal => OnlyInA.Count == 0 && OnlyInB.Count == 0 && Differing.Count == 0;
}

/// <summary>A file present in both trees whose bytes differ; <see cref="Csv"/> holds the row comparison of
/// a CSV (null for other files).</summary>
sealed record FileDifference(string Path, CsvFileDiff? Csv);

enum RowChange
{
    Removed,
    Added,
    Changed,
}

/// <summary>A changed cell: the column name, and both values only when the column is an identifier
/// (<see cref="TableKeys.IsPrintable"/>).</summary>
sealed record CellChange(string Column, string? A, string? B);

/// <summary>One row difference. <see cref="Key"/> is the key value(s) joined with '|', or "line N" (the row's
/// line in A for removed rows, in B for added rows) when rows are matched by content.</summary>
sealed record RowDifference(RowChange Kind, string Key, IReadOnlyList<CellChange> Cells);

enum IndexColumn
{
    Same,
    OnlyInA,
    OnlyInB,
}

enum RowMatching
{
    /// <summary>By the key of <see cref="TableKeys"/>.</summary>
    Key,

    /// <summary>By whole-row content, as a multiset.</summary>
    Content,

    /// <summary>The file could not be read as CSV; compared by bytes only.</summary>
    Unreadable,
}

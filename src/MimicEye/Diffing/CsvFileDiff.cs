namespace MimicEye.Diffing;

/// <summary>The row and column differences of one CSV present in both trees. Counts are complete; the rows
/// kept for printing are capped per kind by <see cref="DiffOptions.MaxRows"/>.</summary>
sealed class CsvFileDiff(string path, DiffOptions options)
{
    readonly List<RowDifference> _rows = [];
    readonly long[] _counts = new long[3];
    readonly long[] _kept = new long[3];
    readonly SortedDictionary<string, long> _changedColumns = new(StringComparer.Ordinal);

    public string Path { get; } = path;

    public RowMatching Matching { get; set; } = RowMatching.Content;

    public IReadOnlyList<string> KeyColumns { get; set; } = [];

    public IndexColumn IndexColumn { get; set; } = IndexColumn.Same;

    public IReadOnlyList<string> ColumnsOnlyInA { get; set; } = [];

    public IReadOnlyList<string> ColumnsOnlyInB { get; set; } = [];

    /// <summary>Why rows were matched as they were (key missing or not unique, file too large, unreadable).</summary>
    public string? Note { get; set; }

    public long Removed => _counts[(int)RowChange.Removed];

    public long Added => _counts[(int)RowChange.Added];

    public long Changed => _counts[(int)RowChange.Changed];

    public IReadOnlyList<RowDifference> Rows => _rows;

    /// <summary>Changed rows per column name.</summary>
    public IReadOnlyDictionary<string, long> ChangedColumns => _changedColumns;

    public bool RowsEqual => Removed == 0 && Added == 0 && Changed == 0;

    public bool ColumnsEqual => ColumnsOnlyInA.Count == 0 && ColumnsOnlyInB.Count == 0;

    public void Add(RowChange kind, string key, IReadOnlyList<CellChange>? cells = null)
    {
        var k = (int)kind;
        _counts[k]++;
        foreach (var cell in cells ?? [])
            _changedColumns[cell.Column] = _changedColumns.GetValueOrDefault(cell.Column) + 1;
        if (options.Keeps(_kept[k]))
        {
            _kept[k]++;
            _rows.Add(new RowDifference(kind, key, cells ?? []));
        }
    }

    /// <summary>Counts rows without keeping them (the streamed path keeps its own smallest line numbers).</summary>
    public void Count(RowChange kind, long rows) => _counts[(int)kind] += rows;

    public void Keep(RowDifference row) => _rows.Add(row);

    /// <summary>Forgets every row (a keyed comparison that falls back to content matching starts over).</summary>
    public void Reset()
    {
        _rows.Clear();
        Array.Clear(_counts);
        Array.Clear(_kept);
        _changedColumns.Clear();
    }
}

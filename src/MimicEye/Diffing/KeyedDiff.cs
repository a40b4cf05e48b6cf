using System.Buffers;

using MimicEye.Csv;

namespace MimicEye.Diffing;

/// <summary>Compares two versions of a keyed table: A is loaded (its common cells packed per row), B is
/// streamed against it. A row whose key is in both and whose cells differ is changed; the changed column
/// names are recorded, values only for identifier columns.</summary>
static class KeyedDiff
{
    /// <summary>False (and <paramref name="diff"/> reset, with a note) when a key repeats in either file:
    /// the caller then matches rows by content.</summary>
    public static bool TryCompare(CsvTableReader a, CsvTableReader b, ColumnMap map, IReadOnlyList<string> keyNames, CsvFileDiff diff, CancellationToken cancel)
    {
        var (keyA, keyB) = map.KeyPositions(keyNames) ?? throw new ArgumentException("key columns missing", nameof(keyNames));
        var buffer = new ArrayBufferWriter<byte>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var rows = new List<byte[]>();
        while (a.Read())
        {
            Tick(a, cancel);
            var key = RowCells.Key(a, keyA);
            if (!index.TryAdd(key, rows.Count))
                return Repeats(diff, keyNames, "A", a.Line);
            RowCells.Pack(a, map.IndexA, buffer);
            rows.Add(buffer.WrittenSpan.ToArray());
        }
        var matched = new bool[rows.Count];
        // Repeats of keys A has show in matched[]; only B's new keys need a set of their own.
        var added = new HashSet<string>(StringComparer.Ordinal);
        while (b.Read())
        {
            Tick(b, cancel);
            var key = RowCells.Key(b, keyB);
            if (!index.TryGetValue(key, out var row))
            {
                if (!added.Add(key))
                    return Repeats(diff, keyNames, "B", b.Line);
                diff.Add(RowChange.Added, RowCells.DisplayKey(key));
                continue;
            }
            if (matched[row])
                return Repeats(diff, keyNames, "B", b.Line);
            matched[row] = true;
            if (Changes(rows[row], b, map) is { } cells)
                diff.Add(RowChange.Changed, RowCells.DisplayKey(key), cells);
        }
        foreach (var (key, row) in index.Where(e => !matched[e.Value]).OrderBy(e => e.Value))
            diff.Add(RowChange.Removed, RowCells.DisplayKey(key));
        return true;
    }

    /// <summary>The cells of B's current row that differ from A's packed row, or null when none does.</summary>
    static List<CellChange>? Changes(byte[] packed, CsvTableReader b, ColumnMap map)
    {
        List<CellChange>? cells = null;
        var offset = 0;
        for (var c = 0; c < map.Common.Length; c++)
        {
            var cellA = RowCells.Next(packed, ref offset);
            var cellB = b.Span(map.IndexB[c]);
            if (cellA.SequenceEqual(cellB))
                continue;
            var name = map.Common[c];
            cells ??= [];
            cells.Add(TableKeys.IsPrintable(name)
                ? new CellChange(name, RowCells.Text(cellA), RowCells.Text(cellB))
                : new CellChange(name, null, null));
        }
        return cells;
    }

    static bool Repeats(CsvFileDiff diff, IReadOnlyList<string> keyNames, string side, long line)
    {
        diff.Reset();
        diff.Note = $"key {string.Join('+', keyNames)} repeats in {side} (line {line}); rows matched by content";
        return false;
    }

    static void Tick(CsvTableReader reader, CancellationToken cancel)
    {
        if ((reader.RowIndex & 0xFFF) == 0)
            cancel.ThrowIfCancellationRequested();
    }
}

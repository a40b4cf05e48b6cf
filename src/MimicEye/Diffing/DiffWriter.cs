using System.Globalization;

namespace MimicEye.Diffing;

enum DiffFormat
{
    Text,
    Csv,
}

/// <summary>The human-readable report: a summary, then files only in one tree and files differing without
/// row differences (grouped by path pattern), then the rows of each differing CSV, then stay changes.
/// Only file names, keys, column names and identifier values are printed.</summary>
static class DiffWriter
{
    public static void WriteText(DiffReport report, TextWriter w)
    {
        w.WriteLine($"A: {report.RootA}");
        w.WriteLine($"B: {report.RootB}");
        w.WriteLine($"Files: {report.OnlyInA.Count} only in A, {report.OnlyInB.Count} only in B, {report.Differing.Count} differ, "
            + $"{report.Identical} identical (not compared: .mimiceye/, build.json, *.mimiceye-tmp)");
        Paths(w, "Only in A", report.OnlyInA);
        Paths(w, "Only in B", report.OnlyInB);
        var plain = report.Differing.Where(d => PlainReason(d) is not null).ToList();
        if (plain.Count > 0)
        {
            w.WriteLine();
            w.WriteLine($"Differing files without row differences ({plain.Count}):");
            foreach (var reason in plain.GroupBy(d => PlainReason(d)!, StringComparer.Ordinal))
            {
                foreach (var (text, count) in PathPattern.Group(reason.Select(d => d.Path)))
                    w.WriteLine(count == 1 ? $"  {text}: {reason.Key}" : $"  {text} ({count} files): {reason.Key}");
            }
        }
        foreach (var file in report.Differing.Where(d => PlainReason(d) is null))
            Csv(w, file.Csv!);
        if (report.Stays is { } stays)
            Stays(w, stays);
        w.WriteLine();
        w.WriteLine(report.Equal ? "The trees are equal." : "The trees differ.");
    }

    /// <summary>The one-line reason of a differing file with no row to show (grouped with the files that
    /// differ the same way), or null when it needs its own block.</summary>
    static string? PlainReason(FileDifference d)
    {
        if (d.Csv is not { } c)
            return "bytes differ";
        if (c.Matching == RowMatching.Unreadable || !c.RowsEqual || c.Note is not null)
            return null;
        var parts = new List<string> { "same rows" };
        if (c.IndexColumn != IndexColumn.Same)
            parts.Add($"index column only in {(c.IndexColumn == IndexColumn.OnlyInA ? "A" : "B")}");
        if (c.ColumnsOnlyInA.Count > 0)
            parts.Add($"columns only in A: {string.Join(", ", c.ColumnsOnlyInA)}");
        if (c.ColumnsOnlyInB.Count > 0)
            parts.Add($"columns only in B: {string.Join(", ", c.ColumnsOnlyInB)}");
        if (parts.Count == 1)
            parts.Add("row order or quoting differs");
        return string.Join("; ", parts);
    }

    static void Paths(TextWriter w, string title, IReadOnlyList<string> paths)
    {
        if (paths.Count == 0)
            return;
        w.WriteLine();
        w.WriteLine($"{title} ({paths.Count}):");
        foreach (var (text, count) in PathPattern.Group(paths))
            w.WriteLine(count == 1 ? $"  {text}" : $"  {text} ({count} files)");
    }

    static void Csv(TextWriter w, CsvFileDiff d)
    {
        w.WriteLine();
        w.WriteLine(d.Path);
        if (d.Matching == RowMatching.Unreadable)
        {
            w.WriteLine($"  {d.Note}; compared by bytes only");
            return;
        }
        var by = d.Matching == RowMatching.Key ? "by " + string.Join('+', d.KeyColumns) : "by content";
        w.WriteLine($"  rows matched {by}: {d.Removed} removed, {d.Added} added, {d.Changed} changed");
        if (d.Note is not null)
            w.WriteLine($"  note: {d.Note}");
        if (d.IndexColumn != IndexColumn.Same)
            w.WriteLine($"  index column only in {(d.IndexColumn == IndexColumn.OnlyInA ? "A" : "B")}");
        if (d.ColumnsOnlyInA.Count > 0)
            w.WriteLine($"  columns only in A: {string.Join(", ", d.ColumnsOnlyInA)}");
        if (d.ColumnsOnlyInB.Count > 0)
            w.WriteLine($"  columns only in B: {string.Join(", ", d.ColumnsOnlyInB)}");
        if (d.ChangedColumns.Count > 0)
            w.WriteLine($"  changed columns: {string.Join(", ", d.ChangedColumns.Select(c => $"{c.Key} ({c.Value})"))}");
        foreach (var kind in new[] { RowChange.Removed, RowChange.Added, RowChange.Changed })
        {
            var rows = d.Rows.Where(r => r.Kind == kind).ToList();
            var label = kind.ToString().ToLowerInvariant();
            foreach (var row in rows)
                w.WriteLine(row.Cells.Count == 0 ? $"  {label} {row.Key}" : $"  {label} {row.Key}: {string.Join(", ", row.Cells.Select(Cell))}");
            var total = kind switch { RowChange.Removed => d.Removed, RowChange.Added => d.Added, _ => d.Changed };
            if (total > rows.Count)
                w.WriteLine($"  ... {total - rows.Count} more {label}");
        }
    }

    static string Cell(CellChange c) => c.A is null ? c.Column : $"{c.Column} {Value(c.A)} -> {Value(c.B!)}";

    static string Value(string v) => v.Length == 0 ? "(empty)" : v;

    static void Stays(TextWriter w, StayDiff s)
    {
        w.WriteLine();
        w.WriteLine($"Images whose stay_id differs in {StayDiff.Path}: {s.Total}");
        if (!s.AuditInA)
            w.WriteLine($"  (A has no spreadsheets/stay_matching.csv: its decisions are '{StayDiff.Unknown}')");
        if (!s.AuditInB)
            w.WriteLine($"  (B has no spreadsheets/stay_matching.csv: its decisions are '{StayDiff.Unknown}')");
        foreach (var ((a, b), count) in s.Pairs.OrderByDescending(p => p.Value))
            w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {a} -> {b}: {count}"));
        foreach (var c in s.Changes)
            w.WriteLine($"  {c.DicomId}: {Value(c.StayA)} ({c.ReasonA}) -> {Value(c.StayB)} ({c.ReasonB})");
        if (s.Total > s.Changes.Count)
            w.WriteLine($"  ... {s.Total - s.Changes.Count} more");
    }
}

using System.Text;

using MimicEye.Csv;

namespace MimicEye.Diffing;

/// <summary>The report as one CSV for scripts, in the dialect of <see cref="CsvFiles"/>, columns
/// <c>kind,path,key,column,a,b</c>. Kinds: only_in_a, only_in_b, file_differs (every differing file),
/// column_only_in_a/b (the pandas index column is named <c>(index)</c>), row_removed/row_added (key, or
/// "line N" when rows are matched by content), row_changed (one line per changed column; a and b only for
/// identifier columns), stay_changed (key dicom_id, column the decisions "A -> B", a and b the stay_ids).</summary>
static class DiffCsvWriter
{
    public const string IndexColumnName = "(index)";

    public static readonly string[] Columns = ["kind", "path", "key", "column", "a", "b"];

    public static void Write(DiffReport report, TextWriter w)
    {
        void Line(params string[] fields) => w.Write(Encoding.UTF8.GetString(CsvFiles.Line(fields)));
        Line(Columns);
        foreach (var path in report.OnlyInA)
            Line("only_in_a", path, "", "", "", "");
        foreach (var path in report.OnlyInB)
            Line("only_in_b", path, "", "", "", "");
        foreach (var file in report.Differing)
        {
            Line("file_differs", file.Path, "", "", "", "");
            if (file.Csv is not { Matching: not RowMatching.Unreadable } d)
                continue;
            if (d.IndexColumn == IndexColumn.OnlyInA)
                Line("column_only_in_a", d.Path, "", IndexColumnName, "", "");
            if (d.IndexColumn == IndexColumn.OnlyInB)
                Line("column_only_in_b", d.Path, "", IndexColumnName, "", "");
            foreach (var column in d.ColumnsOnlyInA)
                Line("column_only_in_a", d.Path, "", column, "", "");
            foreach (var column in d.ColumnsOnlyInB)
                Line("column_only_in_b", d.Path, "", column, "", "");
            foreach (var row in d.Rows.OrderBy(r => r.Kind))
            {
                if (row.Kind != RowChange.Changed)
                {
                    Line(row.Kind == RowChange.Added ? "row_added" : "row_removed", d.Path, row.Key, "", "", "");
                    continue;
                }
                foreach (var cell in row.Cells)
                    Line("row_changed", d.Path, row.Key, cell.Column, cell.A ?? "", cell.B ?? "");
            }
        }
        if (report.Stays is { } stays)
        {
            foreach (var c in stays.Changes)
                Line("stay_changed", StayDiff.Path, c.DicomId, $"{c.ReasonA} -> {c.ReasonB}", c.StayA, c.StayB);
        }
    }
}

using System.Globalization;

using MimicEye.Csv;
using MimicEye.Dataset;

namespace MimicEye.Preview;

/// <summary>Reading helpers shared by the annotation loaders: numbers and booleans straight from the UTF-8
/// fields, and one warning per file for the rows that had to be skipped (never their values).</summary>
static class AnnotationCsv
{
    public static bool TryNumber(CsvTableReader csv, int column, out double value) =>
        double.TryParse(csv.Span(column), NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    public static bool TryBox(CsvTableReader csv, int x1, int y1, int x2, int y2, out ImageBox box)
    {
        box = default;
        if (!TryNumber(csv, x1, out var ax) || !TryNumber(csv, y1, out var ay) || !TryNumber(csv, x2, out var bx) || !TryNumber(csv, y2, out var by))
            return false;
        box = new ImageBox(Math.Min(ax, bx), Math.Min(ay, by), Math.Max(ax, bx), Math.Max(ay, by));
        return true;
    }

    /// <summary>pandas writes booleans as True/False; a merged or re-read table may hold 1/0 or 1.0/0.0.</summary>
    public static bool IsTrue(CsvTableReader csv, int column)
    {
        var span = csv.Span(column);
        return span.SequenceEqual("True"u8) || span.SequenceEqual("true"u8) || span.SequenceEqual("TRUE"u8)
            || span.SequenceEqual("1"u8) || span.SequenceEqual("1.0"u8);
    }

    public static bool SameId(CsvTableReader csv, int column, string id) =>
        string.Equals(csv.GetString(column), id, StringComparison.OrdinalIgnoreCase);

    public static void WarnSkipped(List<string> warnings, OutputLayout layout, string path, int skipped, string what)
    {
        if (skipped > 0)
            warnings.Add($"{layout.Relative(path)}: {skipped} {(skipped == 1 ? "row" : "rows")} with unreadable {what} skipped");
    }
}

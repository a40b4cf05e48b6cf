using System.Globalization;

namespace MimicEye.Pipeline.ReflacxMerge;

/// <summary>Merges the values of the source labels that map to one class: certainty by max, booleans by
/// OR, <c>Other</c> texts joined with <c>|</c> without duplicates. Empty when the row's phase has none of
/// the class's labels (the question was not asked), so "absent" and "not asked" stay distinct.</summary>
static class LabelMerge
{
    public static string Merge(string target, IReadOnlyList<string> values)
    {
        if (values.Count == 0)
            return "";
        if (target == ReflacxLabels.Other)
        {
            var parts = values.SelectMany(v => v.Split('|')).Select(p => p.Trim()).Where(p => p.Length > 0).Distinct(StringComparer.Ordinal);
            return string.Join('|', parts);
        }
        if (ReflacxLabels.IsBoolean(target))
        {
            if (values.All(string.IsNullOrEmpty))
                return "";
            return values.Any(v => string.Equals(v, "True", StringComparison.OrdinalIgnoreCase)) ? "True" : "False";
        }
        double? max = null;
        foreach (var v in values)
        {
            if (double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
                max = max is null ? d : Math.Max(max.Value, d);
        }
        return max is not { } m ? "" : m == Math.Floor(m) ? ((long)m).ToString(CultureInfo.InvariantCulture) : m.ToString("R", CultureInfo.InvariantCulture);
    }

    /// <summary>Boolean OR of ellipse label columns (True/False in the source).</summary>
    public static string Or(IEnumerable<string> values) =>
        values.Any(v => string.Equals(v, "True", StringComparison.OrdinalIgnoreCase)) ? "True" : "False";
}

using MimicEye.Csv;
using MimicEye.Pipeline.Output;

namespace MimicEye.Pipeline.ReflacxMerge;

/// <summary>Rewrites one reading's anomaly_location_ellipses.csv with the 21 merged classes (boolean OR of
/// the labels that merge), keeping the box and certainty columns verbatim. The source file is only read.</summary>
static class EllipseMerger
{
    public static void Merge(string source, string destination)
    {
        using var reader = CsvFiles.Read(source);
        var leading = ReflacxLabels.EllipseLeadingColumns.Select(reader.Column).ToArray();
        var labelColumns = reader.Headers.Select((h, i) => (h, i)).Where(p => !ReflacxLabels.EllipseLeadingColumns.Contains(p.h)).ToList();
        var targets = ReflacxLabels.TargetsFor(labelColumns.Select(p => p.h));
        var byTarget = targets.ToDictionary(
            t => t, t => labelColumns.Where(p => ReflacxLabels.Target(p.h) == t).Select(p => p.i).ToArray(), StringComparer.Ordinal);
        AtomicFile.Write(destination, stream =>
        {
            using var csv = new CsvOut(stream, indexColumn: false);
            csv.Header(ReflacxLabels.EllipseLeadingColumns.Concat(targets));
            while (reader.Read())
            {
                var values = leading.Select(reader.GetString).ToList();
                foreach (var target in targets)
                    values.Add(LabelMerge.Or(byTarget[target].Select(reader.GetString)));
                csv.Row(0, values);
            }
        });
    }
}

using MimicEye.Csv;
using MimicEye.Dataset;

namespace MimicEye.Preview;

/// <summary>Loads the REFLACX readings of one image from <c>patient_&lt;sid&gt;/REFLACX</c> (sources.md §4.3):
/// the reading ids from metadata.csv, then each reading's ellipses, chest box and fixations.</summary>
static class ReflacxAnnotations
{
    public static IReadOnlyList<ReflacxReading> Load(OutputLayout layout, CohortImage image, List<string> warnings)
    {
        var metadata = layout.PatientReflacxMetadata(image.SubjectId);
        if (!File.Exists(metadata))
            return [];
        var ids = new List<string>();
        using (var csv = CsvFiles.Read(metadata))
        {
            int id = csv.Column("id"), dicom = csv.Column("dicom_id");
            while (csv.Read())
            {
                if (!AnnotationCsv.SameId(csv, dicom, image.DicomId))
                    continue;
                var readingId = csv.GetString(id);
                if (!Ids.IsReflacxId(readingId))
                    warnings.Add($"{layout.Relative(metadata)}, line {csv.Line}: the reading id is not of the form P000R000000; skipped");
                else if (!ids.Contains(readingId))
                    ids.Add(readingId);
            }
        }
        return [.. ids.Select(id => LoadReading(layout, image.SubjectId, id, warnings))];
    }

    static ReflacxReading LoadReading(OutputLayout layout, string subjectId, string id, List<string> warnings)
    {
        var folder = layout.PatientReflacxMain(subjectId, id);
        if (!Directory.Exists(folder))
        {
            warnings.Add($"{layout.Relative(folder)} is missing: reading {id} is listed in REFLACX/metadata.csv");
            return new ReflacxReading(id, [], null, []);
        }
        var ellipses = Path.Combine(folder, "anomaly_location_ellipses.csv");
        var chest = Path.Combine(folder, "chest_bounding_box.csv");
        var fixations = Path.Combine(folder, "fixations.csv");
        return new ReflacxReading(
            id,
            File.Exists(ellipses) ? ReadEllipses(layout, ellipses, warnings) : [],
            File.Exists(chest) ? ReadChestBox(layout, chest, warnings) : null,
            // Discarded readings have no fixations.csv (sources.md §4.1): nothing to warn about.
            File.Exists(fixations) ? ReadFixations(layout, fixations, warnings) : []);
    }

    static List<Ellipse> ReadEllipses(OutputLayout layout, string path, List<string> warnings)
    {
        using var csv = CsvFiles.Read(path);
        int xmin = csv.Column("xmin"), ymin = csv.Column("ymin"), xmax = csv.Column("xmax"), ymax = csv.Column("ymax");
        var certainty = csv.Column("certainty");
        // The label columns are whatever follows certainty: a phase's raw set or the merged 21 classes.
        var labels = Enumerable.Range(certainty + 1, csv.Headers.Count - certainty - 1).Where(i => csv.Headers[i].Length > 0).ToArray();
        var result = new List<Ellipse>();
        var skipped = 0;
        while (csv.Read())
        {
            if (!AnnotationCsv.TryBox(csv, xmin, ymin, xmax, ymax, out var box) || !AnnotationCsv.TryNumber(csv, certainty, out var level))
            {
                skipped++;
                continue;
            }
            var names = labels.Where(i => i < csv.FieldCount && AnnotationCsv.IsTrue(csv, i)).Select(i => csv.Headers[i]).ToArray();
            result.Add(new Ellipse(box, level, names));
        }
        AnnotationCsv.WarnSkipped(warnings, layout, path, skipped, "coordinates or certainty");
        return result;
    }

    static ImageBox? ReadChestBox(OutputLayout layout, string path, List<string> warnings)
    {
        using var csv = CsvFiles.Read(path);
        int xmin = csv.Column("xmin"), ymin = csv.Column("ymin"), xmax = csv.Column("xmax"), ymax = csv.Column("ymax");
        if (!csv.Read())
            return null;
        if (AnnotationCsv.TryBox(csv, xmin, ymin, xmax, ymax, out var box))
            return box;
        AnnotationCsv.WarnSkipped(warnings, layout, path, 1, "coordinates");
        return null;
    }

    static List<Fixation> ReadFixations(OutputLayout layout, string path, List<string> warnings)
    {
        using var csv = CsvFiles.Read(path);
        int x = csv.Column("x_position"), y = csv.Column("y_position");
        int start = csv.Column("timestamp_start_fixation"), end = csv.Column("timestamp_end_fixation");
        var result = new List<Fixation>();
        var skipped = 0;
        while (csv.Read())
        {
            if (!AnnotationCsv.TryNumber(csv, x, out var px) || !AnnotationCsv.TryNumber(csv, y, out var py)
                || !AnnotationCsv.TryNumber(csv, start, out var t0) || !AnnotationCsv.TryNumber(csv, end, out var t1))
            {
                skipped++;
                continue;
            }
            result.Add(new Fixation(px, py, Math.Max(0, t1 - t0)));
        }
        AnnotationCsv.WarnSkipped(warnings, layout, path, skipped, "positions or times");
        return result;
    }
}

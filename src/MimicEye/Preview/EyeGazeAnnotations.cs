using MimicEye.Csv;
using MimicEye.Dataset;

namespace MimicEye.Preview;

/// <summary>Loads the EGD-CXR marks of one image from <c>patient_&lt;sid&gt;/EyeGaze</c> (sources.md §5.2):
/// fixations in original-image pixels and the anatomical boxes.</summary>
static class EyeGazeAnnotations
{
    public static (IReadOnlyList<Fixation> Fixations, IReadOnlyList<AnatomicalBox> Boxes) Load(
        OutputLayout layout, CohortImage image, List<string> warnings)
    {
        var fixations = layout.PatientEyeGaze(image.SubjectId, "fixations.csv");
        var boxes = layout.PatientEyeGaze(image.SubjectId, "bounding_boxes.csv");
        return (
            File.Exists(fixations) ? ReadFixations(layout, fixations, image.DicomId, warnings) : [],
            File.Exists(boxes) ? ReadBoxes(layout, boxes, image.DicomId, warnings) : []);
    }

    static List<Fixation> ReadFixations(OutputLayout layout, string path, string dicomId, List<string> warnings)
    {
        using var csv = CsvFiles.Read(path);
        int dicom = csv.Column("DICOM_ID"), x = csv.Column("X_ORIGINAL"), y = csv.Column("Y_ORIGINAL"), duration = csv.Column("FPOGD");
        var result = new List<Fixation>();
        var skipped = 0;
        while (csv.Read())
        {
            if (!AnnotationCsv.SameId(csv, dicom, dicomId))
                continue;
            if (!AnnotationCsv.TryNumber(csv, x, out var px) || !AnnotationCsv.TryNumber(csv, y, out var py)
                || !AnnotationCsv.TryNumber(csv, duration, out var seconds))
            {
                skipped++;
                continue;
            }
            // Gaze outside the displayed image was mapped to -1 before rescaling: negative means off image.
            if (px < 0 || py < 0)
                continue;
            result.Add(new Fixation(px, py, Math.Max(0, seconds)));
        }
        AnnotationCsv.WarnSkipped(warnings, layout, path, skipped, "positions or durations");
        return result;
    }

    static List<AnatomicalBox> ReadBoxes(OutputLayout layout, string path, string dicomId, List<string> warnings)
    {
        using var csv = CsvFiles.Read(path);
        int dicom = csv.Column("dicom_id"), name = csv.Column("bbox_name");
        // The published column order is x1,x2,y1,y2: looked up by name, never by position.
        int x1 = csv.Column("x1"), x2 = csv.Column("x2"), y1 = csv.Column("y1"), y2 = csv.Column("y2");
        var result = new List<AnatomicalBox>();
        var skipped = 0;
        while (csv.Read())
        {
            if (!AnnotationCsv.SameId(csv, dicom, dicomId))
                continue;
            if (!AnnotationCsv.TryBox(csv, x1, y1, x2, y2, out var box))
            {
                skipped++;
                continue;
            }
            result.Add(new AnatomicalBox(csv.GetString(name), box));
        }
        AnnotationCsv.WarnSkipped(warnings, layout, path, skipped, "coordinates");
        return result;
    }
}

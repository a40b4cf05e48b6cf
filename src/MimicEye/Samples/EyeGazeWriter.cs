using System.Globalization;

using MimicEye.Dataset;

namespace MimicEye.Samples;

/// <summary>EGD-CXR 1.0.0: master_sheet.csv (59 columns; patient_id, not subject_id; an anchor_age band; the
/// OLD stay_id of EGD's own linkage; an exam indication with a line break), the gaze tables with their
/// trimmed DICOM_IDs, bounding_boxes.csv (x1,x2,y1,y2) and the per-image audio/segmentation folders.</summary>
static class EyeGazeWriter
{
    static readonly string[] FindingColumns =
    [
        "consolidation", "enlarged_cardiac_silhouette", "linear__patchy_atelectasis", "lobar__segmental_collapse",
        "not_otherwise_specified_opacity___pleural__parenchymal_opacity__", "pleural_effusion_or_thickening",
        "pulmonary_edema__hazy_opacity", "normal_anatomically", "elevated_hemidiaphragm", "hyperaeration", "vascular_redistribution",
    ];

    static readonly (string Text, string Icd)[] Diagnoses =
    [
        ("Congestive heart failure", "I50.9"), ("Pneumonia", "J18.9"), ("Chronic obstructive pulmonary disease", "J44.9"),
        ("Acute kidney injury", "N17.9"), ("Atrial fibrillation", "I48.91"), ("Hypertension", "I10"),
    ];

    static readonly string[] Indications =
    [
        "Shortness of breath.", "___ year old man with dyspnea.\nEval for CHF.", "Cough, fever. Eval for pneumonia.",
        "History: ___F with chest pain", "Dyspnea, \"rule out\" pneumonia.",
    ];

    public static string[] MasterColumns()
    {
        var columns = new List<string> { "dicom_id", "path", "study_id", "patient_id", "stay_id", "gender", "anchor_age",
            "image_top_pad", "image_bottom_pad", "image_left_pad", "image_right_pad" };
        for (var i = 1; i <= 9; i++)
            columns.AddRange([$"dx{i}", $"dx{i}_icd"]);
        columns.AddRange(["normal_reports", "Normal", "CHF", "pneumonia", .. FindingColumns]);
        columns.AddRange(SampleColumns.ChexpertLabels.Select(l => l.ToLowerInvariant().Replace(' ', '_') + "__chx"));
        columns.Add("cxr_exam_indication");
        return [.. columns];
    }

    public static int Write(SampleContext ctx)
    {
        var root = SampleContext.Project(ProjectKind.EyeGaze);
        var cases = ctx.Plan.EgdCases;
        ctx.Output.WriteIndexHtml(root);
        ctx.Output.WriteCsv($"{root}/master_sheet.csv", MasterColumns(), crlf: false, w =>
        {
            var n = 0;
            foreach (var c in cases)
                Master(w, c, ctx.Rng("egd/master/" + c.Image.DicomId), n++);
        });
        EyeGazeRecordings.Write(ctx, root, cases);
        ctx.Output.WriteCsv($"{root}/bounding_boxes.csv", ["dicom_id", "bbox_name", "x1", "x2", "y1", "y2"], crlf: false, w =>
        {
            foreach (var c in cases.OrderBy(c => c.Image.DicomId, StringComparer.Ordinal))
                EgdCaseFiles.BoundingBoxes(w, c.Image, ctx.Rng("egd/boxes/" + c.Image.DicomId));
        });
        ctx.Output.WriteIndexHtml(root + "/audio_segmentation_transcripts");
        var n = 0;
        foreach (var c in cases)
        {
            ctx.Cancel.ThrowIfCancellationRequested();
            EgdCaseFiles.Write(ctx, $"{root}/audio_segmentation_transcripts/{c.Image.DicomId}", c.Image, indexHtml: n++ % 3 == 0);
        }
        return cases.Count;
    }

    static void Master(CsvRowWriter w, EgdCase c, Prng rng, int ordinal)
    {
        var image = c.Image;
        var s = image.Subject;
        w.Text(image.DicomId);
        w.Text($"files/{Ids.Bucket(s.Id)}/p{s.Id}/s{image.Study.Id}/{image.DicomId}.dcm");
        w.Int(image.Study.StudyId);
        w.Int(s.SubjectId);
        w.Int(c.OldStayId);
        w.Text(s.Gender);
        var decade = s.AnchorAge / 10 * 10;
        w.Text($"{decade} - {decade + 10}");
        var (top, bottom, left, right) = Pads(image);
        w.Int(top);
        w.Int(bottom);
        w.Int(left);
        w.Int(right);
        var dx = rng.Range(1, 4);
        for (var i = 0; i < 9; i++)
        {
            var d = i < dx ? Diagnoses[(ordinal + i) % Diagnoses.Length] : default;
            w.Text(d.Text);
            w.Text(d.Icd);
        }
        var kind = ordinal % 3; // EGD-CXR's three groups: normal, CHF, pneumonia
        w.Int(kind == 0 ? 1 : 0);
        w.Int(kind == 0 ? 1 : 0);
        w.Int(kind == 1 ? 1 : 0);
        w.Int(kind == 2 ? 1 : 0);
        foreach (var _ in FindingColumns)
            w.Int(kind == 0 ? 0 : rng.Chance(0.3) ? 1 : 0);
        foreach (var _ in SampleColumns.ChexpertLabels)
            w.Text(rng.Pick(["", "", "1", "0", "-1"]));
        // The first case always has the line break, so every tree has a multi-line record.
        w.Text(ordinal == 0 ? Indications[1] : rng.Pick(Indications));
        w.EndRow();
    }

    /// <summary>Letterbox padding (display pixels) of the image fitted into the 1920×1080 reading screen.</summary>
    public static (int Top, int Bottom, int Left, int Right) Pads(ImagePlan image)
    {
        var scale = Math.Min(1920.0 / image.Width, 1080.0 / image.Height);
        var horizontal = 1920 - (int)Math.Round(image.Width * scale);
        var vertical = 1080 - (int)Math.Round(image.Height * scale);
        return (vertical / 2, vertical - (vertical / 2), horizontal / 2, horizontal - (horizontal / 2));
    }

    public static string F(double v, int decimals) => v.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}

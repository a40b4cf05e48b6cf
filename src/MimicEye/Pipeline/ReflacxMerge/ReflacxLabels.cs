namespace MimicEye.Pipeline.ReflacxMerge;

/// <summary>REFLACX label sets and the 26 -> 21 class merge (SPEC §6, reference §2.2). Phase 1 uses one
/// set of 18 labels, phases 2 and 3 another of 16; three groups of labels name the same finding.</summary>
static class ReflacxLabels
{
    /// <summary>The columns that precede the labels in every metadata phase.</summary>
    public static readonly string[] LeadingColumns =
        ["id", "split", "eye_tracking_data_discarded", "image", "dicom_id", "subject_id", "image_size_x", "image_size_y"];

    /// <summary>The columns that precede the labels in anomaly_location_ellipses.csv.</summary>
    public static readonly string[] EllipseLeadingColumns = ["xmin", "ymin", "xmax", "ymax", "certainty"];

    public const string Other = "Other";

    static readonly HashSet<string> Booleans = new(StringComparer.Ordinal) { "Support devices", "Quality issue" };

    static readonly Dictionary<string, string> Merges = new(StringComparer.Ordinal)
    {
        ["Mass"] = "Lung nodule or mass",
        ["Nodule"] = "Lung nodule or mass",
        ["Emphysema"] = "High lung volume / emphysema",
        ["Pleural effusion"] = "Pleural abnormality",
        ["Pleural thickening"] = "Pleural abnormality",
    };

    /// <summary>The 21 classes, in Python sorted() order like the source label columns.</summary>
    public static readonly string[] MergedClasses =
    [
        "Abnormal mediastinal contour", "Acute fracture", "Airway wall thickening", "Atelectasis", "Consolidation",
        "Enlarged cardiac silhouette", "Enlarged hilum", "Fibrosis", "Fracture", "Groundglass opacity", "Hiatal hernia",
        "High lung volume / emphysema", "Interstitial lung disease", "Lung nodule or mass", "Other", "Pleural abnormality",
        "Pneumothorax", "Pulmonary edema", "Quality issue", "Support devices", "Wide mediastinum",
    ];

    /// <summary>The merged columns for these source labels: the 21 classes, then any label the catalogue does
    /// not know (kept as its own class, so no column is ever lost).</summary>
    public static List<string> TargetsFor(IEnumerable<string> labels) =>
        [.. MergedClasses, .. labels.Select(Target).Where(t => !MergedClasses.Contains(t)).Distinct()];

    /// <summary>The class a source label merges into; every other label is its own class.</summary>
    public static string Target(string label) => Merges.GetValueOrDefault(label, label);

    public static bool IsBoolean(string label) => Booleans.Contains(label);
}

namespace MimicEye.Samples;

/// <summary>REFLACX label columns (sources.md §4.2): phase 1 uses set A (18 labels), phases 2 and 3 set B
/// (16), each in Python <c>sorted()</c> order, which is ordinal (code point) order. All are certainties
/// 0–5 except the booleans Support devices and Quality issue, and the free text Other.</summary>
static class ReflacxLabelSets
{
    public const string Other = "Other", SupportDevices = "Support devices", QualityIssue = "Quality issue";

    public static readonly string[] SetA = Sorted(
    [
        "Airway wall thickening", "Atelectasis", "Consolidation", "Emphysema", "Enlarged cardiac silhouette", "Fibrosis",
        "Fracture", "Groundglass opacity", "Mass", "Nodule", Other, "Pleural effusion", "Pleural thickening", "Pneumothorax",
        "Pulmonary edema", QualityIssue, SupportDevices, "Wide mediastinum",
    ]);

    public static readonly string[] SetB = Sorted(
    [
        "Abnormal mediastinal contour", "Acute fracture", "Atelectasis", "Consolidation", "Enlarged cardiac silhouette",
        "Enlarged hilum", "Groundglass opacity", "Hiatal hernia", "High lung volume / emphysema", "Interstitial lung disease",
        "Lung nodule or mass", Other, "Pleural abnormality", "Pneumothorax", "Pulmonary edema", SupportDevices,
    ]);

    public static string[] For(int phase) => phase == 1 ? SetA : SetB;

    public static bool IsCertainty(string label) => label is not (Other or SupportDevices or QualityIssue);

    static string[] Sorted(string[] labels)
    {
        Array.Sort(labels, string.CompareOrdinal);
        return labels;
    }
}

using SkiaSharp;

namespace MimicEye.Preview;

/// <summary>The colours of a preview. A label keeps its colour from one image to the next, so a user who
/// flips through previews learns them; the fixed colours of the other marks are kept out of the label
/// palette (no pure yellow, cyan, magenta or gray, which are taken or vanish on an X-ray).</summary>
static class Palette
{
    public static readonly SKColor ReflacxFixation = new(0, 229, 255);
    public static readonly SKColor EgdFixation = new(255, 64, 200);
    public static readonly SKColor ChestBox = new(255, 236, 0);
    public static readonly SKColor EgdBox = new(110, 255, 110);
    public static readonly SKColor UnlabelledEllipse = new(255, 255, 255);
    public static readonly SKColor LegendBackground = new(30, 30, 30);
    public static readonly SKColor LegendText = new(235, 235, 235);

    /// <summary>26 distinct colours: one per label of the union of the REFLACX label sets.</summary>
    static readonly SKColor[] s_labelColours =
    [
        new(230, 25, 75), new(60, 180, 75), new(67, 99, 216), new(245, 130, 49), new(145, 30, 180),
        new(191, 239, 69), new(250, 190, 212), new(70, 153, 144), new(220, 190, 255), new(154, 99, 36),
        new(255, 250, 200), new(128, 0, 0), new(170, 255, 195), new(128, 128, 0), new(255, 216, 177),
        new(0, 0, 117), new(127, 0, 255), new(0, 255, 127), new(255, 0, 127), new(0, 127, 255),
        new(184, 134, 11), new(46, 139, 87), new(255, 99, 71), new(106, 90, 205), new(32, 178, 170),
        new(210, 105, 30),
    ];

    /// <summary>The REFLACX labels (both phases' sets; the merged 21 classes are among them), sorted.</summary>
    static readonly string[] s_knownLabels =
    [
        "Abnormal mediastinal contour", "Acute fracture", "Airway wall thickening", "Atelectasis", "Consolidation",
        "Emphysema", "Enlarged cardiac silhouette", "Enlarged hilum", "Fibrosis", "Fracture", "Groundglass opacity",
        "Hiatal hernia", "High lung volume / emphysema", "Interstitial lung disease", "Lung nodule or mass", "Mass",
        "Nodule", "Other", "Pleural abnormality", "Pleural effusion", "Pleural thickening", "Pneumothorax",
        "Pulmonary edema", "Quality issue", "Support devices", "Wide mediastinum",
    ];

    public static int LabelCount => s_labelColours.Length;

    public static SKColor Label(string label)
    {
        var known = Array.FindIndex(s_knownLabels, l => string.Equals(l, label, StringComparison.OrdinalIgnoreCase));
        return s_labelColours[known >= 0 ? known : StableHash(label) % s_labelColours.Length];
    }

    /// <summary>FNV-1a: string.GetHashCode changes from run to run, and an unknown label must not.</summary>
    static int StableHash(string s)
    {
        var hash = 2166136261u;
        foreach (var c in s.ToUpperInvariant())
            hash = (hash ^ c) * 16777619u;
        return (int)(hash & int.MaxValue);
    }
}

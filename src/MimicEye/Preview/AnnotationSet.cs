namespace MimicEye.Preview;

/// <summary>A rectangle in pixels of the original image: origin top left, x = column, y = row.</summary>
readonly record struct ImageBox(double XMin, double YMin, double XMax, double YMax);

/// <summary>A REFLACX ellipse, given by its bounding box, with the labels whose column is True.</summary>
sealed record Ellipse(ImageBox Box, double Certainty, IReadOnlyList<string> Labels);

/// <summary>A fixation at image pixel (X, Y) lasting <see cref="Seconds"/>.</summary>
readonly record struct Fixation(double X, double Y, double Seconds);

sealed record AnatomicalBox(string Name, ImageBox Box);

sealed record ReflacxReading(string Id, IReadOnlyList<Ellipse> Ellipses, ImageBox? ChestBox, IReadOnlyList<Fixation> Fixations);

/// <summary>Everything drawn over one image, read from its patient folder. <see cref="Warnings"/> are
/// problems that leave the preview usable (a reading folder missing, rows that cannot be read).</summary>
sealed class AnnotationSet
{
    public required CohortImage Image { get; init; }

    public required IReadOnlyList<ReflacxReading> Readings { get; init; }

    public required IReadOnlyList<Fixation> EgdFixations { get; init; }

    public required IReadOnlyList<AnatomicalBox> EgdBoxes { get; init; }

    public required IReadOnlyList<string> Warnings { get; init; }

    public bool IsEmpty => Readings.Count == 0 && EgdFixations.Count == 0 && EgdBoxes.Count == 0;

    /// <summary>Every label of a drawn ellipse, sorted, each once.</summary>
    public IReadOnlyList<string> EllipseLabels =>
        [.. Readings.SelectMany(r => r.Ellipses).SelectMany(e => e.Labels).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    public bool HasUnlabelledEllipse => Readings.SelectMany(r => r.Ellipses).Any(e => e.Labels.Count == 0);

    public static AnnotationSet Load(PreviewTree tree, CohortImage image)
    {
        var warnings = new List<string>();
        var readings = ReflacxAnnotations.Load(tree.Layout, image, warnings);
        var (fixations, boxes) = EyeGazeAnnotations.Load(tree.Layout, image, warnings);
        return new AnnotationSet
        {
            Image = image,
            Readings = readings,
            EgdFixations = fixations,
            EgdBoxes = boxes,
            Warnings = warnings,
        };
    }
}

using System.Globalization;

using SkiaSharp;

namespace MimicEye.Preview;

/// <summary>The panel right of the X-ray: which image, which readings, every label colour drawn, and the
/// fixation sources with their counts (zero counts too, so a missing source is visible at a glance).</summary>
sealed class Legend : IDisposable
{
    const float Padding = 12, LineHeight = 18, SwatchWidth = 22, SwatchGap = 6, MinWidth = 220;

    enum Swatch { None, Ring, DashedBox, Box, Circle }

    readonly record struct Line(string Text, Swatch Swatch = Swatch.None, SKColor Colour = default, bool Heading = false);

    readonly List<Line> _lines = [];
    readonly SKFont _font = PreviewFont.Create(13);
    readonly SKFont _heading = PreviewFont.Create(14);

    public Legend(AnnotationSet set)
    {
        _heading.Embolden = true;
        var image = set.Image;
        _lines.Add(new("MIMIC-Eye preview", Heading: true));
        _lines.Add(new(image.DicomId));
        _lines.Add(new($"patient {image.SubjectId}, study s{image.StudyId}"));
        _lines.Add(new(""));
        _lines.Add(new($"REFLACX readings ({Count(set.Readings.Count)})", Heading: true));
        foreach (var r in set.Readings)
            _lines.Add(new($"{r.Id}: {Plural(r.Ellipses.Count, "ellipse")}, {Plural(r.Fixations.Count, "fixation")}"));
        _lines.Add(new(""));
        _lines.Add(new("Ellipse labels (opacity = certainty / 5)", Heading: true));
        foreach (var label in set.EllipseLabels)
            _lines.Add(new(label, Swatch.Ring, Palette.Label(label)));
        if (set.HasUnlabelledEllipse)
            _lines.Add(new("(no label)", Swatch.Ring, Palette.UnlabelledEllipse));
        if (set.EllipseLabels.Count == 0 && !set.HasUnlabelledEllipse)
            _lines.Add(new("none"));
        _lines.Add(new(""));
        _lines.Add(new("Marks", Heading: true));
        var reflacxFixations = set.Readings.Sum(r => r.Fixations.Count);
        _lines.Add(new($"REFLACX chest box ({Count(set.Readings.Count(r => r.ChestBox is not null))})", Swatch.DashedBox, Palette.ChestBox));
        _lines.Add(new($"REFLACX fixations ({Count(reflacxFixations)})", Swatch.Circle, Palette.ReflacxFixation));
        _lines.Add(new($"EGD fixations ({Count(set.EgdFixations.Count)})", Swatch.Circle, Palette.EgdFixation));
        _lines.Add(new($"EGD anatomical boxes ({Count(set.EgdBoxes.Count)})", Swatch.Box, Palette.EgdBox));
        _lines.Add(new("circle size grows with fixation duration"));
        Width = (float)Math.Ceiling(Math.Max(MinWidth, 2 * Padding + _lines.Max(TextWidth)));
        Height = (float)Math.Ceiling(2 * Padding + _lines.Count * LineHeight);
    }

    public float Width { get; }

    public float Height { get; }

    public void Draw(SKCanvas canvas, float left, float height)
    {
        using var background = new SKPaint { Color = Palette.LegendBackground, Style = SKPaintStyle.Fill };
        canvas.DrawRect(new SKRect(left, 0, left + Width, height), background);
        using var text = new SKPaint { Color = Palette.LegendText, IsAntialias = true };
        var top = Padding;
        foreach (var line in _lines)
        {
            var x = left + Padding;
            if (line.Swatch != Swatch.None)
            {
                DrawSwatch(canvas, line, new SKRect(x, top + 3, x + SwatchWidth, top + LineHeight - 3));
                x += SwatchWidth + SwatchGap;
            }
            canvas.DrawText(line.Text, x, top + LineHeight - 4, SKTextAlign.Left, line.Heading ? _heading : _font, text);
            top += LineHeight;
        }
    }

    static void DrawSwatch(SKCanvas canvas, Line line, SKRect rect)
    {
        switch (line.Swatch)
        {
            case Swatch.Ring:
                {
                    using var paint = AnnotationPainter.Stroke(line.Colour, AnnotationPainter.EllipseStroke);
                    canvas.DrawOval(SKRect.Inflate(rect, -1.5f, -1.5f), paint);
                    break;
                }
            case Swatch.DashedBox:
                {
                    using var dash = SKPathEffect.CreateDash([5f, 3f], 0);
                    using var paint = AnnotationPainter.Stroke(line.Colour, AnnotationPainter.BoxStroke);
                    paint.PathEffect = dash;
                    canvas.DrawRect(SKRect.Inflate(rect, -1, -1), paint);
                    break;
                }
            case Swatch.Box:
                {
                    using var paint = AnnotationPainter.Stroke(line.Colour, AnnotationPainter.BoxStroke);
                    canvas.DrawRect(SKRect.Inflate(rect, -1, -1), paint);
                    break;
                }
            case Swatch.Circle:
                {
                    using var fill = new SKPaint { Color = line.Colour.WithAlpha(115), Style = SKPaintStyle.Fill, IsAntialias = true };
                    using var edge = AnnotationPainter.Stroke(line.Colour, 1.5f);
                    canvas.DrawCircle(rect.MidX, rect.MidY, rect.Height / 2, fill);
                    canvas.DrawCircle(rect.MidX, rect.MidY, rect.Height / 2, edge);
                    break;
                }
        }
    }

    float TextWidth(Line line) =>
        (line.Heading ? _heading : _font).MeasureText(line.Text) + (line.Swatch == Swatch.None ? 0 : SwatchWidth + SwatchGap);

    static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);

    static string Plural(int n, string noun) => $"{Count(n)} {noun}{(n == 1 ? "" : "s")}";

    public void Dispose()
    {
        _font.Dispose();
        _heading.Dispose();
    }
}

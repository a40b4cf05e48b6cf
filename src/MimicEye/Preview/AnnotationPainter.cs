using SkiaSharp;

namespace MimicEye.Preview;

/// <summary>Draws the marks of an <see cref="AnnotationSet"/> over the scaled X-ray. Coordinates are mapped
/// from original-image pixels by (<paramref name="scaleX"/>, <paramref name="scaleY"/>); stroke widths and
/// text sizes are in output pixels, so marks stay readable whatever the scale.</summary>
sealed class AnnotationPainter(SKCanvas canvas, float scaleX, float scaleY)
{
    public const float EllipseStroke = 3f;
    public const float BoxStroke = 2f;

    /// <summary>Radius in output pixels: area grows with duration (sqrt), bounded so that a long dwell
    /// does not hide the image.</summary>
    public static float FixationRadius(double seconds) => (float)Math.Clamp(3 + 12 * Math.Sqrt(seconds), 3, 30);

    /// <summary>Opacity of an ellipse: certainty 1-5 as 0.2-1.</summary>
    public static byte CertaintyAlpha(double certainty) => (byte)Math.Round(255 * Math.Clamp(certainty / 5, 0.2, 1));

    public void Draw(AnnotationSet set)
    {
        foreach (var reading in set.Readings)
        {
            if (reading.ChestBox is { } chest)
                DrawChestBox(chest);
        }
        DrawAnatomicalBoxes(set.EgdBoxes);
        foreach (var ellipse in set.Readings.SelectMany(r => r.Ellipses))
            DrawEllipse(ellipse);
        DrawFixations(set.Readings.SelectMany(r => r.Fixations), Palette.ReflacxFixation);
        DrawFixations(set.EgdFixations, Palette.EgdFixation);
    }

    SKRect Map(ImageBox box) => new((float)box.XMin * scaleX, (float)box.YMin * scaleY, (float)box.XMax * scaleX, (float)box.YMax * scaleY);

    void DrawChestBox(ImageBox box)
    {
        using var dash = SKPathEffect.CreateDash([10f, 6f], 0);
        using var paint = Stroke(Palette.ChestBox, BoxStroke);
        paint.PathEffect = dash;
        canvas.DrawRect(Map(box), paint);
    }

    void DrawAnatomicalBoxes(IReadOnlyList<AnatomicalBox> boxes)
    {
        using var stroke = Stroke(Palette.EgdBox, BoxStroke);
        using var text = new SKPaint { Color = Palette.EgdBox, IsAntialias = true };
        using var shade = new SKPaint { Color = new SKColor(0, 0, 0, 150), Style = SKPaintStyle.Fill };
        using var font = PreviewFont.Create(11);
        foreach (var box in boxes)
        {
            var rect = Map(box.Box);
            canvas.DrawRect(rect, stroke);
            // The name sits inside the top-left corner on a dark band, readable over bright bone.
            var width = font.MeasureText(box.Name);
            var band = new SKRect(rect.Left + BoxStroke, rect.Top + BoxStroke, rect.Left + BoxStroke + width + 4, rect.Top + BoxStroke + 14);
            canvas.DrawRect(band, shade);
            canvas.DrawText(box.Name, band.Left + 2, band.Bottom - 3, SKTextAlign.Left, font, text);
        }
    }

    void DrawEllipse(Ellipse ellipse)
    {
        var rect = Map(ellipse.Box);
        var alpha = CertaintyAlpha(ellipse.Certainty);
        IReadOnlyList<SKColor> colours = ellipse.Labels.Count == 0
            ? [Palette.UnlabelledEllipse]
            : [.. ellipse.Labels.Select(Palette.Label)];
        // One concentric ring per label, so an ellipse with two labels shows both colours.
        for (var i = 0; i < colours.Count; i++)
        {
            using var paint = Stroke(colours[i].WithAlpha(alpha), EllipseStroke);
            var ring = SKRect.Inflate(rect, -i * EllipseStroke, -i * EllipseStroke);
            if (ring.Width > 0 && ring.Height > 0)
                canvas.DrawOval(ring, paint);
        }
    }

    void DrawFixations(IEnumerable<Fixation> fixations, SKColor colour)
    {
        using var fill = new SKPaint { Color = colour.WithAlpha(115), Style = SKPaintStyle.Fill, IsAntialias = true };
        using var edge = Stroke(colour, 1.5f);
        foreach (var f in fixations)
        {
            var x = (float)f.X * scaleX;
            var y = (float)f.Y * scaleY;
            var r = FixationRadius(f.Seconds);
            canvas.DrawCircle(x, y, r, fill);
            canvas.DrawCircle(x, y, r, edge);
        }
    }

    public static SKPaint Stroke(SKColor colour, float width) =>
        new() { Color = colour, Style = SKPaintStyle.Stroke, StrokeWidth = width, IsAntialias = true };
}

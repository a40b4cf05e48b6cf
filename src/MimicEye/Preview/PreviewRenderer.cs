using SkiaSharp;

using MimicEye.Pipeline;

namespace MimicEye.Preview;

/// <summary>A rendered preview: the PNG bytes and where the X-ray ends (the legend starts at
/// <see cref="ImageWidth"/>).</summary>
sealed record RenderedPreview(byte[] Png, int ImageWidth, int ImageHeight, IReadOnlyList<string> Warnings);

/// <summary>Draws one image: the X-ray scaled to the requested size, its annotations, and the legend.</summary>
static class PreviewRenderer
{
    public const int DefaultMaxSize = 1024;

    /// <summary>Small images are scaled up to this long side, so 3-px strokes and labels stay in proportion.</summary>
    public const int MinLongSide = 512;

    public const int MaxSizeLimit = 16384;

    /// <summary>The size of the X-ray in the preview: the long side clamped to [512, maxSize].</summary>
    public static SKSizeI TargetSize(int width, int height, int maxSize)
    {
        var longSide = Math.Max(width, height);
        var target = Math.Clamp(longSide, Math.Min(MinLongSide, maxSize), maxSize);
        var scale = (double)target / longSide;
        return new SKSizeI(Math.Max(1, (int)Math.Round(width * scale)), Math.Max(1, (int)Math.Round(height * scale)));
    }

    /// <summary>Renders <paramref name="set"/> over the X-ray at <paramref name="jpegPath"/>, named
    /// <paramref name="shownPath"/> (relative to the tree) in messages.</summary>
    public static RenderedPreview Render(string jpegPath, string shownPath, AnnotationSet set, int maxSize)
    {
        var warnings = new List<string>(set.Warnings);
        using var codec = SKCodec.Create(jpegPath, out var opened)
            ?? throw new MimicEyeException($"{shownPath}: not a readable image ({opened})");
        var full = codec.Info.Size;
        var target = TargetSize(full.Width, full.Height, maxSize);
        using var xray = Decode(codec, target, shownPath, warnings);

        // Annotations are in pixels of the original DICOM, whose size cxr_meta gives; the JPEG has the same
        // size in the published datasets, but a tree built from resized JPEGs must still line up.
        var frameWidth = set.Image.Columns ?? full.Width;
        var frameHeight = set.Image.Rows ?? full.Height;
        if (frameWidth != full.Width || frameHeight != full.Height)
            warnings.Add($"{shownPath} is {full.Width}x{full.Height} px but cxr_meta.csv gives {frameWidth}x{frameHeight}; annotations are placed in cxr_meta's frame");

        using var legend = new Legend(set);
        var width = target.Width + (int)legend.Width;
        var height = Math.Max(target.Height, (int)legend.Height);
        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul))
            ?? throw new MimicEyeException($"{shownPath}: cannot allocate a {width}x{height} preview; try a smaller --max-size");
        var canvas = surface.Canvas;
        canvas.Clear(Palette.LegendBackground);
        using (var image = SKImage.FromBitmap(xray))
            canvas.DrawImage(image, new SKRect(0, 0, target.Width, target.Height), new SKSamplingOptions(SKCubicResampler.Mitchell), null);

        canvas.Save();
        // Nothing spills from the X-ray into the legend.
        canvas.ClipRect(new SKRect(0, 0, target.Width, target.Height));
        new AnnotationPainter(canvas, (float)target.Width / frameWidth, (float)target.Height / frameHeight).Draw(set);
        canvas.Restore();
        legend.Draw(canvas, target.Width, height);

        using var snapshot = surface.Snapshot();
        using var png = snapshot.Encode(SKEncodedImageFormat.Png, 100)
            ?? throw new InvalidOperationException("Skia could not encode the preview as PNG");
        return new RenderedPreview(png.ToArray(), target.Width, target.Height, warnings);
    }

    /// <summary>Decodes at the smallest size that is still at least <paramref name="target"/>: the JPEG
    /// decoder scales by n/8 inside the DCT, far cheaper than decoding a 3000-px X-ray in full.</summary>
    static SKBitmap Decode(SKCodec codec, SKSizeI target, string shownPath, List<string> warnings)
    {
        var full = codec.Info.Size;
        var scale = Math.Min(1f, Math.Max((float)target.Width / full.Width, (float)target.Height / full.Height));
        var size = codec.GetScaledDimensions(scale);
        if (size.Width < target.Width || size.Height < target.Height)
            size = full;
        var info = new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        var bitmap = new SKBitmap(info);
        var result = codec.GetPixels(info, bitmap.GetPixels());
        if (result == SKCodecResult.IncompleteInput)
        {
            warnings.Add($"{shownPath} is truncated; the missing part is drawn blank");
        }
        else if (result != SKCodecResult.Success)
        {
            bitmap.Dispose();
            throw new MimicEyeException($"{shownPath}: the image cannot be decoded ({result})");
        }
        return bitmap;
    }
}

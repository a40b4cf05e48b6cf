using SkiaSharp;

namespace MimicEye.Preview;

/// <summary>The typeface of every preview text. The NoDependencies Skia natives have no font discovery, so
/// without a typeface of our own text would silently draw nothing: DejaVu Sans is embedded in the binary
/// (Fonts/LICENSE-DejaVu.txt). One instance serves all threads; typefaces are immutable.</summary>
static class PreviewFont
{
    const string ResourceName = "MimicEye.Preview.DejaVuSans.ttf";

    static readonly Lazy<SKTypeface> s_typeface = new(Load);

    public static SKTypeface Typeface => s_typeface.Value;

    public static SKFont Create(float size) => new(Typeface, size) { Subpixel = true, Edging = SKFontEdging.Antialias };

    static SKTypeface Load()
    {
        using var stream = typeof(PreviewFont).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"the embedded font {ResourceName} is missing from the build");
        // SKData copies the bytes, so the typeface never reads from the disposed resource stream.
        using var data = SKData.Create(stream);
        return SKTypeface.FromData(data)
            ?? throw new InvalidOperationException($"the embedded font {ResourceName} cannot be read by Skia");
    }
}

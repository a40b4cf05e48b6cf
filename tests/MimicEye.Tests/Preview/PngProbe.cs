using SkiaSharp;

namespace MimicEye.Tests.Preview;

/// <summary>A rendered preview read back for pixel checks, addressed in pixels of the original image.</summary>
sealed class PngProbe : IDisposable
{
    readonly SKBitmap _bitmap;

    public PngProbe(string path, int imageWidth, int imageHeight)
    {
        _bitmap = SKBitmap.Decode(path) ?? throw new InvalidOperationException(path + " is not a PNG");
        ImageWidth = imageWidth;
        ImageHeight = imageHeight;
    }

    public int Width => _bitmap.Width;

    public int Height => _bitmap.Height;

    /// <summary>Width and height of the X-ray inside the preview; the legend starts at x = ImageWidth.</summary>
    public int ImageWidth { get; }

    public int ImageHeight { get; }

    public SKColor Pixel(int x, int y) => _bitmap.GetPixel(x, y);

    /// <summary>The output pixel that covers original-image pixel coordinate (x, y).</summary>
    public SKColor At(double x, double y) => Pixel(
        (int)(x * ImageWidth / PreviewTreeFixture.Width), (int)(y * ImageHeight / PreviewTreeFixture.Height));

    public int Count(SKRectI area, Func<SKColor, bool> predicate)
    {
        var n = 0;
        for (var y = area.Top; y < area.Bottom; y++)
        {
            for (var x = area.Left; x < area.Right; x++)
            {
                if (predicate(Pixel(x, y)))
                    n++;
            }
        }
        return n;
    }

    public static bool Near(SKColor actual, SKColor expected, int tolerance) =>
        Math.Abs(actual.Red - expected.Red) <= tolerance
        && Math.Abs(actual.Green - expected.Green) <= tolerance
        && Math.Abs(actual.Blue - expected.Blue) <= tolerance;

    /// <summary><paramref name="colour"/> at <paramref name="alpha"/> over an opaque background.</summary>
    public static SKColor Over(SKColor background, SKColor colour, byte alpha)
    {
        byte Mix(byte b, byte c) => (byte)Math.Round((c * alpha + b * (255 - alpha)) / 255.0);
        return new SKColor(Mix(background.Red, colour.Red), Mix(background.Green, colour.Green), Mix(background.Blue, colour.Blue));
    }

    public void Dispose() => _bitmap.Dispose();
}

using System.Buffers.Binary;

using SkiaSharp;

namespace MimicEye.Samples;

/// <summary>Tiny stand-ins for the binary files: a grayscale chest-like JPEG (dark lung fields beside a
/// bright mediastinum, plus noise; SkiaSharp 4.155's libjpeg-turbo, whose integer DCT is bit-exact on
/// every CPU), binary PNG masks and a quiet WAV. Pixels come from the PRNG, so the bytes are reproducible.</summary>
static class SampleImages
{
    public static byte[] Jpeg(int width, int height, Prng rng)
    {
        using var bitmap = new SKBitmap(width, height, SKColorType.Gray8, SKAlphaType.Opaque);
        var pixels = bitmap.GetPixelSpan();
        var stride = bitmap.RowBytes;
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var u = ((x + 0.5) / width) - 0.5;
                var v = ((y + 0.5) / height) - 0.45;
                var lung = InEllipse(u + 0.2, v, 0.16, 0.3) || InEllipse(u - 0.2, v, 0.16, 0.3);
                var body = InEllipse(u, v + 0.05, 0.46, 0.5);
                var level = lung ? 60 : body ? 170 : 25;
                pixels[(y * stride) + x] = (byte)Math.Clamp(level + rng.Range(-18, 18), 0, 255);
            }
        }
        return Encode(bitmap, pixmap => pixmap.Encode(new SKJpegEncoderOptions(80)));
    }

    /// <summary>An EGD-CXR segmentation mask: white inside an ellipse at (cx, cy) with radii (rx, ry), as
    /// fractions of the image.</summary>
    public static byte[] Mask(int width, int height, double cx, double cy, double rx, double ry) =>
        PngMask.Encode(width, height, (x, y) => InEllipse(((x + 0.5) / width) - cx, ((y + 0.5) / height) - cy, rx, ry));

    /// <summary>A mono 8 kHz 8-bit PCM WAV of a quiet buzz (the dictation audio, a fraction of a second).</summary>
    public static byte[] Wav(int samples, Prng rng)
    {
        var bytes = new byte[44 + samples];
        "RIFF"u8.CopyTo(bytes);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), 36 + samples);
        "WAVEfmt "u8.CopyTo(bytes.AsSpan(8));
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(16), 16);
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(20), 1);
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(22), 1);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(24), 8000);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(28), 8000);
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(32), 1);
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(34), 8);
        "data"u8.CopyTo(bytes.AsSpan(36));
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(40), samples);
        // A triangle wave: integer arithmetic, so no libm differences between platforms.
        var pitch = rng.Range(10, 30);
        for (var i = 0; i < samples; i++)
            bytes[44 + i] = (byte)(108 + Math.Abs((i % (2 * pitch)) - pitch));
        return bytes;
    }

    static byte[] Encode(SKBitmap bitmap, Func<SKPixmap, SKData?> encode)
    {
        using var pixmap = bitmap.PeekPixels() ?? throw new InvalidOperationException("SkiaSharp gave no pixmap for a raster bitmap");
        using var data = encode(pixmap) ?? throw new InvalidOperationException("SkiaSharp could not encode a sample image");
        return data.ToArray();
    }

    static bool InEllipse(double dx, double dy, double rx, double ry) => ((dx * dx) / (rx * rx)) + ((dy * dy) / (ry * ry)) <= 1;
}

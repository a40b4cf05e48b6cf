using SkiaSharp;

namespace MimicEye.Pipeline.Writing;

/// <summary>Checks a copied X-ray: it must be a JPEG whose header decodes, that ends with the EOI marker
/// (libjpeg accepts truncated files silently, so the marker is what catches a cut download), and whose
/// pixel size equals the metadata's Columns x Rows.</summary>
static class JpegCheck
{
    public static (bool Ok, int Width, int Height, string Problem) Inspect(string path)
    {
        using (var file = File.OpenRead(path))
        {
            if (file.Length < 4)
                return (false, 0, 0, "the file is too short to be a JPEG");
            Span<byte> head = stackalloc byte[2], tail = stackalloc byte[2];
            file.ReadExactly(head);
            file.Seek(-2, SeekOrigin.End);
            file.ReadExactly(tail);
            if (head[0] != 0xFF || head[1] != 0xD8)
                return (false, 0, 0, "not a JPEG (no SOI marker)");
            if (tail[0] != 0xFF || tail[1] != 0xD9)
                return (false, 0, 0, "the JPEG is truncated (no EOI marker at the end)");
        }
        using var codec = SKCodec.Create(path);
        if (codec is null)
            return (false, 0, 0, "the JPEG header does not decode");
        return (true, codec.Info.Width, codec.Info.Height, "");
    }
}

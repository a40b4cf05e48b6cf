using System.Buffers.Binary;

using MimicEye.Csv;

namespace MimicEye.Samples;

/// <summary>A 1-bit grayscale PNG written by hand with stored (uncompressed) deflate blocks. A library
/// encoder would do, but zlib builds with SIMD hashing may compress differently on other CPUs, and the
/// shipped samples must come out byte-identical everywhere. At 1 bit per pixel the masks stay small anyway.</summary>
static class PngMask
{
    public static byte[] Encode(int width, int height, Func<int, int, bool> on)
    {
        var stride = 1 + ((width + 7) / 8); // filter byte + packed bits
        var raw = new byte[stride * height];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                if (on(x, y))
                    raw[(y * stride) + 1 + (x / 8)] |= (byte)(0x80 >> (x % 8));
            }
        }
        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 1; // bit depth; colour type 0 (gray), deflate, filter 0, no interlace
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", ZlibStored(raw));
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>A zlib stream of stored blocks (at most 65,535 bytes each) and the Adler-32 trailer.</summary>
    static byte[] ZlibStored(byte[] data)
    {
        using var z = new MemoryStream();
        z.Write([0x78, 0x01]);
        var offset = 0;
        Span<byte> lengths = stackalloc byte[4];
        do
        {
            var length = Math.Min(65535, data.Length - offset);
            var final = offset + length == data.Length;
            z.WriteByte(final ? (byte)1 : (byte)0);
            BinaryPrimitives.WriteUInt16LittleEndian(lengths, (ushort)length);
            BinaryPrimitives.WriteUInt16LittleEndian(lengths[2..], (ushort)~length);
            z.Write(lengths);
            z.Write(data, offset, length);
            offset += length;
        }
        while (offset < data.Length);
        uint a = 1, b = 0;
        foreach (var d in data)
        {
            a = (a + d) % 65521;
            b = (b + a) % 65521;
        }
        Span<byte> adler = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(adler, (b << 16) | a);
        z.Write(adler);
        return z.ToArray();
    }

    static void Chunk(Stream png, string type, byte[] data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        png.Write(word);
        var typeBytes = System.Text.Encoding.ASCII.GetBytes(type);
        png.Write(typeBytes);
        png.Write(data);
        var crc = Crc32.Append(Crc32.Append(0, typeBytes), data);
        BinaryPrimitives.WriteUInt32BigEndian(word, crc);
        png.Write(word);
    }
}

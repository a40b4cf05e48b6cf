using MimicEye.Csv;

namespace MimicEye.Tests.Performance;

/// <summary>The gzip CRC-32 that checks trailers: the check value of its definition, and the bit-by-bit CRC for
/// every length around the folding's steps, at any alignment and appended in pieces (on a processor without
/// 256-bit carry-less multiplies the same tests cover zlib-ng's CRC, which is used there), and zlib-ng's path
/// on its own.</summary>
public class Crc32Tests
{
    [Fact]
    public void Gives_the_check_value_of_the_definition() =>
        Assert.Equal(0xCBF43926u, Crc32.Append(0, "123456789"u8));

    [Fact]
    public void Equals_the_bit_by_bit_crc_for_every_length_and_alignment()
    {
        var random = new Random(11);
        var data = new byte[4200];
        random.NextBytes(data);
        for (var length = 0; length <= 1100; length++)
        {
            var offset = length % 33;
            var start = (uint)random.Next();
            var piece = data.AsSpan(offset, length);
            Assert.Equal(ReferenceCrc(piece, start), Crc32.Append(start, piece));
        }
        Assert.Equal(ReferenceCrc(data), Crc32.Append(0, data));
    }

    [Fact]
    public void The_zlib_path_of_processors_without_folding_gives_the_same()
    {
        var data = new byte[5000];
        new Random(13).NextBytes(data);
        foreach (var length in new[] { 1, 255, 256, 1000, 5000 })
            Assert.Equal(ReferenceCrc(data.AsSpan(0, length), 77), Crc32.AppendWithZlib(77, data.AsSpan(0, length)));
    }

    [Fact]
    public void Appending_in_pieces_equals_the_whole()
    {
        var data = new byte[1 << 20];
        new Random(12).NextBytes(data);
        var whole = Crc32.Append(0, data);
        uint pieces = 0;
        for (var at = 0; at < data.Length;)
        {
            var length = Math.Min(data.Length - at, 1 + (int)(at * 7919L % 70_000));
            pieces = Crc32.Append(pieces, data.AsSpan(at, length));
            at += length;
        }
        Assert.Equal(whole, pieces);
        Assert.Equal(ReferenceCrc(data), whole);
    }

    /// <summary>CRC-32 bit by bit, from its definition (reflected 0xEDB88320, inverted before and after).</summary>
    internal static uint ReferenceCrc(ReadOnlySpan<byte> data, uint crc = 0)
    {
        crc = ~crc;
        foreach (var b in data)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }
}

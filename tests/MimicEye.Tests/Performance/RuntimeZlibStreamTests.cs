using System.IO.Compression;

using MimicEye.Csv;

namespace MimicEye.Tests.Performance;

/// <summary>The gzip reader over the runtime's zlib gives GZipStream's bytes, whatever the sizes of its input
/// reads and of the caller's buffers, across concatenated members and with every optional header field; corrupt
/// data, a wrong trailer, a bad header and bytes after the last member are InvalidDataExceptions with zlib's
/// messages, a file cut short ends early (CheckedGzipStream turns that into an error), and a .gz with a broken
/// trailer is reported as corrupt.</summary>
public class RuntimeZlibStreamTests
{
    static byte[] Csv(int rows, int seed)
    {
        var random = new Random(seed);
        using var text = new MemoryStream();
        using (var writer = new StreamWriter(text))
        {
            for (var i = 0; i < rows; i++)
                writer.Write($"{i},{10_000_000 + random.Next(50_000)},{random.Next(1000)},2180-07-23 21:45:00,{random.NextDouble()}\n");
        }
        return text.ToArray();
    }

    static byte[] Gzip(byte[] data)
    {
        using var packed = new MemoryStream();
        using (var gz = new GZipStream(packed, CompressionLevel.Fastest))
            gz.Write(data);
        return packed.ToArray();
    }

    static byte[] ReadAll(Stream stream, int bufferSize)
    {
        using var all = new MemoryStream();
        var buffer = new byte[bufferSize];
        int n;
        while ((n = stream.Read(buffer)) > 0)
            all.Write(buffer, 0, n);
        return all.ToArray();
    }

    static RuntimeZlibStream Open(byte[] gz, int inputSize) =>
        RuntimeZlibStream.TryOpen(new MemoryStream(gz), inputSize) ?? throw new InvalidOperationException("the runtime's zlib could not be bound");

    [Theory]
    [InlineData(1 << 20, 1 << 20)]
    [InlineData(7, 1 << 16)]
    [InlineData(4096, 1)]
    [InlineData(65536, 333)]
    public void Gives_the_bytes_GZipStream_gives(int inputSize, int bufferSize)
    {
        var csv = Csv(20_000, inputSize);
        var gz = Gzip(csv);
        using var reader = Open(gz, inputSize);
        Assert.Equal(csv, ReadAll(reader, bufferSize));
        Assert.Equal(0, reader.Read(new byte[10]));
    }

    [Fact]
    public void Reads_concatenated_members_one_after_another()
    {
        var first = Csv(3000, 1);
        var second = Csv(5000, 2);
        using var reader = Open([.. Gzip(first), .. Gzip(second)], 1000);
        Assert.Equal([.. first, .. second], ReadAll(reader, 4096));
    }

    [Fact]
    public void Corrupt_data_is_an_InvalidDataException()
    {
        var gz = Gzip(Csv(20_000, 3));
        for (var i = 200; i < 260; i++)
            gz[i] ^= 0x5A;
        using var reader = Open(gz, 1 << 16);
        Assert.Throws<InvalidDataException>(() => ReadAll(reader, 1 << 16));
    }

    [Fact]
    public void A_file_cut_short_ends_early_and_the_checked_reader_reports_it()
    {
        var csv = Csv(20_000, 4);
        var gz = Gzip(csv);
        using (var reader = Open(gz[..(gz.Length / 2)], 4096))
        {
            var read = ReadAll(reader, 4096);
            Assert.True(read.Length > 0 && read.Length < csv.Length);
            Assert.Equal(csv[..read.Length], read);
        }

        var path = Path.Combine(Path.GetTempPath(), $"mimiceye-zlib-{Guid.NewGuid():N}.csv.gz");
        try
        {
            File.WriteAllBytes(path, gz[..(gz.Length / 2)]);
            using var checkedReader = new CheckedGzipStream(path);
            var e = Assert.Throws<CsvInputException>(() => ReadAll(checkedReader, 1 << 16));
            Assert.Equal(CsvProblem.CorruptGzip, e.Problem);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>A member with the given header flags and fields around GZipStream's deflate data and trailer.</summary>
    static byte[] Member(byte[] data, bool extra, bool name, bool comment, bool headerCrc)
    {
        var deflated = Gzip(data)[10..];
        var flags = (byte)((headerCrc ? 2 : 0) | (extra ? 4 : 0) | (name ? 8 : 0) | (comment ? 16 : 0));
        List<byte> header = [0x1F, 0x8B, 8, flags, 1, 2, 3, 4, 0, 3];
        if (extra)
            header.AddRange([5, 0, (byte)'A', (byte)'B', 3, 0, 9]);
        if (name)
            header.AddRange([.. "labevents.csv"u8, 0]);
        if (comment)
            header.AddRange([.. "made by a test"u8, 0]);
        if (headerCrc)
        {
            var crc = Crc32Tests.ReferenceCrc([.. header]);
            header.AddRange([(byte)crc, (byte)(crc >> 8)]);
        }
        return [.. header, .. deflated];
    }

    [Theory]
    [InlineData(true, false, false, false)]
    [InlineData(false, true, false, false)]
    [InlineData(false, false, true, false)]
    [InlineData(false, false, false, true)]
    [InlineData(true, true, true, true)]
    public void Reads_every_optional_header_field_whatever_the_input_size(bool extra, bool name, bool comment, bool headerCrc)
    {
        var first = Csv(2000, 5);
        var second = Csv(100, 6);
        byte[] gz = [.. Member(first, extra, name, comment, headerCrc), .. Member(second, extra, name, comment, headerCrc)];
        foreach (var inputSize in new[] { 1, 3, 7, 64, 1 << 20 })
        {
            using var reader = Open(gz, inputSize);
            Assert.Equal([.. first, .. second], ReadAll(reader, 1000));
        }
    }

    [Fact]
    public void An_empty_member_is_followed_by_the_next()
    {
        var csv = Csv(500, 7);
        using var reader = Open([.. Gzip([]), .. Gzip(csv), .. Gzip([])], 5);
        Assert.Equal(csv, ReadAll(reader, 4096));
    }

    [Theory]
    [InlineData("data crc", "incorrect data check")]
    [InlineData("length", "incorrect length check")]
    [InlineData("header crc", "header crc mismatch")]
    [InlineData("magic", "incorrect header check")]
    [InlineData("method", "unknown compression method")]
    [InlineData("flags", "unknown header flags set")]
    [InlineData("garbage after", "incorrect header check")]
    public void A_bad_header_or_trailer_is_refused_with_zlibs_message(string damage, string message)
    {
        var csv = Csv(3000, 8);
        var gz = damage == "header crc" ? Member(csv, false, true, false, true) : Gzip(csv);
        switch (damage)
        {
            case "data crc":
                gz[^8] ^= 1;
                break;
            case "length":
                gz[^4] ^= 1;
                break;
            case "header crc":
                gz[12] ^= 1;
                break;
            case "magic":
                gz[1] = 0x8C;
                break;
            case "method":
                gz[2] = 7;
                break;
            case "flags":
                gz[3] = 0x20;
                break;
            case "garbage after":
                gz = [.. gz, 0, 0, 0, 0];
                break;
        }
        using var reader = Open(gz, 1000);
        var e = Assert.Throws<InvalidDataException>(() => ReadAll(reader, 4096));
        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void A_file_cut_inside_the_trailer_ends_quietly_with_all_its_data()
    {
        var csv = Csv(3000, 9);
        var gz = Gzip(csv);
        using var reader = Open(gz[..^3], 100);
        Assert.Equal(csv, ReadAll(reader, 4096));
    }
}

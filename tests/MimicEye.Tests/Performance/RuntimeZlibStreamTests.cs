using System.IO.Compression;

using MimicEye.Csv;

namespace MimicEye.Tests.Performance;

/// <summary>The gzip reader over the runtime's zlib gives GZipStream's bytes, whatever the sizes of its input
/// reads and of the caller's buffers, across concatenated members; corrupt data is an InvalidDataException, a
/// file cut short ends early (CheckedGzipStream turns that into an error), and a .gz with a broken trailer is
/// reported as corrupt.</summary>
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
}

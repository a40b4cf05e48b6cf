using System.Buffers;
using System.Globalization;

using CsvHelper;

namespace MimicEye.Csv;

/// <summary>The one CSV dialect (SPEC §9): UTF-8 without BOM, LF, comma, RFC 4180 minimal quoting.
/// Readers keep values out of exception messages; no other file constructs a CsvHelper reader or writer.</summary>
static class CsvFiles
{
    public static readonly CsvReaderOptions ReadOptions = CsvReaderOptions.Default with
    {
        Separator = ',',
        IncludeValuesInExceptions = false,
        TrackLineNumbers = true,
        FieldCountMismatch = CsvFieldCountHandling.Skip,
        MalformedData = CsvMalformedDataHandling.Skip,
        // A never-closed quote must not swallow a multi-GB table into one record.
        MaxRecordSize = 16 << 20,
        DetectSeparatorHint = false,
    };

    public static readonly CsvWriterOptions WriteOptions = CsvWriterOptions.Default with
    {
        NewLine = "\n",
        Injection = CsvInjection.None,
        ValidateFieldCount = false,
    };

    /// <summary>Opens a source file, inflating <c>.gz</c> with truncation detection (<paramref name="inputSize"/>
    /// compressed bytes at a time). Plain files are unbuffered: their readers ask for large chunks, and a FileStream
    /// buffer would be one more large-object array per file (a build opens one per REFLACX reading).</summary>
    public static Stream OpenInput(string path, int inputSize = 1 << 20) =>
        path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)
            ? new CheckedGzipStream(path, inputSize)
            : new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);

    public static CsvTableReader Read(string path) => new(path, OpenInput(path));

    /// <summary>Opens a table to look at its header (and maybe a few rows): small buffers and no inflate
    /// thread, since a build checks the header of every table before it starts.</summary>
    public static CsvTableReader ReadHeader(string path) =>
        new(path, OpenInput(path, HeaderChunk), prefetch: false, chunkSize: HeaderChunk);

    const int HeaderChunk = 64 << 10;

    public static CsvWriter CreateWriter(Stream output) => CsvWriter.Create(output, WriteOptions, leaveOpen: true);

    /// <summary>One record in the dialect, with its LF: for headers and the few rows mimiceye computes.</summary>
    public static byte[] Line(IEnumerable<string> fields)
    {
        using var buffer = new MemoryStream();
        using (var writer = CreateWriter(buffer))
        {
            foreach (var field in fields)
                writer.WriteField(field);
            writer.EndRecord();
        }
        return buffer.ToArray();
    }

    /// <summary>Starts a raw output record with pandas' index column (compat): the row number and a comma.</summary>
    public static void WriteIndexCell(IBufferWriter<byte> record, long index)
    {
        var span = record.GetSpan(24);
        index.TryFormat(span, out var n, default, CultureInfo.InvariantCulture);
        span[n++] = (byte)',';
        record.Advance(n);
    }

    /// <summary>The header line of an output table; compat prepends pandas' unnamed index column.</summary>
    public static byte[] HeaderLine(IEnumerable<string> names, bool indexColumn) =>
        Line(indexColumn ? names.Prepend("") : names);
}

using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace MimicEye.Samples;

/// <summary>Every file of a samples tree goes through here: written under a temporary name and renamed
/// when complete (an interrupted run leaves no half file under a final name), hashed on the way for the
/// per-project SHA256SUMS.txt, and counted for the summary.</summary>
sealed class SampleOutput(string root)
{
    public const string TempSuffix = ".samples-tmp";

    /// <summary>zlib level of every .gz, fixed so the bytes are reproducible. Measured on labevents-like
    /// rows (5M rows, 563 MB of CSV): level 2 writes about 100 MB/s at a ratio of 0.19; level 3 60 MB/s
    /// at 0.18; level 6 a third of that. Benchmark-scale tables are what this level is for.</summary>
    public const int GzipLevel = 2;

    readonly SortedDictionary<string, string> _hashes = new(StringComparer.Ordinal);
    readonly HashSet<string> _started = new(StringComparer.Ordinal);

    public string Root { get; } = Path.GetFullPath(root);

    public int FileCount { get; private set; }

    public long ByteCount { get; private set; }

    /// <summary>SHA-256 (hex) of every file written, by path relative to the root with '/'.</summary>
    public IReadOnlyDictionary<string, string> Hashes => _hashes;

    public SampleFile Create(string relativePath)
    {
        // Each path once: a second write would silently replace a file and break the counts and checksums.
        if (!_started.Add(relativePath))
            throw new InvalidOperationException("samples: written twice: " + relativePath);
        return new(this, relativePath);
    }

    /// <summary>A gzip-compressed CSV with the given header; rows go to <see cref="GzipTable.Rows"/>.</summary>
    public GzipTable CreateGzipCsv(string relativePath, IEnumerable<string> header) => new(Create(relativePath), header);

    /// <summary>Writes one gzip CSV table: the body adds the rows.</summary>
    public long WriteGzipCsv(string relativePath, IEnumerable<string> header, Action<CsvRowWriter> body)
    {
        using var table = CreateGzipCsv(relativePath, header);
        body(table.Rows);
        table.Complete();
        return table.Rows.Rows;
    }

    /// <summary>A plain CSV (REFLACX: CRLF; EGD-CXR: LF).</summary>
    public void WriteCsv(string relativePath, IEnumerable<string> header, bool crlf, Action<CsvRowWriter> body)
    {
        using var file = Create(relativePath);
        var rows = new CsvRowWriter(file, crlf);
        rows.Header(header);
        body(rows);
        rows.Flush();
        file.Complete();
    }

    public void WriteBytes(string relativePath, ReadOnlySpan<byte> bytes)
    {
        using var file = Create(relativePath);
        file.Write(bytes);
        file.Complete();
    }

    /// <summary>UTF-8 without BOM, exactly the given characters (no newline added).</summary>
    public void WriteText(string relativePath, string text) => WriteBytes(relativePath, Encoding.UTF8.GetBytes(text));

    /// <summary>The listing page <c>wget -r</c> leaves in a folder it crawled.</summary>
    public void WriteIndexHtml(string relativeFolder)
    {
        // Titled with the server path, as the page physionet.org serves (/files/...).
        var folder = relativeFolder.TrimEnd('/');
        var title = "Index of /" + (folder.StartsWith("physionet.org/", StringComparison.Ordinal) ? folder["physionet.org/".Length..] : folder) + "/";
        WriteText(folder + "/index.html",
            $"<!DOCTYPE html>\n<html>\n<head><title>{title}</title></head>\n<body>\n<h1>{title}</h1>\n<hr><pre><a href=\"../\">../</a>\n</pre><hr>\n</body>\n</html>\n");
    }

    internal void Committed(string relativePath, string sha256, long length)
    {
        _hashes[relativePath] = sha256;
        FileCount++;
        ByteCount += length;
    }
}

/// <summary>One file being written: hashes what passes, patches the gzip header's OS byte (zlib writes
/// the platform's code; PhysioNet's files say Unix, 3) so the bytes are the same on every OS, and renames
/// the temporary file on <see cref="Complete"/>. Disposed without completing, it deletes the temporary.</summary>
sealed class SampleFile : Stream
{
    readonly SampleOutput _owner;
    readonly string _relative, _final, _temp;
    readonly FileStream _file;
    readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    readonly bool _gzip;
    long _written;
    bool _done;

    public SampleFile(SampleOutput owner, string relativePath)
    {
        _owner = owner;
        _relative = relativePath;
        _final = Path.Combine(owner.Root, relativePath.Replace('/', Path.DirectorySeparatorChar));
        _temp = _final + SampleOutput.TempSuffix;
        _gzip = relativePath.EndsWith(".gz", StringComparison.Ordinal);
        Directory.CreateDirectory(Path.GetDirectoryName(_final)!);
        _file = new FileStream(_temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
    }

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => _written;
    public override long Position { get => _written; set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (_gzip && _written < 10 && _written + buffer.Length > 9)
        {
            var copy = buffer.ToArray();
            copy[9 - _written] = 3;
            buffer = copy;
        }
        _hash.AppendData(buffer);
        _file.Write(buffer);
        _written += buffer.Length;
    }

    public override void Flush() => _file.Flush();

    public void Complete()
    {
        _file.Dispose();
        File.Move(_temp, _final, overwrite: true);
        _done = true;
        _owner.Committed(_relative, Convert.ToHexStringLower(_hash.GetHashAndReset()), _written);
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_done)
        {
            _file.Dispose();
            File.Delete(_temp);
        }
        if (disposing)
            _hash.Dispose();
        base.Dispose(disposing);
    }
}

/// <summary>A gzip CSV being written (MIMIC-IV, MIMIC-IV-ED and MIMIC-CXR-JPG tables): LF, header first.</summary>
sealed class GzipTable : IDisposable
{
    readonly SampleFile _file;
    readonly GZipStream _gzip;

    public GzipTable(SampleFile file, IEnumerable<string> header)
    {
        _file = file;
        _gzip = new GZipStream(file, new ZLibCompressionOptions { CompressionLevel = SampleOutput.GzipLevel }, leaveOpen: true);
        Rows = new CsvRowWriter(_gzip);
        Rows.Header(header);
    }

    public CsvRowWriter Rows { get; }

    public void Complete()
    {
        Rows.Flush();
        _gzip.Dispose();
        _file.Complete();
    }

    public void Dispose()
    {
        _gzip.Dispose();
        _file.Dispose();
    }
}

using System.Buffers.Binary;
using System.IO.Compression;

namespace MimicEye.Csv;

/// <summary>A gzip reader that notices truncation. .NET's GZipStream returns a clean end of stream when a
/// .gz file is cut short (measured: a file truncated to a third reads "ok"), which would silently lose
/// rows. At the end we compare the bytes inflated with the ISIZE field of the gzip trailer (the last four
/// bytes of the file, the uncompressed length mod 2^32). PhysioNet files are single-member gzip. The inflating
/// is done by <see cref="RuntimeZlibStream"/> (GZipStream's zlib, fed larger input), or by GZipStream where
/// that cannot be bound.</summary>
sealed class CheckedGzipStream : ReadOnlyStream
{
    readonly string _path;
    readonly Stream _inner;
    readonly RuntimeZlibStream? _runtimeZlib;
    readonly FileStream _file;
    readonly uint _trailerSize;
    readonly long _compressedLength;
    readonly bool _tooShort;
    long _inflated, _compressedPosition;
    bool _checked;

    /// <param name="path">The .gz file.</param>
    /// <param name="inputSize">Compressed bytes read from the file at a time.</param>
    public CheckedGzipStream(string path, int inputSize = 1 << 20)
    {
        _path = path;
        // Unbuffered: RuntimeZlibStream reads inputSize bytes at a time itself. A FileStream buffer is allocated
        // at the first smaller read (the trailer's four bytes), a large-object array for every file opened.
        var file = _file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);
        _compressedLength = file.Length;
        Span<byte> tail = stackalloc byte[4];
        _tooShort = file.Length < 18 || RandomAccess.Read(file.SafeFileHandle, tail, file.Length - 4) != 4;
        if (!_tooShort)
            _trailerSize = BinaryPrimitives.ReadUInt32LittleEndian(tail);
        _runtimeZlib = RuntimeZlibStream.TryOpen(file, inputSize);
        // GZipStream reads 8 KB at a time: it gets a buffer.
        _inner = (Stream?)_runtimeZlib ?? new GZipStream(new BufferedStream(file, inputSize), CompressionMode.Decompress);
    }

    /// <summary>Compressed bytes consumed so far; safe to read from another thread than the inflating one.</summary>
    public long CompressedPosition => Volatile.Read(ref _compressedPosition);

    public long CompressedLength => _compressedLength;

    public override int Read(Span<byte> buffer)
    {
        if (_tooShort)
            throw Truncated();
        int n;
        try
        {
            n = _inner.Read(buffer);
        }
        catch (InvalidDataException e)
        {
            throw new CsvInputException(_path, 0, $"corrupt gzip data ({e.Message})", CsvProblem.CorruptGzip);
        }
        _inflated += n;
        Volatile.Write(ref _compressedPosition, _runtimeZlib?.CompressedPosition ?? _file.Position);
        if (n == 0 && buffer.Length > 0 && !_checked)
        {
            _checked = true;
            if ((uint)_inflated != _trailerSize)
                throw Truncated();
        }
        return n;
    }

    CsvInputException Truncated() => new(_path, 0,
        "the .gz file is truncated or corrupt (its trailer does not match the data); download it again", CsvProblem.CorruptGzip);

    public override long Position { get => _inflated; set => throw new NotSupportedException(); }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            _inner.Dispose();
        base.Dispose(disposing);
    }
}

using System.Buffers;
using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace MimicEye.Csv;

/// <summary>The bytes of a source file in chunks of up to 960 KiB, each stored after <see cref="Prefix"/> free
/// bytes so the reader can put the unfinished record of the previous chunk right before it and scan both as
/// one span. A large <c>.gz</c> is inflated on a thread of its own, a few chunks ahead: inflating is the
/// cost of a pass (ecosystem.md §4: GZipStream 595 MB/s per core), and overlapping it with the scan lets a
/// table stream at that speed. Small files are read inline (a thread would cost more than it saves).</summary>
sealed class ChunkSource : IDisposable
{
    public const int Prefix = 64 << 10;

    /// <summary>Prefix and chunk fill exactly 1 MiB: the shared array pool rounds a request up to a power of
    /// two, so one byte more would hold 2 MiB per chunk (a dozen chunks are in flight in a build).</summary>
    public const int ChunkSize = (1 << 20) - Prefix;

    /// <summary>Compressed sizes from which a file gets a prefetch thread.</summary>
    public const long ThreadedFrom = 4 << 20;

    const int Depth = 4;

    readonly Stream _stream;
    readonly int _chunkSize;
    readonly BlockingCollection<Chunk>? _ready;
    readonly CancellationTokenSource? _stop;
    readonly Thread? _thread;
    bool _ended;

    public ChunkSource(Stream stream, bool threaded, int chunkSize = ChunkSize)
    {
        _stream = stream;
        _chunkSize = chunkSize;
        if (!threaded)
            return;
        _ready = new BlockingCollection<Chunk>(Depth);
        _stop = new CancellationTokenSource();
        _thread = new Thread(Produce) { IsBackground = true, Name = "mimiceye inflate" };
        _thread.Start();
    }

    /// <summary>A filled chunk: data in <c>Buffer[Prefix..(Prefix + Length)]</c>; Length 0 at the end.</summary>
    public readonly record struct Chunk(byte[] Buffer, int Length, ExceptionDispatchInfo? Error = null);

    public Stream Stream => _stream;

    /// <summary>The next chunk; the caller gives its buffer back with <see cref="Return"/>. Errors of the
    /// inflate thread (a truncated or corrupt .gz) are rethrown here, on the reading thread.</summary>
    public Chunk Next()
    {
        if (_ended)
            return new Chunk([], 0);
        Chunk chunk;
        if (_ready is null)
            chunk = Fill();
        else
            chunk = _ready.Take();
        chunk.Error?.Throw();
        if (chunk.Length > 0)
            return chunk;
        _ended = true;
        Return(chunk.Buffer);
        return new Chunk([], 0);
    }

    public static void Return(byte[] buffer)
    {
        if (buffer.Length > 0)
            ArrayPool<byte>.Shared.Return(buffer);
    }

    Chunk Fill()
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Prefix + _chunkSize);
        try
        {
            var n = _stream.ReadAtLeast(buffer.AsSpan(Prefix, _chunkSize), _chunkSize, throwOnEndOfStream: false);
            return new Chunk(buffer, n);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    void Produce()
    {
        var token = _stop!.Token;
        try
        {
            while (true)
            {
                Chunk chunk;
                try
                {
                    chunk = Fill();
                }
                catch (Exception e)
                {
                    _ready!.Add(new Chunk([], 0, ExceptionDispatchInfo.Capture(e)), token);
                    return;
                }
                _ready!.Add(chunk, token);
                if (chunk.Length == 0)
                    return;
            }
        }
        catch (OperationCanceledException)
        {
            // The reader was disposed before the end of the file.
        }
    }

    public void Dispose()
    {
        if (_thread is not null)
        {
            _stop!.Cancel();
            _thread.Join();
            while (_ready!.TryTake(out var left))
                Return(left.Buffer);
            _ready.Dispose();
            _stop.Dispose();
        }
        _stream.Dispose();
    }
}

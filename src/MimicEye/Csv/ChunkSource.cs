using System.Buffers;
using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace MimicEye.Csv;

/// <summary>The bytes of a source file in chunks of up to 960 KiB, each stored after <see cref="Prefix"/> free
/// bytes so the reader can put the unfinished record of the previous chunk right before it and scan both as
/// one span. A large <c>.gz</c> is inflated on a thread of its own, a few chunks ahead, whenever a processor
/// is spare (<see cref="CoreBudget"/>): inflating is the cost of a pass (<see cref="RuntimeZlibStream"/>, about
/// 700 MB/s of CSV per core here), and overlapping it with the scan lets a table stream at that speed. While every processor is
/// busy the chunks are inflated inline, and the thread starts at the first chunk after a core frees up. Small
/// files are always read inline (a thread would cost more than it saves).</summary>
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
    readonly bool _mayPrefetch;
    readonly CoreBudget _cores;
    BlockingCollection<Chunk>? _ready;
    CancellationTokenSource? _stop;
    Thread? _thread;
    bool _ended;

    /// <param name="stream">The bytes.</param>
    /// <param name="threaded">Inflate on a thread of its own while a processor is spare.</param>
    /// <param name="chunkSize">Bytes per chunk.</param>
    /// <param name="cores">Whose processors (default: this machine's, <see cref="CoreBudget.Shared"/>).</param>
    public ChunkSource(Stream stream, bool threaded, int chunkSize = ChunkSize, CoreBudget? cores = null)
    {
        _stream = stream;
        _chunkSize = chunkSize;
        _mayPrefetch = threaded;
        _cores = cores ?? CoreBudget.Shared;
        StartPrefetchIfSpare();
    }

    /// <summary>A filled chunk: data in <c>Buffer[Prefix..(Prefix + Length)]</c>; Length 0 at the end.</summary>
    public readonly record struct Chunk(byte[] Buffer, int Length, ExceptionDispatchInfo? Error = null)
    {
        /// <summary>From the inflate thread: it stopped here and the reading thread goes on inline.</summary>
        public static Chunk Handover { get; } = new([], -1);
    }

    public Stream Stream => _stream;

    /// <summary>Whether the next chunks come from an inflate thread (false while inflating inline).</summary>
    public bool Prefetching => _thread is not null;

    /// <summary>The next chunk; the caller gives its buffer back with <see cref="Return"/>. Errors of the
    /// inflate thread (a truncated or corrupt .gz) are rethrown here, on the reading thread.</summary>
    public Chunk Next()
    {
        if (_ended)
            return new Chunk([], 0);
        StartPrefetchIfSpare();
        var chunk = _ready is null ? Fill() : _ready.Take();
        if (chunk.Length < 0)
        {
            StopPrefetch();
            chunk = Fill();
        }
        chunk.Error?.Throw();
        if (chunk.Length > 0)
            return chunk;
        _ended = true;
        Return(chunk.Buffer);
        return new Chunk([], 0);
    }

    /// <summary>Hands the rest of the stream to an inflate thread if a processor is spare. Called on the
    /// reading thread between chunks: the stream is read by one thread at a time.</summary>
    void StartPrefetchIfSpare()
    {
        if (!_mayPrefetch || _thread is not null || !_cores.TryTake())
            return;
        _ready = new BlockingCollection<Chunk>(Depth);
        _stop = new CancellationTokenSource();
        var thread = new Thread(Produce) { IsBackground = true, Name = "mimiceye inflate" };
        try
        {
            thread.Start();
        }
        catch
        {
            _cores.Release();
            throw;
        }
        _thread = thread;
    }

    /// <summary>Ends the inflate thread (it has stopped producing, or the reader is done) and drops what it
    /// had inflated ahead; after a handover nothing is left, since the handover is its last item.</summary>
    void StopPrefetch()
    {
        if (_thread is null)
            return;
        _stop!.Cancel();
        _thread.Join();
        while (_ready!.TryTake(out var left))
            Return(left.Buffer);
        _ready.Dispose();
        _stop.Dispose();
        (_thread, _ready, _stop) = (null, null, null);
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
                if (_cores.Oversubscribed)
                {
                    // More threads than processors (every worker runs a table): inflating inline costs less.
                    _ready!.Add(Chunk.Handover, token);
                    return;
                }
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
        finally
        {
            _cores.Release();
        }
    }

    public void Dispose()
    {
        StopPrefetch();
        _stream.Dispose();
    }
}

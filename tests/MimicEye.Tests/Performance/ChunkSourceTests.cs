using MimicEye.Csv;

namespace MimicEye.Tests.Performance;

/// <summary>A large read inflates on a thread of its own only while a processor is spare (CoreBudget), hands
/// the stream back when the workers need every core, and takes a thread again later: whichever thread
/// reads, the chunks hold the stream's bytes in order, once each.</summary>
public class ChunkSourceTests
{
    const int Chunk = 4096;

    static byte[] Data(int length) => [.. Enumerable.Range(0, length).Select(i => (byte)(i * 7 % 251))];

    [Fact]
    public void Inflates_inline_while_every_processor_is_busy_and_takes_a_thread_once_one_is_free()
    {
        var data = Data(200 * Chunk);
        var cores = new CoreBudget(1);
        var worker = cores.Occupy();
        using var source = new ChunkSource(new MemoryStream(data), threaded: true, Chunk, cores);
        var read = new List<byte>();

        Assert.False(source.Prefetching);
        Read(source, read, 10);
        Assert.False(source.Prefetching);

        worker.Dispose();
        TakesAThreadAndReadsTheRest(source, read);
        Assert.Equal(data, read);
    }

    [Fact]
    public void A_thread_taken_while_a_core_was_spare_gives_way_when_workers_take_every_core()
    {
        var data = Data(400 * Chunk);
        var cores = new CoreBudget(2);
        using var source = new ChunkSource(new MemoryStream(data), threaded: true, Chunk, cores);
        var read = new List<byte>();
        Assert.True(source.Prefetching);

        var workers = new[] { cores.Occupy(), cores.Occupy() };
        // The thread stops at its next chunk; the few it inflated ahead come first, then the reader goes on inline.
        var chunks = 0;
        while (source.Prefetching && Read(source, read, 1))
            chunks++;
        Assert.False(source.Prefetching);
        Assert.True(chunks < 100, $"the thread went on for {chunks} chunks");

        foreach (var worker in workers)
            worker.Dispose();
        TakesAThreadAndReadsTheRest(source, read);
        Assert.Equal(data, read);
    }

    [Fact]
    public void The_budget_counts_inflate_threads_until_their_source_is_done()
    {
        var cores = new CoreBudget(2);
        var data = Data(50 * Chunk);
        using (var first = new ChunkSource(new MemoryStream(data), threaded: true, Chunk, cores))
        {
            using var second = new ChunkSource(new MemoryStream(data), threaded: true, Chunk, cores);
            using var third = new ChunkSource(new MemoryStream(data), threaded: true, Chunk, cores);
            Assert.True(first.Prefetching);
            Assert.True(second.Prefetching);
            Assert.False(third.Prefetching);
        }
        Assert.True(cores.TryTake());
        Assert.True(cores.TryTake());
        Assert.False(cores.TryTake());
    }

    [Fact]
    public void A_small_file_is_never_given_a_thread()
    {
        var cores = new CoreBudget(4);
        using var source = new ChunkSource(new MemoryStream(Data(10 * Chunk)), threaded: false, Chunk, cores);
        var read = new List<byte>();
        while (Read(source, read, 1))
            Assert.False(source.Prefetching);
        Assert.Equal(10 * Chunk, read.Count);
    }

    /// <summary>With a core free again, the next chunk comes from a new inflate thread; then reads to the end.</summary>
    static void TakesAThreadAndReadsTheRest(ChunkSource source, List<byte> read)
    {
        Read(source, read, 1);
        Assert.True(source.Prefetching);
        while (Read(source, read, 1))
        {
        }
    }

    /// <summary>Reads up to <paramref name="chunks"/> chunks; false at the end of the stream.</summary>
    static bool Read(ChunkSource source, List<byte> into, int chunks)
    {
        for (var i = 0; i < chunks; i++)
        {
            var chunk = source.Next();
            if (chunk.Length == 0)
                return false;
            into.AddRange(chunk.Buffer.AsSpan(ChunkSource.Prefix, chunk.Length).ToArray());
            ChunkSource.Return(chunk.Buffer);
        }
        return true;
    }
}

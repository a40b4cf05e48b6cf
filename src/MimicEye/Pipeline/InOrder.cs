using System.Collections.Concurrent;

namespace MimicEye.Pipeline;

/// <summary>Work for <c>Parallel.ForEach</c> handed out one item at a time, in the order given. Given a list or an
/// array, Parallel.ForEach splits it into index ranges per thread: sorted largest first, the largest items
/// then all fall in the first thread's range and run one after another while another thread works through
/// the small ones (measured in a build: the second big table started after 26 small ones).</summary>
static class InOrder
{
    public static OrderablePartitioner<T> Of<T>(IEnumerable<T> items) =>
        Partitioner.Create(items, EnumerablePartitionerOptions.NoBuffering);
}

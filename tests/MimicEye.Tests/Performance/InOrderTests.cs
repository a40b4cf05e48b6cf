using System.Collections.Concurrent;

using MimicEye.Pipeline;

namespace MimicEye.Tests.Performance;

/// <summary>Parallel work sorted largest first starts in that order: the two largest items first, on two
/// workers, and no item before those ahead of it (a plain list is split into per-thread index ranges, so the
/// second worker would start in the middle of it).</summary>
public class InOrderTests
{
    [Fact]
    public void Workers_take_items_one_at_a_time_in_the_order_given()
    {
        var items = Enumerable.Range(0, 40).ToList();
        var started = new ConcurrentQueue<int>();
        using var bothStarted = new Barrier(2);
        Parallel.ForEach(InOrder.Of(items), new ParallelOptions { MaxDegreeOfParallelism = 2 }, item =>
        {
            started.Enqueue(item);
            // The first two items hold their workers until both run: each worker has taken exactly one.
            if (item < 2)
                bothStarted.SignalAndWait(TimeSpan.FromSeconds(10));
            Thread.Sleep(1);
        });

        var order = started.ToArray();
        Assert.Equal(40, order.Length);
        Assert.Equal([0, 1], order.Take(2).Order());
        for (var k = 0; k < order.Length; k++)
            Assert.True(order[k] <= k + 1, $"item {order[k]} started {k}th: {string.Join(' ', order)}");
    }
}

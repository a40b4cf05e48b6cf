namespace MimicEye.Csv;

/// <summary>How many processors the pipeline keeps busy: the workers of a parallel phase (one per work item
/// running) and the inflate threads of large .gz reads. A read takes an inflate thread of its own only while
/// a processor is spare. When every core already runs a table, a second thread per table gains no time and
/// costs processor time (measured on a 2-core machine, the 1x bench labevents read alone: 6.2-6.6 CPU s with the
/// thread, 5.1-5.5 inflating and scanning on one; the handover between cores is the difference), so the read
/// inflates inline until a core frees up, and an inflate thread gives way when the workers need every core.
/// Only the choice of thread depends on it: the bytes read are the same.</summary>
sealed class CoreBudget(int processors)
{
    /// <summary>The processors of this machine, shared by everything the process runs.</summary>
    public static CoreBudget Shared { get; } = new(Environment.ProcessorCount);

    int _busy;

    /// <summary>Counted as busy until disposed: a worker running one work item.</summary>
    public Occupation Occupy()
    {
        Interlocked.Increment(ref _busy);
        return new Occupation(this);
    }

    /// <summary>Takes a spare processor for an inflate thread; false when every one is busy. Give it back
    /// with <see cref="Release"/>.</summary>
    public bool TryTake()
    {
        if (Volatile.Read(ref _busy) >= processors)
            return false;
        if (Interlocked.Increment(ref _busy) <= processors)
            return true;
        Interlocked.Decrement(ref _busy);
        return false;
    }

    public void Release() => Interlocked.Decrement(ref _busy);

    /// <summary>More busy threads than processors: an inflate thread taken while a core was spare gives it
    /// back when workers have taken every core since.</summary>
    public bool Oversubscribed => Volatile.Read(ref _busy) > processors;

    public readonly struct Occupation(CoreBudget budget) : IDisposable
    {
        public void Dispose() => budget.Release();
    }
}

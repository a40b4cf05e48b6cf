namespace MimicEye.Pipeline;

/// <summary>What the pipeline tells about its progress; the CLI draws bars or logs plain lines from it.
/// Called from worker threads: implementations are thread-safe.</summary>
interface IBuildProgress
{
    void PhaseStarted(string phase);

    /// <summary>A table pass advanced: bytes of (compressed) input read of the total.</summary>
    void TableProgress(string table, long read, long total);

    /// <summary>A unit of work finished (a table, a batch of folders).</summary>
    void WorkFinished(string name, int done, int total);

    void PhaseFinished(string phase, TimeSpan elapsed);
}

sealed class NoProgress : IBuildProgress
{
    public static readonly NoProgress Instance = new();

    public void PhaseStarted(string phase) { }
    public void TableProgress(string table, long read, long total) { }
    public void WorkFinished(string name, int done, int total) { }
    public void PhaseFinished(string phase, TimeSpan elapsed) { }
}

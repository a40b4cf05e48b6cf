namespace MimicEye.Diffing;

/// <summary>How <c>mimiceye diff</c> compares. <see cref="MaxRows"/> caps the rows of each kind kept per file
/// (0: all); counts are always complete. The byte thresholds are internal knobs so tests can force the
/// streamed paths on tiny files.</summary>
sealed record DiffOptions(int MaxRows)
{
    public const int DefaultMaxRows = 20;

    /// <summary>Keyed tables larger than this (either side) are compared as streamed row multisets instead
    /// of being loaded, so memory stays bounded.</summary>
    public long StreamThresholdBytes { get; init; } = 200L << 20;

    /// <summary>Row hashes of multiset comparisons spill to one temporary partition per this many input
    /// bytes, so each partition fits in memory whatever the table size.</summary>
    public long PartitionBytes { get; init; } = 32L << 20;

    /// <summary>Where the partitions of streamed comparisons are written (and deleted).</summary>
    public string TempFolder { get; init; } = Path.GetTempPath();

    public int Jobs { get; init; } = Environment.ProcessorCount;

    /// <summary>Whether one more row of a kind that already has <paramref name="kept"/> rows is kept.</summary>
    public bool Keeps(long kept) => MaxRows <= 0 || kept < MaxRows;
}

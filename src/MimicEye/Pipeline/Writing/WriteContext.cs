using System.Collections.Concurrent;

using MimicEye.Dataset;

namespace MimicEye.Pipeline.Writing;

/// <summary>What every writer of phase 3 shares: options, sources, the output layout, the cohort's
/// patients, the issue log, and the per-module record of which patients got files.</summary>
sealed class WriteContext(BuildOptions options, SourceLayout sources, OutputLayout output, PatientIndex patients, IssueLog issues, CancellationToken cancel,
    IBuildProgress progress)
{
    readonly ConcurrentDictionary<string, ConcurrentDictionary<int, byte>> _modulePatients = new(StringComparer.Ordinal);
    readonly ConcurrentDictionary<string, (long Read, long Routed, int Patients)> _tables = new(StringComparer.Ordinal);

    public BuildOptions Options { get; } = options;
    public SourceLayout Sources { get; } = sources;
    public OutputLayout Output { get; } = output;
    public PatientIndex Patients { get; } = patients;
    public IssueLog Issues { get; } = issues;
    public CancellationToken Cancel { get; } = cancel;
    public IBuildProgress Progress { get; } = progress;

    /// <summary>Progress of one table pass, for <see cref="TableFanOut.Run"/>.</summary>
    public Action<long, long> TableProgress(string table) => (read, total) => Progress.TableProgress(table, read, total);

    public void Record(string module, string table, FanOutResult result)
    {
        var set = _modulePatients.GetOrAdd(module, _ => new());
        foreach (var slot in result.RowsBySlot.Keys)
            set.TryAdd(slot, 0);
        _tables[$"{module}/{table}"] = (result.RowsRead, result.RowsRouted, result.RowsBySlot.Count);
    }

    public void RecordPatient(string module, int slot) => _modulePatients.GetOrAdd(module, _ => new()).TryAdd(slot, 0);

    public SortedDictionary<string, int> ModulePatientCounts() =>
        new(_modulePatients.ToDictionary(kv => kv.Key, kv => kv.Value.Count), StringComparer.Ordinal);

    public SortedDictionary<string, (long Read, long Routed, int Patients)> TableCounts() => new(_tables, StringComparer.Ordinal);
}

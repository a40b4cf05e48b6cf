using System.Collections.Concurrent;

using MimicEye.Dataset;

namespace MimicEye.Pipeline.Writing;

/// <summary>What every writer of phase 3 shares: options, sources, the output layout, the cohort's
/// patients, the issue log, and the per-module record of which patients got files. While a work item
/// runs, what it records is also kept as its <see cref="ItemEffects"/>, so that a resumed build can replay
/// the effects of items finished before an interruption instead of redoing them.</summary>
sealed class WriteContext(BuildOptions options, SourceLayout sources, OutputLayout output, PatientIndex patients, IssueLog issues, CancellationToken cancel,
    IBuildProgress progress)
{
    static readonly AsyncLocal<ItemEffects?> s_item = new();
    readonly ConcurrentDictionary<string, ConcurrentDictionary<int, byte>> _modulePatients = new(StringComparer.Ordinal);
    readonly ConcurrentDictionary<string, (long Read, long Routed, int Patients)> _tables = new(StringComparer.Ordinal);
    readonly ConcurrentDictionary<ProjectKind, Checking.SourceLinks> _links = new();

    public BuildOptions Options { get; } = options;
    public SourceLayout Sources { get; } = sources;
    public OutputLayout Output { get; } = output;
    public PatientIndex Patients { get; } = patients;
    public CancellationToken Cancel { get; } = cancel;
    public IBuildProgress Progress { get; } = progress;

    /// <summary>Where a project's files may lead (symlinks): the --source folder and the project's own root,
    /// which users may keep on another disk (see <see cref="Checking.SourceLinks"/>).</summary>
    public Checking.SourceLinks LinksOf(ProjectKind kind) =>
        _links.GetOrAdd(kind, k => new Checking.SourceLinks([Sources.SourceRoot, Sources.Require(k).Root]));

    /// <summary>Progress of one table pass, for <see cref="TableFanOut.Run"/>.</summary>
    public Action<long, long> TableProgress(string table) => (read, total) => Progress.TableProgress(table, read, total);

    public void AddIssue(IssueCode code, string where, string? id, string detail)
    {
        var issue = new Issue(code, where, id, detail);
        s_item.Value?.Issues.Add(issue);
        issues.Add(issue);
    }

    public void Record(string module, string table, FanOutResult result)
    {
        var slots = result.RowsBySlot.Keys.Order().ToList();
        s_item.Value?.Tables.Add(new TableEffect(module, table, result.RowsRead, result.RowsRouted, slots));
        Apply(new TableEffect(module, table, result.RowsRead, result.RowsRouted, slots));
    }

    public void RecordPatient(string module, int slot)
    {
        s_item.Value?.Patients.Add(new PatientEffect(module, slot));
        _modulePatients.GetOrAdd(module, _ => new()).TryAdd(slot, 0);
    }

    /// <summary>Runs <paramref name="work"/> and returns what it recorded.</summary>
    public ItemEffects Capture(Action work)
    {
        var effects = new ItemEffects([], [], []);
        s_item.Value = effects;
        try
        {
            work();
        }
        finally
        {
            s_item.Value = null;
        }
        return effects;
    }

    /// <summary>Replays the effects of an item finished by an interrupted run.</summary>
    public void Replay(ItemEffects effects)
    {
        foreach (var table in effects.Tables)
            Apply(table);
        foreach (var patient in effects.Patients)
            _modulePatients.GetOrAdd(patient.Module, _ => new()).TryAdd(patient.Slot, 0);
        foreach (var issue in effects.Issues)
            issues.Add(issue);
    }

    void Apply(TableEffect table)
    {
        var set = _modulePatients.GetOrAdd(table.Module, _ => new());
        foreach (var slot in table.Slots)
            set.TryAdd(slot, 0);
        _tables[$"{table.Module}/{table.Table}"] = (table.Read, table.Routed, table.Slots.Count);
    }

    public SortedDictionary<string, int> ModulePatientCounts() =>
        new(_modulePatients.ToDictionary(kv => kv.Key, kv => kv.Value.Count), StringComparer.Ordinal);

    public SortedDictionary<string, (long Read, long Routed, int Patients)> TableCounts() => new(_tables, StringComparer.Ordinal);
}

/// <summary>What one work item recorded: table counts, patients per module, and issues.</summary>
sealed record ItemEffects(List<TableEffect> Tables, List<PatientEffect> Patients, List<Issue> Issues);

sealed record TableEffect(string Module, string Table, long Read, long Routed, List<int> Slots);

sealed record PatientEffect(string Module, int Slot);

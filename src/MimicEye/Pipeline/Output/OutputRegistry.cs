using System.Collections.Concurrent;

namespace MimicEye.Pipeline.Output;

/// <summary>The files one phase run (or one unit of work inside it) wrote. Every final rename goes through
/// <see cref="AtomicFile"/>, which records it here; the phase's list is kept in <c>.mimiceye/</c> so later
/// runs know which files are mimiceye's (and may replace or remove them) and which are not (never
/// touched). Ambient per run (AsyncLocal), so parallel workers of one build record into it and parallel
/// builds in one process (tests) do not mix. A work item's registry also records into its phase's.</summary>
sealed class OutputRegistry
{
    static readonly AsyncLocal<OutputRegistry?> s_current = new();
    readonly ConcurrentDictionary<string, byte> _files = new(StringComparer.Ordinal);
    readonly OutputRegistry? _parent;

    OutputRegistry(OutputRegistry? parent) => _parent = parent;

    public static OutputRegistry? Current => s_current.Value;

    /// <summary>Starts recording for a phase (or, inside one, for a unit of work).</summary>
    public static OutputRegistry Begin()
    {
        var registry = new OutputRegistry(s_current.Value);
        s_current.Value = registry;
        return registry;
    }

    public static void End() => s_current.Value = s_current.Value?._parent;

    public static void Record(string path)
    {
        var full = Path.GetFullPath(path);
        for (var r = s_current.Value; r is not null; r = r._parent)
            r._files.TryAdd(full, 0);
    }

    /// <summary>Records files written by an earlier, interrupted run of the same work (resume).</summary>
    public void Adopt(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            for (var r = this; r is not null; r = r._parent)
                r._files.TryAdd(path, 0);
        }
    }

    public IReadOnlyCollection<string> Files => [.. _files.Keys.Order(StringComparer.Ordinal)];
}

using System.Collections.Concurrent;

namespace MimicEye.Pipeline.Output;

/// <summary>The files one phase run wrote. Every final rename goes through <see cref="AtomicFile"/>, which
/// records it here; the phase's list is kept in <c>.mimiceye/</c> so later runs know which files are
/// mimiceye's (and may replace or remove them) and which are not (never touched). Ambient per run
/// (AsyncLocal), so parallel workers of one build record into it and parallel builds in one process
/// (tests) do not mix.</summary>
sealed class OutputRegistry
{
    static readonly AsyncLocal<OutputRegistry?> s_current = new();
    readonly ConcurrentDictionary<string, byte> _files = new(StringComparer.Ordinal);

    public static OutputRegistry? Current => s_current.Value;

    public static OutputRegistry Begin()
    {
        var registry = new OutputRegistry();
        s_current.Value = registry;
        return registry;
    }

    public static void End() => s_current.Value = null;

    public static void Record(string path) => s_current.Value?._files.TryAdd(Path.GetFullPath(path), 0);

    public IReadOnlyCollection<string> Files => [.. _files.Keys.Order(StringComparer.Ordinal)];
}

using System.Collections.Concurrent;

namespace MimicEye.Pipeline.Output;

/// <summary>The files one phase run (or one unit of work inside it) wrote. Every final rename goes through
/// <see cref="AtomicFile"/>, which records it here; the phase's list is kept in <c>.mimiceye/</c> so later
/// runs know which files are mimiceye's (and may replace or remove them) and which are not (never
/// touched). Ambient per run (AsyncLocal), so parallel workers of one build record into it and parallel
/// builds in one process (tests) do not mix. A work item's registry also records into its phase's.
///
/// A writer that knows a file's size and SHA-256 when it commits it (it saw every byte) records them too,
/// so the finish step and the resume journal need not open the file again: with ~100,000 small files per
/// build, opening each one once more costs more than the hashing.</summary>
sealed class OutputRegistry
{
    static readonly AsyncLocal<OutputRegistry?> s_current = new();
    readonly ConcurrentDictionary<string, FileFacts> _files = new(StringComparer.Ordinal);
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

    /// <summary>Told of every file about to be committed under this registry (or a unit of work inside it),
    /// just before it gets its final name (absolute path): the write phase's resume journal notes each one, so
    /// no committed file goes unnoted, however a run is killed.</summary>
    public Action<string>? Committing { get; set; }

    /// <summary>Called by <see cref="AtomicFile"/> before the rename that commits a file (absolute path).</summary>
    public static void Announce(string fullPath)
    {
        for (var r = s_current.Value; r is not null; r = r._parent)
            r.Committing?.Invoke(fullPath);
    }

    /// <summary>Called by <see cref="AtomicFile"/> once a file is committed (absolute path).</summary>
    public static void Record(string fullPath, FileFacts facts)
    {
        for (var r = s_current.Value; r is not null; r = r._parent)
            r._files[fullPath] = facts;
    }

    /// <summary>Records files written by an earlier, interrupted run of the same work (resume).</summary>
    public void Adopt(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            for (var r = this; r is not null; r = r._parent)
                r._files[path] = FileFacts.Unknown;
        }
    }

    public IReadOnlyCollection<string> Files => [.. _files.Keys.Order(StringComparer.Ordinal)];

    /// <summary>The same files in no particular order, for a caller that sorts what it writes itself.</summary>
    public IReadOnlyCollection<string> FilesInAnyOrder => [.. _files.Keys];

    /// <summary>What is known of a recorded file (absolute path); <see cref="FileFacts.Unknown"/> if nothing.</summary>
    public FileFacts FactsOf(string path) => _files.GetValueOrDefault(path, FileFacts.Unknown);
}

/// <summary>A committed file's size (-1: not known), lower-case hex SHA-256 (null: not known) and last write time
/// (UTC ticks, as FileInfo gives it; -1: not known). The writer reads the time from its open handle after its last
/// write (fstat); the rename that commits the file leaves it as it is.</summary>
readonly record struct FileFacts(long Size, string? Sha256, long WriteTicks = -1)
{
    public static FileFacts Unknown { get; } = new(-1, null);

    /// <summary>The facts of a file whose every byte went through <paramref name="hash"/> (SHA-256); resets the hash.</summary>
    public static FileFacts Of(long size, System.Security.Cryptography.IncrementalHash hash, long writeTicks) =>
        new(size, Convert.ToHexStringLower(hash.GetHashAndReset()), writeTicks);

    /// <summary>The last write time of an open file, without looking its path up again.</summary>
    public static long WriteTicksOf(Microsoft.Win32.SafeHandles.SafeFileHandle file) => File.GetLastWriteTimeUtc(file).Ticks;
}

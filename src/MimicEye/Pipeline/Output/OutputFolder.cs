using System.IO.Enumeration;

using MimicEye.Dataset;

namespace MimicEye.Pipeline.Output;

/// <summary>The rules for <c>--out</c> (SPEC §9): a non-empty folder that is not a mimiceye output is refused
/// unless <c>--force</c>; temporary files of an interrupted run are removed (they are mimiceye's); the
/// lists of files each phase wrote live in <c>.mimiceye/</c>.</summary>
static class OutputFolder
{
    public const string StateFolder = ".mimiceye";
    const string Marker = "output";

    public static string StatePath(OutputLayout output, string name) => Path.Combine(output.Root, StateFolder, name);

    public static bool IsMimicEyeOutput(string root) => File.Exists(Path.Combine(root, StateFolder, Marker));

    public static void Prepare(OutputLayout output, bool force)
    {
        var root = output.Root;
        if (File.Exists(root))
            throw new MimicEyeException($"--out {root} is a file, not a folder");
        if (Directory.Exists(root) && !IsMimicEyeOutput(root) && Directory.EnumerateFileSystemEntries(root).Any() && !force)
        {
            throw new MimicEyeException($"--out {root} is not empty and is not a mimiceye output; choose an empty folder, "
                + "or add --force to write into it (mimiceye never deletes files it did not write)");
        }
        Directory.CreateDirectory(Path.Combine(root, StateFolder));
        File.WriteAllText(Path.Combine(root, StateFolder, Marker), "This folder is a mimiceye output. The files here list what each phase wrote.\n");
        RemoveTemporaryFiles(output);
    }

    /// <summary>Removes the temporary files of an interrupted or failed run (only mimiceye writes that suffix).
    /// A symlinked folder is not entered: what it leads to is outside --out, and not mimiceye's.</summary>
    public static void RemoveTemporaryFiles(OutputLayout output)
    {
        var temps = new FileSystemEnumerable<string>(output.Root, (ref entry) => entry.ToFullPath(),
            new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = 0 })
        {
            ShouldIncludePredicate = (ref entry) => !entry.IsDirectory && entry.FileName.EndsWith(OutputLayout.TempSuffix, StringComparison.Ordinal),
            ShouldRecursePredicate = (ref entry) => (entry.Attributes & FileAttributes.ReparsePoint) == 0,
        };
        foreach (var temp in temps.ToList())
            AtomicFile.TryDelete(temp);
    }

    /// <summary>The files a phase wrote in its last run (absolute paths). A line that leads out of --out
    /// (an edited or crafted list) is ignored: such a file cannot be mimiceye's, so it is never removed.</summary>
    public static HashSet<string> PhaseFiles(OutputLayout output, string phase)
    {
        var path = StatePath(output, phase + ".files");
        return File.Exists(path) ? [.. File.ReadAllLines(path).Select(l => Inside(output, l)).OfType<string>()] : [];
    }

    /// <summary>The absolute path of a relative path read from a state file, or null when it is empty or leads out
    /// of --out (an edited or crafted line): what it names cannot be mimiceye's, so it is never removed.</summary>
    public static string? Inside(OutputLayout output, string relative)
    {
        if (relative.Length == 0)
            return null;
        // The lines mimiceye writes are clean: the root joined with one is already its full path, without
        // GetFullPath's normalising pass (100,000 lines a build).
        var full = Path.DirectorySeparatorChar == '/' && OutputLayout.IsClean(relative)
            ? Path.Combine(output.Root, relative)
            : Path.GetFullPath(Path.Combine(output.Root, relative));
        return full.StartsWith(output.RootPrefix, StringComparison.Ordinal) ? full : null;
    }

    /// <summary>Records what a phase wrote, and removes the files its previous run wrote that this run did
    /// not (they are mimiceye's own, e.g. a patient who left the cohort); returns those (absolute paths).</summary>
    public static IReadOnlyList<string> CompletePhase(OutputLayout output, string phase, IReadOnlyCollection<string> written)
    {
        var previous = PhaseFiles(output, phase);
        var now = written.ToHashSet(StringComparer.Ordinal);
        var stale = previous.Where(p => !now.Contains(p)).ToList();
        foreach (var path in stale)
            AtomicFile.TryDelete(path);
        AtomicFile.WriteLines(StatePath(output, phase + ".files"), now.Select(output.Relative).Order(StringComparer.Ordinal));
        return stale;
    }

    /// <summary>Every file the phases' lists name (relative paths; one removed by hand since may be among them).</summary>
    public static HashSet<string> AllFiles(OutputLayout output, IEnumerable<string> phases)
    {
        var all = new HashSet<string>(StringComparer.Ordinal);
        foreach (var phase in phases)
            all.UnionWith(PhaseFiles(output, phase).Select(output.Relative));
        return all;
    }
}

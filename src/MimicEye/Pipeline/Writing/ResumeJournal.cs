using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

using MimicEye.Dataset;
using MimicEye.Pipeline.Output;

namespace MimicEye.Pipeline.Writing;

/// <summary>Lets an interrupted write phase resume without redoing finished work. Each finished work item
/// appends one line (its key and the files it wrote, with their sizes) to <c>.mimiceye/write.journal</c>,
/// and every file is noted (<c>F path</c>) just before it is committed. The journal's first line is a fingerprint of
/// everything the phase's output depends on (options, the spreadsheets of phases 1-2, and the size and time of
/// every source file). A rerun with the same fingerprint skips an item only when all its files are still there
/// with the recorded sizes. A rerun with another fingerprint starts afresh, and first removes the files the
/// interrupted run committed that no finished phase lists: other options may not write them again, and
/// nothing would ever list them. The journal is removed only when the whole run is finished (build.json
/// saved), so a run killed after phase 3 (while the checksums are computed) does not redo the phase either.</summary>
sealed partial class ResumeJournal : IDisposable
{
    readonly string _path;
    readonly Dictionary<string, (List<(string Path, long Size)> Files, ItemEffects Effects)> _done = new(StringComparer.Ordinal);
    readonly StreamWriter _writer;
    readonly Lock _lock = new();
    readonly OutputLayout _output;

    const string FileName = "write.journal";

    public ResumeJournal(OutputLayout output, string fingerprint)
    {
        _path = OutputFolder.StatePath(output, FileName);
        var lines = File.Exists(_path) ? CompleteLines(File.ReadAllText(_path)) : [];
        var same = lines.Count > 0 && lines[0] == fingerprint;
        if (same)
        {
            foreach (var line in lines.Skip(1).Where(l => l.StartsWith('{')))
            {
                // A line that does not parse (damaged by hand, or by an older version) is not trusted.
                try
                {
                    var entry = JsonSerializer.Deserialize(line, JournalJson.Default.Entry);
                    if (entry is not null)
                        _done[entry.Key] = ([.. entry.Files.Select(f => (Path.Combine(output.Root, f.Path), f.Size))], entry.Effects);
                }
                catch (JsonException)
                {
                }
            }
        }
        else if (lines.Count > 0)
            RemoveLeftovers(output, lines.Skip(1).Where(l => l.StartsWith(FilePrefix, StringComparison.Ordinal)).Select(l => l[FilePrefix.Length..]));
        _writer = new StreamWriter(new FileStream(_path, same ? FileMode.Append : FileMode.Create, FileAccess.Write, FileShare.Read), new UTF8Encoding(false))
        {
            NewLine = "\n",
        };
        if (!same)
            _writer.WriteLine(fingerprint);
        _writer.Flush();
        _output = output;
    }

    const string FilePrefix = "F ";

    /// <summary>The journal's lines, without a last one a kill cut short (it has no line break).</summary>
    static List<string> CompleteLines(string text)
    {
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        lines.RemoveAt(lines.Count - 1);
        return lines;
    }

    /// <summary>Removes the files an interrupted run committed (relative paths) that no finished phase lists,
    /// and the folders that leaves empty. A path leading out of --out is ignored, as in the phase lists.</summary>
    static void RemoveLeftovers(OutputLayout output, IEnumerable<string> committed)
    {
        var listed = OutputFolder.AllFiles(output, Phases.All.Select(Phases.Name).Append(Phases.Finish));
        var root = Path.TrimEndingDirectorySeparator(output.Root);
        foreach (var relative in committed.Where(r => !listed.Contains(r)).Distinct(StringComparer.Ordinal))
        {
            if (OutputFolder.Inside(output, relative) is not { } full)
                continue;
            AtomicFile.TryDelete(full);
            // The folders above it, up to (not including) --out itself.
            for (var folder = Path.GetDirectoryName(full); folder is not null && folder.Length > root.Length
                && Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any(); folder = Path.GetDirectoryName(folder))
            {
                if (!TryDeleteFolder(folder))
                    break;
            }
        }
    }

    /// <summary>An empty folder that cannot be removed (another process just wrote into it, or no right to) is left.</summary>
    static bool TryDeleteFolder(string folder)
    {
        try
        {
            Directory.Delete(folder);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Notes a file about to be committed, so a rerun with other options can remove it (see the class summary).</summary>
    public void Committing(string fullPath)
    {
        var relative = _output.Relative(fullPath);
        lock (_lock)
        {
            _writer.Write(FilePrefix);
            _writer.WriteLine(relative);
            _writer.Flush();
        }
    }

    public int Resumed { get; private set; }

    /// <summary>The files and effects of a finished item, if it can be skipped.</summary>
    public (IReadOnlyList<string> Files, ItemEffects Effects)? Finished(string key)
    {
        if (!_done.TryGetValue(key, out var done))
            return null;
        if (!done.Files.All(f => File.Exists(f.Path) && new FileInfo(f.Path).Length == f.Size))
            return null;
        lock (_lock)
            Resumed++;
        return ([.. done.Files.Select(f => f.Path)], done.Effects);
    }

    /// <summary>Records a finished item: the files of its <paramref name="registry"/> (sizes as their writers
    /// gave them, else from the disk) and its effects.</summary>
    public void Record(string key, OutputRegistry registry, ItemEffects effects)
    {
        var entry = new Entry(key, [.. registry.Files.Select(f => new EntryFile(_output.Relative(f), SizeOf(registry, f)))], effects);
        var line = JsonSerializer.Serialize(entry, JournalJson.Default.Entry);
        lock (_lock)
        {
            _writer.WriteLine(line);
            _writer.Flush();
        }
    }

    static long SizeOf(OutputRegistry registry, string file) => registry.FactsOf(file).Size is >= 0 and var size ? size : new FileInfo(file).Length;

    /// <summary>Called when the run is finished: its work is all in the tree, listed in SHA256SUMS.txt.</summary>
    public static void Remove(OutputLayout output) => AtomicFile.TryDelete(OutputFolder.StatePath(output, FileName));

    public void Dispose() => _writer.Dispose();

    public static string Fingerprint(BuildOptions options, SourceLayout sources, OutputLayout output)
    {
        var text = new StringBuilder();
        text.Append(System.Globalization.CultureInfo.InvariantCulture,
            $"{BuildManifest.Version}|{options.Rules}|{options.Images}|{options.WindowDays}|{options.ReflacxLabels}|{options.EyeGazeTrimmed}\n");
        foreach (var file in new[] { output.CxrMeta, output.ReflacxMetadata, output.MasterSheetWithStayId, output.DicomIdRepairs }.Where(File.Exists))
            text.Append(Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file)))).Append('\n');
        foreach (var project in sources.Projects.Values.OrderBy(p => p.Kind))
        {
            foreach (var table in SourceTables.All.Where(t => t.Project == project.Kind).Select(project.FindTable).OfType<string>())
            {
                var info = new FileInfo(table);
                text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{table}|{info.Length}|{info.LastWriteTimeUtc.Ticks}\n");
            }
        }
        return "v1 " + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    sealed record Entry(string Key, List<EntryFile> Files, ItemEffects Effects);

    sealed record EntryFile(string Path, long Size);

    /// <summary>Serialisation code generated at compile time: the natively compiled mimiceye (README, Install) has
    /// no reflection-based serialiser. Same options as before, so the same lines.</summary>
    [JsonSerializable(typeof(Entry))]
    sealed partial class JournalJson : JsonSerializerContext;
}

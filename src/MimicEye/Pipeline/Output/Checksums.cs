using System.Globalization;
using System.Security.Cryptography;

using MimicEye.Dataset;

namespace MimicEye.Pipeline.Output;

/// <summary><c>SHA256SUMS.txt</c> in the format PhysioNet uses (<c>sha256sum -c</c> compatible): one line
/// per file, <c>&lt;hex&gt;  &lt;relative path&gt;</c>, sorted by path. A file is read only when its hash is
/// not known already: computed by its writer in this run (<see cref="OutputRegistry"/>), or kept in a cache
/// from the last run (same size and modification time), so rerunning one phase does not re-read every image.
/// A file whose writer also gave its write time is not even looked up (one system call per file: 2 % of the
/// CPU time of a build that writes 115,000 files, all of it in the finish, after the tables).</summary>
static class Checksums
{
    const string CacheFile = "hashes.tsv";

    /// <param name="output">The output folder.</param>
    /// <param name="relativePaths">The files to list; one that no longer exists is left out.</param>
    /// <param name="jobs">Threads that read files.</param>
    /// <param name="fresh">What the writers of this run know of their files, by relative path: trusted as it is when
    /// it has the write time, else when the size matches. It must not name a file removed since it was written.</param>
    public static void Write(OutputLayout output, IReadOnlyCollection<string> relativePaths, int jobs, IReadOnlyDictionary<string, FileFacts>? fresh = null)
    {
        var cache = ReadCache(output);
        // Sorted once, then each slot filled in parallel: the lines come out in order without a second sort.
        var paths = relativePaths.ToArray();
        Array.Sort(paths, StringComparer.Ordinal);
        var listed = new (long Size, long Ticks, string? Hash)[paths.Length];
        Parallel.For(0, paths.Length, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, jobs) }, i =>
        {
            var relative = paths[i];
            var written = fresh is not null && fresh.TryGetValue(relative, out var facts) ? facts : FileFacts.Unknown;
            if (written is { Sha256: not null, WriteTicks: >= 0 })
            {
                listed[i] = (written.Size, written.WriteTicks, written.Sha256);
                return;
            }
            var info = new FileInfo(Path.Combine(output.Root, relative));
            if (!info.Exists)
                return;
            var ticks = info.LastWriteTimeUtc.Ticks;
            if (written.Sha256 is not null && written.Size == info.Length)
            {
                listed[i] = (info.Length, ticks, written.Sha256);
                return;
            }
            if (cache.TryGetValue(relative, out var hit) && hit.Size == info.Length && hit.Ticks == ticks)
            {
                listed[i] = hit;
                return;
            }
            // A small buffer: most output files are small, and 1 MiB buffers for 100,000 files churn the large-object heap.
            using var stream = new FileStream(info.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 12, FileOptions.SequentialScan);
            listed[i] = (info.Length, ticks, Convert.ToHexStringLower(SHA256.HashData(stream)));
        });
        // A file that no longer exists has no hash and is left out.
        var present = Enumerable.Range(0, paths.Length).Where(i => listed[i].Hash is not null).ToList();
        AtomicFile.WriteLines(Path.Combine(output.Root, OutputLayout.ChecksumsFile), present.Select(i => $"{listed[i].Hash}  {paths[i]}"));
        AtomicFile.WriteLines(OutputFolder.StatePath(output, CacheFile), present.Select(i =>
            string.Create(CultureInfo.InvariantCulture, $"{paths[i]}\t{listed[i].Size}\t{listed[i].Ticks}\t{listed[i].Hash}")));
    }

    /// <summary>Reads a SHA256SUMS.txt: relative path -> lower-case hex.</summary>
    public static Dictionary<string, string> Read(string path)
    {
        var sums = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path))
        {
            var split = line.IndexOf("  ", StringComparison.Ordinal);
            if (split == 64)
                sums[line[(split + 2)..]] = line[..split].ToLowerInvariant();
        }
        return sums;
    }

    static Dictionary<string, (long Size, long Ticks, string Hash)> ReadCache(OutputLayout output)
    {
        var path = OutputFolder.StatePath(output, CacheFile);
        var cache = new Dictionary<string, (long, long, string)>(StringComparer.Ordinal);
        if (!File.Exists(path))
            return cache;
        foreach (var line in File.ReadLines(path))
        {
            var parts = line.Split('\t');
            if (parts.Length == 4 && long.TryParse(parts[1], CultureInfo.InvariantCulture, out var size) && long.TryParse(parts[2], CultureInfo.InvariantCulture, out var ticks))
                cache[parts[0]] = (size, ticks, parts[3]);
        }
        return cache;
    }
}

using System.Security.Cryptography;

using MimicEye.Dataset;
using MimicEye.Pipeline;

namespace MimicEye.Checking;

/// <summary>What <c>--checksums</c> found for one project's <c>SHA256SUMS.txt</c>. Listed files that are
/// absent are "not downloaded": users fetch only what the cohort needs, so that is no problem.</summary>
sealed record ChecksumSummary(ProjectKind Kind, string ListPath, int Listed, int Verified, IReadOnlyList<string> NotDownloaded,
    IReadOnlyList<int> BadLines);

/// <summary>Hashes every listed file that exists, in parallel over files (largest first, so the last
/// worker is not left with a multi-GB file), and compares with PhysioNet's list.</summary>
static class ChecksumVerifier
{
    const int BufferSize = 1 << 20;

    enum Outcome
    {
        NotDownloaded,
        Pending,
        Verified,
        Mismatch,
        Unsafe,
        Unreadable,
    }

    public static List<ChecksumSummary> Verify(IReadOnlyList<(SourceProject Project, SourceLinks Links)> projects, List<Issue> issues,
        CancellationToken cancel)
    {
        var lists = new List<(SourceProject Project, string ListPath, ChecksumList List, Outcome[] Outcomes, string?[] Details)>();
        var jobs = new List<(int ListIndex, int EntryIndex, string Path, long Size)>();
        foreach (var (project, links) in projects)
        {
            var listPath = Path.Combine(project.Root, SourceProject.ChecksumsFile);
            if (!File.Exists(listPath))
                continue;
            var list = ChecksumList.Read(listPath);
            var outcomes = new Outcome[list.Entries.Count];
            var details = new string?[list.Entries.Count];
            for (var i = 0; i < list.Entries.Count; i++)
            {
                var full = Path.Combine(project.Root, list.Entries[i].RelativePath.Replace('/', Path.DirectorySeparatorChar));
                if (!File.Exists(full))
                    continue;
                if (links.Escape(full) is { } real)
                {
                    outcomes[i] = Outcome.Unsafe;
                    details[i] = $"leads outside the source folder to {real}; not read";
                    continue;
                }
                outcomes[i] = Outcome.Pending;
                jobs.Add((lists.Count, i, full, new FileInfo(full).Length));
            }
            lists.Add((project, listPath, list, outcomes, details));
        }

        var order = jobs.Select((job, index) => (job, index)).OrderByDescending(j => j.job.Size).ThenBy(j => j.index).Select(j => j.job).ToArray();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancel };
        Parallel.ForEach(InOrder.Of(order), parallel, () => new byte[BufferSize], (job, _, buffer) =>
        {
            var (listIndex, entryIndex, path, _) = job;
            var (_, _, list, outcomes, details) = lists[listIndex];
            try
            {
                outcomes[entryIndex] = Sha256Of(path, buffer, cancel) == list.Entries[entryIndex].Sha256 ? Outcome.Verified : Outcome.Mismatch;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                outcomes[entryIndex] = Outcome.Unreadable;
                details[entryIndex] = $"cannot be read to verify its checksum ({e.GetType().Name}: {e.Message})";
            }
            return buffer;
        }, _ => { });

        var summaries = new List<ChecksumSummary>();
        foreach (var (project, listPath, list, outcomes, details) in lists)
        {
            var notDownloaded = new List<string>();
            for (var i = 0; i < outcomes.Length; i++)
            {
                var entry = list.Entries[i];
                var full = Path.Combine(project.Root, entry.RelativePath.Replace('/', Path.DirectorySeparatorChar));
                switch (outcomes[i])
                {
                    case Outcome.NotDownloaded:
                        notDownloaded.Add(entry.RelativePath);
                        break;
                    case Outcome.Mismatch:
                        issues.Add(new Issue(IssueCode.ChecksumMismatch, full, null,
                            $"SHA-256 differs from {SourceProject.ChecksumsFile} line {entry.Line}; download the file again"));
                        break;
                    case Outcome.Unsafe:
                        issues.Add(new Issue(IssueCode.UnsafeSourceLink, full, null, details[i]!));
                        break;
                    case Outcome.Unreadable:
                        issues.Add(new Issue(IssueCode.ChecksumMismatch, full, null, details[i]!));
                        break;
                }
            }
            summaries.Add(new ChecksumSummary(project.Kind, listPath, list.Entries.Count, outcomes.Count(o => o == Outcome.Verified),
                notDownloaded, list.BadLines));
        }
        return summaries;
    }

    static string Sha256Of(string path, byte[] buffer, CancellationToken cancel)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        int n;
        while ((n = stream.Read(buffer)) > 0)
        {
            hash.AppendData(buffer, 0, n);
            cancel.ThrowIfCancellationRequested();
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}

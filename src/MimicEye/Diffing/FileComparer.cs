using System.Security.Cryptography;

using MimicEye.Dataset;
using MimicEye.Pipeline.Output;

namespace MimicEye.Diffing;

/// <summary>Whether two files hold the same bytes: sizes first, then the hashes a tree's SHA256SUMS.txt
/// lists where they can be trusted, else the bytes themselves.</summary>
static class FileComparer
{
    const int Chunk = 1 << 20;

    public static bool Same(string relative, string pathA, string pathB, TreeChecksums sumsA, TreeChecksums sumsB, CancellationToken cancel)
    {
        var a = TreeFiles.Resolve(pathA);
        var b = TreeFiles.Resolve(pathB);
        if (a.Length != b.Length)
            return false;
        var hashA = sumsA.Trusted(relative, a);
        var hashB = sumsB.Trusted(relative, b);
        if (hashA is not null && hashB is not null)
            return hashA == hashB;
        if (hashA is not null)
            return Sha256(b.FullName, cancel) == hashA;
        if (hashB is not null)
            return Sha256(a.FullName, cancel) == hashB;
        // Without a listed hash, reading both side by side costs the same as hashing both and stops at the
        // first difference.
        return SameBytes(a.FullName, b.FullName, cancel);
    }

    static string Sha256(string path, CancellationToken cancel)
    {
        cancel.ThrowIfCancellationRequested();
        using var stream = Open(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    static bool SameBytes(string pathA, string pathB, CancellationToken cancel)
    {
        using var a = Open(pathA);
        using var b = Open(pathB);
        var bufferA = new byte[Chunk];
        var bufferB = new byte[Chunk];
        while (true)
        {
            cancel.ThrowIfCancellationRequested();
            var readA = a.ReadAtLeast(bufferA, Chunk, throwOnEndOfStream: false);
            var readB = b.ReadAtLeast(bufferB, Chunk, throwOnEndOfStream: false);
            if (readA != readB || !bufferA.AsSpan(0, readA).SequenceEqual(bufferB.AsSpan(0, readB)))
                return false;
            if (readA < Chunk)
                return true;
        }
    }

    static FileStream Open(string path) => new(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
}

/// <summary>A tree's SHA256SUMS.txt, trusted for a file only when the file is listed and was not modified
/// after the list was written (a file edited since would otherwise pass as unchanged).</summary>
sealed class TreeChecksums
{
    readonly Dictionary<string, string> _sums;
    readonly DateTime _written;

    TreeChecksums(Dictionary<string, string> sums, DateTime written) => (_sums, _written) = (sums, written);

    public int Count => _sums.Count;

    public static TreeChecksums Load(string root)
    {
        var path = Path.Combine(root, OutputLayout.ChecksumsFile);
        return File.Exists(path)
            ? new TreeChecksums(Checksums.Read(path), File.GetLastWriteTimeUtc(path))
            : new TreeChecksums([], DateTime.MinValue);
    }

    public string? Trusted(string relative, FileInfo file) =>
        _sums.TryGetValue(relative, out var hash) && file.LastWriteTimeUtc <= _written ? hash : null;
}

namespace MimicEye.Checking;

/// <summary>Finds source files that are symlinks (or sit under symlinked folders) leading out of the
/// source. Such a link in a downloaded or unpacked tree could make a build read, and copy into the
/// dataset, any file of the machine, so check reports it and does not read the file.</summary>
sealed class SourceLinks
{
    const int MaxLinkDepth = 40;

    readonly List<string> _boundaries;

    /// <summary>Real paths of the folders asked about so far: a build asks about thousands of files and
    /// folders under the same few dozen folders, each of which would otherwise be resolved again.</summary>
    readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _folders = new(StringComparer.Ordinal);

    /// <param name="boundaries">Folders a file may resolve into: the --source folder and the project's own
    /// root. The project root counts because users legitimately symlink a whole project folder to another
    /// disk; what is refused is a link below it that leaves both.</param>
    public SourceLinks(IEnumerable<string?> boundaries)
    {
        _boundaries = [.. boundaries.OfType<string>().Select(b => Resolve(b))];
    }

    /// <summary>The real path of <paramref name="path"/> when it leads outside every boundary; else null.</summary>
    public string? Escape(string path)
    {
        var real = ResolveRemembered(Path.GetFullPath(path));
        return _boundaries.Any(b => IsUnder(real, b)) ? null : real;
    }

    /// <summary><see cref="Resolve"/>, with the folder above the last component taken from (or put into) the memo.</summary>
    string ResolveRemembered(string full)
    {
        var parent = Path.GetDirectoryName(full);
        if (parent is null)
            return Resolve(full);
        var realParent = _folders.GetOrAdd(parent, static (folder, self) => self.ResolveRemembered(folder), this);
        var next = Path.Combine(realParent, Path.GetFileName(full));
        var target = new FileInfo(next).LinkTarget;
        return target is null ? next : Resolve(Path.GetFullPath(target, realParent), 1);
    }

    static bool IsUnder(string path, string folder) =>
        path == folder || path.StartsWith(Path.TrimEndingDirectorySeparator(folder) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>The path with every symlink in every component resolved (what realpath(3) gives). .NET only
    /// resolves the last component (<c>ResolveLinkTarget</c>), so folders are walked one by one.</summary>
    public static string Resolve(string path, int depth = 0)
    {
        if (depth > MaxLinkDepth)
            throw new IOException($"too many levels of symbolic links: {path}");
        var full = Path.GetFullPath(path);
        var current = Path.GetPathRoot(full)!;
        foreach (var part in full[current.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Combine(current, part);
            var target = new FileInfo(next).LinkTarget;
            // A relative target is relative to the folder holding the link; that folder is already real.
            current = target is null ? next : Resolve(Path.GetFullPath(target, current), depth + 1);
        }
        return current;
    }
}

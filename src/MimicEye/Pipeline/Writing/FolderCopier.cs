using MimicEye.Pipeline.Output;

namespace MimicEye.Pipeline.Writing;

/// <summary>Copies a source folder (a study, a REFLACX reading, an EGD case) file by file through temporary
/// names. wget's <c>index.html</c> files are skipped; a symlink that leads outside the source tree is
/// refused and reported, so a crafted download cannot make mimiceye copy arbitrary files.</summary>
static class FolderCopier
{
    public const string WgetIndex = "index.html";

    /// <summary>Copies every file of <paramref name="source"/> (recursively) into <paramref name="destination"/>;
    /// <paramref name="copyFile"/> decides how one file is copied (default: byte copy). Returns the files written.</summary>
    public static int Copy(string source, string destination, string sourceRoot, WriteContext context, Action<string, string>? copyFile = null)
    {
        var written = 0;
        Directory.CreateDirectory(destination);
        foreach (var entry in new DirectoryInfo(source).EnumerateFileSystemInfos().OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            if (!IsInside(entry, sourceRoot))
            {
                context.AddIssue(IssueCode.UnsafeSourceLink, entry.FullName, null, "a symlink leads outside the source folder; not copied");
                continue;
            }
            var target = Path.Combine(destination, entry.Name);
            if (entry is DirectoryInfo dir)
                written += Copy(dir.FullName, target, sourceRoot, context, copyFile);
            else if (!string.Equals(entry.Name, WgetIndex, StringComparison.OrdinalIgnoreCase) && !entry.Name.EndsWith(Dataset.OutputLayout.TempSuffix, StringComparison.Ordinal))
            {
                (copyFile ?? AtomicFile.Copy)(entry.FullName, target);
                written++;
            }
        }
        return written;
    }

    /// <summary>Whether a file or folder, after following symlinks, is inside the source tree.</summary>
    public static bool IsInside(FileSystemInfo entry, string sourceRoot)
    {
        if (entry.LinkTarget is null)
            return true;
        var final = entry.ResolveLinkTarget(returnFinalTarget: true);
        if (final is null || !final.Exists)
            return false;
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(sourceRoot)) + Path.DirectorySeparatorChar;
        return Path.GetFullPath(final.FullName).StartsWith(root, StringComparison.Ordinal);
    }
}

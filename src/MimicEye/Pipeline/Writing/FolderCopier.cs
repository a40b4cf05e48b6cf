using MimicEye.Checking;
using MimicEye.Pipeline.Output;

namespace MimicEye.Pipeline.Writing;

/// <summary>Copies a source folder (a study, a REFLACX reading, an EGD case) file by file through temporary
/// names. wget's <c>index.html</c> files are skipped; a symlink that leads outside the source tree (the
/// folder itself, any folder above it, or an entry in it) is refused and reported, so a crafted download
/// cannot make mimiceye copy arbitrary files.</summary>
static class FolderCopier
{
    public const string WgetIndex = "index.html";

    /// <summary>Copies every file of <paramref name="source"/> (recursively) into <paramref name="destination"/>;
    /// <paramref name="copyFile"/> decides how one file is copied (default: byte copy). Returns the files written.</summary>
    public static int Copy(string source, string destination, SourceLinks links, WriteContext context, Action<string, string>? copyFile = null)
    {
        if (Escapes(links, source))
        {
            context.AddIssue(IssueCode.UnsafeSourceLink, source, null, "a symlink leads outside the source folder; not copied");
            return 0;
        }
        return CopyInside(source, destination, links, context, copyFile);
    }

    static int CopyInside(string source, string destination, SourceLinks links, WriteContext context, Action<string, string>? copyFile)
    {
        var written = 0;
        Directory.CreateDirectory(destination);
        foreach (var entry in new DirectoryInfo(source).EnumerateFileSystemInfos().OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            // The folder itself is inside the source: only an entry that is a link can lead out.
            // The enumeration's own lstat tells links apart; asking every entry for its target is a system call each.
            if ((entry.Attributes & FileAttributes.ReparsePoint) != 0 && Escapes(links, entry.FullName))
            {
                context.AddIssue(IssueCode.UnsafeSourceLink, entry.FullName, null, "a symlink leads outside the source folder; not copied");
                continue;
            }
            var target = Path.Combine(destination, entry.Name);
            if (entry is DirectoryInfo dir)
                written += CopyInside(dir.FullName, target, links, context, copyFile);
            else if (!string.Equals(entry.Name, WgetIndex, StringComparison.OrdinalIgnoreCase) && !entry.Name.EndsWith(Dataset.OutputLayout.TempSuffix, StringComparison.Ordinal))
            {
                (copyFile ?? AtomicFile.Copy)(entry.FullName, target);
                written++;
            }
        }
        return written;
    }

    /// <summary>Whether a file or folder, after following every symlink on its path, is outside the source.
    /// A link loop (too many levels) counts as outside.</summary>
    public static bool Escapes(SourceLinks links, string path)
    {
        try
        {
            return links.Escape(path) is not null;
        }
        catch (IOException)
        {
            return true;
        }
    }
}

using System.IO.Enumeration;

using MimicEye.Dataset;
using MimicEye.Pipeline.Output;

namespace MimicEye.Diffing;

/// <summary>The files of an output tree that a diff compares: every file, relative and '/'-separated, sorted
/// ordinally, except the state folder <c>.mimiceye/</c>, <c>build.json</c> (it holds timings) and the
/// temporary files of an interrupted run.</summary>
static class TreeFiles
{
    public static List<string> List(string root)
    {
        root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = false };
        var files = new FileSystemEnumerable<string>(root, (ref FileSystemEntry e) => e.ToFullPath(), options)
        {
            ShouldIncludePredicate = (ref FileSystemEntry e) => !e.IsDirectory
                && !e.FileName.EndsWith(OutputLayout.TempSuffix, StringComparison.Ordinal)
                && !(e.Directory.SequenceEqual(root) && e.FileName.SequenceEqual(OutputLayout.BuildFile)),
            ShouldRecursePredicate = (ref FileSystemEntry e) =>
                !(e.Directory.SequenceEqual(root) && e.FileName.SequenceEqual(OutputFolder.StateFolder)),
        };
        var relative = files.Select(f => Path.GetRelativePath(root, f).Replace(Path.DirectorySeparatorChar, '/')).ToList();
        relative.Sort(StringComparer.Ordinal);
        return relative;
    }

    /// <summary>The file a path names, through symbolic links (trees built with --images symlink).</summary>
    public static FileInfo Resolve(string path)
    {
        var info = new FileInfo(path);
        return info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is FileInfo target ? target : info;
    }
}

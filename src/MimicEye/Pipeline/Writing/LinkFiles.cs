using System.Runtime.InteropServices;

using MimicEye.Pipeline.Output;

namespace MimicEye.Pipeline.Writing;

/// <summary>Hard links and symlinks for <c>--images hardlink|symlink</c>, made under a temporary name and
/// renamed like every other output file.</summary>
static partial class LinkFiles
{
    public static void HardLink(string source, string destination)
    {
        var temp = AtomicFile.TempPath(destination);
        AtomicFile.TryDelete(temp);
        // A user's choice that cannot work here (most often --out on another file system than the source): a
        // one-line error, not a crash with a stack trace.
        if (Link(source, temp) != 0)
            throw new MimicEyeException($"cannot hard-link {source} to {destination}: {Marshal.GetLastPInvokeErrorMessage()}; "
                + "hard links need the source and --out on one file system: use --images copy or symlink");
        AtomicFile.Commit(temp, destination);
    }

    public static void SymLink(string source, string destination)
    {
        var temp = AtomicFile.TempPath(destination);
        AtomicFile.TryDelete(temp);
        File.CreateSymbolicLink(temp, Path.GetFullPath(source));
        AtomicFile.Commit(temp, destination);
    }

    // libc's link(2): .NET has no hard-link API. Bound as AtomicFile binds the runtime's rename (source-generated
    // marshalling, which the native build needs no reflection for).
    [LibraryImport("libc", EntryPoint = "link", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Link(string oldPath, string newPath);
}

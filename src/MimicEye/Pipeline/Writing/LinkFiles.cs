using System.Runtime.InteropServices;

using MimicEye.Pipeline.Output;

namespace MimicEye.Pipeline.Writing;

/// <summary>Hard links and symlinks for <c>--images hardlink|symlink</c>, made under a temporary name and
/// renamed like every other output file.</summary>
static class LinkFiles
{
    public static void HardLink(string source, string destination)
    {
        var temp = AtomicFile.TempPath(destination);
        AtomicFile.TryDelete(temp);
        // A user's choice that cannot work here (most often --out on another file system than the source): a
        // one-line error, not a crash with a stack trace.
        if (link(source, temp) != 0)
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

    // DllImport (runtime marshalling of two strings) is enough for a call made once per image.
#pragma warning disable SYSLIB1054
    [DllImport("libc", SetLastError = true, CharSet = CharSet.Ansi)]
    static extern int link(string oldpath, string newpath);
#pragma warning restore SYSLIB1054
}

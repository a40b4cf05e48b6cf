using MimicEye.Pipeline;

namespace MimicEye.Samples;

/// <summary>The rule for <c>--to</c>: an absent or empty folder is used as is; a folder holding a previous
/// samples tree (its README.md starts with <see cref="Marker"/>) is replaced: its README.md and
/// physionet.org/ are deleted and written again, anything else in it is left alone; any other non-empty
/// folder is refused, so a typo can never wipe real downloads.</summary>
static class SampleTree
{
    public const string Marker = "# Synthetic PhysioNet source tree (mimiceye samples)";
    public const string ReadmeFile = "README.md";
    public const string PhysioNetFolder = "physionet.org";

    public static void Prepare(string root)
    {
        if (!Directory.Exists(root))
        {
            if (File.Exists(root))
                throw new MimicEyeException($"--to {root} is a file, not a folder");
            Directory.CreateDirectory(root);
            return;
        }
        if (!Directory.EnumerateFileSystemEntries(root).Any())
            return;
        if (!IsSamplesTree(root))
            throw new MimicEyeException($"--to {root} is not empty and holds no samples tree (no {ReadmeFile} starting with \"{Marker}\"); "
                + "choose a new or empty folder");
        var physionet = Path.Combine(root, PhysioNetFolder);
        if (Directory.Exists(physionet))
            Directory.Delete(physionet, recursive: true);
        File.Delete(Path.Combine(root, ReadmeFile));
    }

    public static bool IsSamplesTree(string root)
    {
        var readme = Path.Combine(root, ReadmeFile);
        if (!File.Exists(readme))
            return false;
        using var reader = new StreamReader(readme);
        return reader.ReadLine() == Marker;
    }
}

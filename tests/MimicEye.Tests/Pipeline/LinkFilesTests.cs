using MimicEye.Pipeline;
using MimicEye.Pipeline.Writing;
using MimicEye.Tests.Support;

namespace MimicEye.Tests.Pipeline;

/// <summary>A hard link that cannot be made (another file system, a missing source) is a user-facing error the
/// CLI prints on one line, naming both files and what to do, not an unhandled exception.</summary>
public class LinkFilesTests
{
    [Fact]
    public void A_hard_link_that_cannot_be_made_names_both_files_and_the_alternatives()
    {
        using var temp = new TempDir("link");
        var source = temp.Sub("absent.jpg");
        var destination = temp.Sub("out", "image.jpg");
        Directory.CreateDirectory(temp.Sub("out"));

        var error = Assert.Throws<MimicEyeException>(() => LinkFiles.HardLink(source, destination));

        Assert.Contains(source, error.Message, StringComparison.Ordinal);
        Assert.Contains(destination, error.Message, StringComparison.Ordinal);
        Assert.Contains("--images copy or symlink", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(destination));
    }
}

using MimicEye.Pipeline;
using MimicEye.Pipeline.Writing;
using MimicEye.Tests.Support;

namespace MimicEye.Tests.Pipeline;

/// <summary>A hard link is the source's own file under the output name (replacing what was there, and leaving no
/// temporary name); one that cannot be made (another file system, a missing source) is a user-facing error the
/// CLI prints on one line, naming both files and what to do, not an unhandled exception.</summary>
public class LinkFilesTests
{
    [Fact]
    public void A_hard_link_is_the_source_file_under_the_output_name()
    {
        using var temp = new TempDir("link");
        var source = temp.Sub("é image.jpg");
        File.WriteAllBytes(source, [0xFF, 0xD8, 1, 2, 0xFF, 0xD9]);
        var destination = temp.Sub("out", "image.jpg");
        Directory.CreateDirectory(temp.Sub("out"));
        File.WriteAllText(destination, "an older output");

        LinkFiles.HardLink(source, destination);

        Assert.Equal(File.ReadAllBytes(source), File.ReadAllBytes(destination));
        File.AppendAllText(source, "x");
        Assert.Equal(File.ReadAllBytes(source), File.ReadAllBytes(destination));
        Assert.Equal([destination], Directory.GetFiles(temp.Sub("out")));
    }

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

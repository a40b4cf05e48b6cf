using MimicEye.Pipeline.Output;
using MimicEye.Tests.Support;

namespace MimicEye.Tests.Reliability;

/// <summary>A commit gives the temporary file its final name in one rename, as File.Move(overwrite) did: it
/// replaces an earlier file, leaves no temporary file, records the file, and fails as File.Move fails.</summary>
public class AtomicFileTests
{
    [Fact]
    public void A_commit_replaces_the_earlier_file_and_leaves_no_temporary_file()
    {
        using var temp = new TempDir("atomic");
        var path = temp.Sub("patient_1", "labevents.csv");
        AtomicFile.WriteText(path, "old\n");
        var registry = OutputRegistry.Begin();
        try
        {
            AtomicFile.WriteText(path, "new\n");
        }
        finally
        {
            OutputRegistry.End();
        }

        Assert.Equal("new\n", File.ReadAllText(path));
        Assert.False(File.Exists(AtomicFile.TempPath(path)));
        Assert.Equal([Path.GetFullPath(path)], registry.Files);
    }

    [Fact]
    public void A_missing_temporary_file_fails_as_file_move_does()
    {
        using var temp = new TempDir("atomic");
        var path = temp.Sub("labevents.csv");

        var expected = Record.Exception(() => File.Move(AtomicFile.TempPath(path), path, overwrite: true));
        var actual = Record.Exception(() => AtomicFile.Commit(AtomicFile.TempPath(path), path));

        Assert.IsType<FileNotFoundException>(expected);
        Assert.Equal(expected.GetType(), actual?.GetType());
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void A_folder_in_the_way_fails_as_file_move_does()
    {
        using var temp = new TempDir("atomic");
        var path = temp.Sub("labevents.csv");
        Directory.CreateDirectory(path);
        File.WriteAllText(AtomicFile.TempPath(path), "rows\n");

        var expected = Record.Exception(() => File.Move(AtomicFile.TempPath(path), path, overwrite: true));
        var actual = Record.Exception(() => AtomicFile.Commit(AtomicFile.TempPath(path), path));

        Assert.NotNull(expected);
        Assert.Equal(expected.GetType(), actual?.GetType());
        Assert.True(Directory.Exists(path));
        Assert.True(File.Exists(AtomicFile.TempPath(path)));
    }
}

using MimicEye.Samples;
using MimicEye.Tests.Support;

namespace MimicEye.Tests.Samples;

[Collection(GeneratedSamplesCollection.Name)]
public class SampleDeterminismTests(GeneratedSamples samples)
{
    [Fact]
    public void The_same_seed_gives_identical_bytes()
    {
        using var again = new TempDir("samples-again");
        SampleGenerator.Generate(new SampleOptions(again.Path));
        TreeAssert.Identical(samples.Root, again.Path);
    }

    [Fact]
    public void Another_seed_gives_other_ids_and_other_bytes()
    {
        using var other = new TempDir("samples-seed");
        SampleGenerator.Generate(new SampleOptions(other.Path) { Seed = 7 });
        var metadata = Path.Combine("physionet.org", "files", "mimic-cxr-jpg", "2.0.0", "mimic-cxr-2.0.0-metadata.csv.gz");
        Assert.NotEqual(File.ReadAllBytes(Path.Combine(samples.Root, metadata)), File.ReadAllBytes(Path.Combine(other.Path, metadata)));
        var mine = samples.Metadata.Values("subject_id").ToHashSet();
        var theirs = SampleTable.Read(Path.Combine(other.Path, metadata)).Values("subject_id").ToHashSet();
        Assert.True(mine.Intersect(theirs).Count() < mine.Count / 2);
    }

    [Fact]
    public void Shipped_samples_equal_a_fresh_generation_with_the_defaults()
    {
        Assert.True(File.Exists(Path.Combine(RepoPaths.Samples, "README.md")), "samples/ is missing: run `dotnet run --project src/MimicEye -- samples --to samples`");
        TreeAssert.Identical(samples.Root, RepoPaths.Samples);
    }

    [Fact]
    public void Shipped_samples_stay_under_2_MB()
    {
        var bytes = Directory.GetFiles(RepoPaths.Samples, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
        Assert.InRange(bytes, 100_000, 2_000_000);
        Assert.Equal(samples.Summary.Bytes, bytes);
    }
}

static class TreeAssert
{
    /// <summary>Same relative paths, same bytes.</summary>
    public static void Identical(string expected, string actual)
    {
        var a = Files(expected);
        var b = Files(actual);
        Assert.Equal(a, b);
        foreach (var file in a)
        {
            Assert.True(File.ReadAllBytes(Path.Combine(expected, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(actual, file))),
                $"{file} differs");
        }
    }

    static List<string> Files(string root) =>
        [.. Directory.GetFiles(root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f).Replace('\\', '/')).Order(StringComparer.Ordinal)];
}

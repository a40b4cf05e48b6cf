using MimicEye.Pipeline.ReflacxMerge;
using MimicEye.Samples;

namespace MimicEye.Tests.Pipeline;

public class LabelMergeTests
{
    [Fact]
    public void Every_label_of_both_sets_maps_onto_the_21_classes()
    {
        var (setA, setB) = (ReflacxLabelSets.SetA, ReflacxLabelSets.SetB);
        var targets = setA.Concat(setB).Select(ReflacxLabels.Target).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.Equal(26, setA.Concat(setB).Distinct().Count());
        Assert.Equal(ReflacxLabels.MergedClasses, targets);
        Assert.Equal(ReflacxLabels.MergedClasses, ReflacxLabels.TargetsFor(setA.Concat(setB)));
    }

    [Fact]
    public void Certainties_merge_by_max()
    {
        Assert.Equal("4", LabelMerge.Merge("Lung nodule or mass", ["2", "4.0"]));
        Assert.Equal("0", LabelMerge.Merge("Pleural abnormality", ["0", ""]));
        Assert.Equal("", LabelMerge.Merge("Fibrosis", []));
    }

    [Fact]
    public void Booleans_merge_by_or_and_other_texts_join_without_duplicates()
    {
        Assert.Equal("True", LabelMerge.Merge("Support devices", ["False", "True"]));
        Assert.Equal("False", LabelMerge.Merge("Quality issue", ["False"]));
        Assert.Equal("scoliosis|hernia", LabelMerge.Merge("Other", ["scoliosis|hernia", "hernia"]));
        Assert.Equal("True", LabelMerge.Or(["False", "True"]));
    }

    [Fact]
    public void Unknown_label_is_kept_as_its_own_class()
    {
        var targets = ReflacxLabels.TargetsFor(["Mass", "Brand new finding"]);
        Assert.Equal(22, targets.Count);
        Assert.Equal("Brand new finding", targets[^1]);
    }
}

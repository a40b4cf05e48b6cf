namespace MimicEye.Dataset;

/// <summary>A table mimiceye reads: its project, its path inside the project's version folder without
/// the <c>.csv</c>/<c>.csv.gz</c> ending, and the columns the build needs (matched case-insensitively).
/// <see cref="Optional"/> tables are absent from some versions (provider and caregiver before 2.2).</summary>
sealed record SourceTable(ProjectKind Project, string RelativePath, string[] RequiredColumns, bool Optional = false)
{
    public string Name => RelativePath[(RelativePath.LastIndexOf('/') + 1)..];

    public override string ToString() => $"{ProjectKinds.OptionName(Project)}:{RelativePath}";
}

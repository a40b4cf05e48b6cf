namespace MimicEye.Dataset;

/// <summary>What the user said about the source: the root folder, folders given per project, and
/// versions pinned per project (<c>--use-version mimic-iv=2.2</c>).</summary>
sealed record SourceOptions(
    string? Source,
    IReadOnlyDictionary<ProjectKind, string> Overrides,
    IReadOnlyDictionary<ProjectKind, string> PinnedVersions)
{
    public static SourceOptions FromSource(string source) =>
        new(source, new Dictionary<ProjectKind, string>(), new Dictionary<ProjectKind, string>());
}

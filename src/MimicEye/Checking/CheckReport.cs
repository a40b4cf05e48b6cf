using MimicEye.Dataset;
using MimicEye.Pipeline;

namespace MimicEye.Checking;

/// <summary>A table of a found project: the file used (null when missing), its size, and a plain
/// <c>.csv</c> ignored because the <c>.csv.gz</c> is there too.</summary>
sealed record TableStatus(SourceTable Table, string? Path, long Size, string? Shadowed);

/// <summary>What check saw of one project. <see cref="Project"/> is null when it was not found (the
/// reason is a <see cref="IssueCode.MissingProject"/> issue). <see cref="Notes"/> are facts that are no
/// problem: optional tables absent, image folders present, checksum counts.</summary>
sealed record ProjectStatus(ProjectKind Kind, SourceProject? Project, IReadOnlyList<TableStatus> Tables, IReadOnlyList<string> Notes);

/// <summary>The result of <c>mimiceye check</c>: the inventory, in catalogue order, and the problems,
/// in a stable order (project, then table, then checksum list line) whatever the thread count.</summary>
sealed record CheckReport(string? SourceRoot, IReadOnlyList<string> SearchRoots, IReadOnlyList<ProjectStatus> Projects,
    IReadOnlyList<Issue> Issues)
{
    public bool Ok => Issues.Count == 0;
}

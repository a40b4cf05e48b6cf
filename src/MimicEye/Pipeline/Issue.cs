using System.Collections.Concurrent;

namespace MimicEye.Pipeline;

/// <summary>One data problem. <see cref="Where"/> names a file (and line), <see cref="Id"/> an identifier;
/// neither ever holds the contents of a clinical row.</summary>
sealed record Issue(IssueCode Code, string Where, string? Id, string Detail)
{
    public Severity Severity => IssueCatalog.SeverityOf(Code);

    public override string ToString() => $"{Code}: {Place()}";

    /// <summary>Where and what, without the code: <c>file, line N [id]: detail</c>.</summary>
    public string Place() => Id is null ? $"{Where}: {Detail}" : $"{Where} [{Id}]: {Detail}";
}

/// <summary>Thread-safe collector of issues; phases add to it, the report groups them by code.</summary>
sealed class IssueLog
{
    readonly ConcurrentQueue<Issue> _issues = new();

    public void Add(IssueCode code, string where, string? id, string detail) =>
        _issues.Enqueue(new Issue(code, where, id, detail));

    public void Add(Issue issue) => _issues.Enqueue(issue);

    public IReadOnlyList<Issue> All => [.. _issues];

    public bool HasErrors => _issues.Any(i => i.Severity == Severity.Error);

    public int Count(IssueCode code) => _issues.Count(i => i.Code == code);

    public SortedDictionary<IssueCode, int> CountsByCode()
    {
        var counts = new SortedDictionary<IssueCode, int>();
        foreach (var issue in _issues)
            counts[issue.Code] = counts.GetValueOrDefault(issue.Code) + 1;
        return counts;
    }
}

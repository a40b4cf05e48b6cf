using MimicEye.Pipeline;

using Serilog;

namespace MimicEye.Cli;

/// <summary>Problems reported together at the end, grouped by code: a count and the first few places
/// (file, line, id); every one of them at Debug level.</summary>
static class IssueSummary
{
    const int Examples = 5;

    public static void Log(IssueLog issues, ILogger log)
    {
        foreach (var group in issues.All.GroupBy(i => i.Code).OrderBy(g => g.Key))
        {
            var severity = IssueCatalog.SeverityOf(group.Key);
            // As text: Serilog applies ":l" to an enum as a format string, which throws, and drops the event silently.
            var code = group.Key.ToString();
            foreach (var issue in group)
                log.Debug("{Issue:l}", issue.ToString());
            if (severity == Severity.Info)
            {
                log.Information("{Code:l}: {Count} ({Meaning:l})", code, group.Count(), IssueCatalog.Meaning(group.Key));
                continue;
            }
            var examples = string.Join("; ", group.Take(Examples).Select(i => i.Place()));
            var more = group.Count() > Examples ? $" (+{group.Count() - Examples} more, see --verbosity Debug)" : "";
            if (severity == Severity.Error)
                log.Error("{Code:l}: {Count} ({Meaning:l}): {Examples:l}{More:l}", code, group.Count(), IssueCatalog.Meaning(group.Key), examples, more);
            else
                log.Warning("{Code:l}: {Count} ({Meaning:l}): {Examples:l}{More:l}", code, group.Count(), IssueCatalog.Meaning(group.Key), examples, more);
        }
    }
}

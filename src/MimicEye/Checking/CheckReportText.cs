using System.Globalization;

using MimicEye.Dataset;

namespace MimicEye.Checking;

/// <summary>The plain-text form of a <see cref="CheckReport"/>: one line per finding, in the report's
/// order, problems last, then one summary line (<c>check: OK</c> or <c>check: N problems</c>) that
/// scripts can grep.</summary>
static class CheckReportText
{
    public static IEnumerable<string> Lines(CheckReport report)
    {
        yield return report.SourceRoot is null
            ? "source: no --source; only the project folders given directly"
            : $"source: {report.SourceRoot} (searched: {string.Join(", ", report.SearchRoots)})";
        foreach (var status in report.Projects)
        {
            var title = ProjectKinds.Title(status.Kind);
            if (status.Project is not { } project)
            {
                yield return $"{title}: NOT FOUND";
                continue;
            }
            yield return $"{title}: {(project.Version is null ? "unversioned folder" : "version " + project.Version)} at {project.Root}";
            if (project.OtherVersions.Count > 0)
                yield return $"  other versions present, not used: {string.Join(", ", project.OtherVersions)} "
                    + $"(choose one with --use-version {ProjectKinds.OptionName(status.Kind)}=VERSION)";
            foreach (var table in status.Tables)
                yield return "  " + TableLine(project, table);
            foreach (var note in status.Notes)
                yield return "  " + note;
        }
        if (report.Issues.Count > 0)
        {
            yield return "problems:";
            foreach (var issue in report.Issues)
                yield return "  " + issue;
        }
        yield return report.Ok ? "check: OK" : $"check: {report.Issues.Count} {(report.Issues.Count == 1 ? "problem" : "problems")}";
    }

    static string TableLine(SourceProject project, TableStatus table)
    {
        var name = table.Table.RelativePath;
        if (table.Path is null)
            return table.Table.Optional ? $"{name}: not present (optional: some versions lack it, e.g. MIMIC-IV 2.0)" : $"{name}: MISSING";
        var line = $"{Relative(project, table.Path)}  {Size(table.Size)}";
        return table.Shadowed is null ? line : $"{line}  ({Relative(project, table.Shadowed)} beside it is ignored)";
    }

    static string Relative(SourceProject project, string path) =>
        Path.GetRelativePath(project.Root, path).Replace(Path.DirectorySeparatorChar, '/');

    /// <summary>Bytes in binary units with one decimal, invariant culture: <c>10.8 KiB</c>.</summary>
    public static string Size(long bytes)
    {
        string[] units = ["B", "KiB", "MiB", "GiB", "TiB"];
        double value = bytes;
        var unit = 0;
        while (value >= 1024 && unit < units.Length - 1)
        {
            value /= 1024;
            unit++;
        }
        return unit == 0
            ? bytes.ToString(CultureInfo.InvariantCulture) + " B"
            : value.ToString("0.0", CultureInfo.InvariantCulture) + " " + units[unit];
    }
}

using System.Text.RegularExpressions;

using MimicEye.Pipeline;

namespace MimicEye.Dataset;

/// <summary>Where each project sits under <c>--source</c> (SPEC §2). Accepted shapes, for each project slug:
/// <c>SRC/&lt;slug&gt;/&lt;ver&gt;/</c> (wget -r), the same under <c>SRC/physionet.org/files/</c>,
/// <c>SRC/&lt;slug&gt;-&lt;ver&gt;/</c> (PhysioNet zips), and for reports an unversioned
/// <c>SRC/mimic-cxr-reports/</c>. The newest version wins unless pinned; a project can also be named
/// directly with an override folder.</summary>
sealed partial class SourceLayout
{
    readonly Dictionary<ProjectKind, SourceProject> _projects;

    SourceLayout(string? sourceRoot, Dictionary<ProjectKind, SourceProject> projects)
    {
        SourceRoot = sourceRoot;
        _projects = projects;
    }

    public string? SourceRoot { get; }

    public IReadOnlyDictionary<ProjectKind, SourceProject> Projects => _projects;

    public SourceProject? this[ProjectKind kind] => _projects.GetValueOrDefault(kind);

    /// <summary>The project, or a clear error naming the option that points at it.</summary>
    public SourceProject Require(ProjectKind kind) => this[kind] ?? throw new MimicEyeException(
        $"{ProjectKinds.Title(kind)} was not found under {SourceRoot ?? "(no --source)"}: expected a folder named "
        + $"{string.Join(" or ", ProjectKinds.FolderNames(kind))} with a version folder inside, "
        + $"or point at it with --{ProjectKinds.OptionName(kind)} DIR");

    /// <summary>The path of a table, or an error naming what is missing.</summary>
    public string RequireTable(SourceTable table)
    {
        var project = Require(table.Project);
        return project.FindTable(table) ?? throw new MimicEyeException(
            $"missing file: {Path.Combine(project.Root, table.RelativePath)}.csv.gz (or .csv)");
    }

    public static SourceLayout Discover(SourceOptions options)
    {
        var projects = new Dictionary<ProjectKind, SourceProject>();
        var searchRoots = SearchRoots(options.Source);
        foreach (var kind in ProjectKinds.All)
        {
            if (options.Overrides.TryGetValue(kind, out var dir))
            {
                if (!Directory.Exists(dir))
                    throw new MimicEyeException($"--{ProjectKinds.OptionName(kind)}: folder not found: {dir}");
                projects[kind] = new SourceProject(kind, Path.GetFullPath(dir), VersionOf(dir), []);
                continue;
            }
            var found = FindProject(kind, searchRoots, options.PinnedVersions.GetValueOrDefault(kind));
            if (found is not null)
                projects[kind] = found;
        }
        return new SourceLayout(options.Source is null ? null : Path.GetFullPath(options.Source), projects);
    }

    /// <summary>The folder itself and, if present, its <c>physionet.org/files</c> (or <c>files</c>) level.</summary>
    static List<string> SearchRoots(string? source)
    {
        var roots = new List<string>();
        if (source is null)
            return roots;
        if (!Directory.Exists(source))
            throw new MimicEyeException($"--source: folder not found: {source}");
        roots.Add(Path.GetFullPath(source));
        foreach (var nested in new[] { Path.Combine(source, "physionet.org", "files"), Path.Combine(source, "files") })
        {
            if (Directory.Exists(nested))
                roots.Add(Path.GetFullPath(nested));
        }
        return roots;
    }

    static SourceProject? FindProject(ProjectKind kind, List<string> searchRoots, string? pinned)
    {
        var candidates = new List<(string Version, string Dir)>();
        string? unversioned = null;
        foreach (var root in searchRoots)
        {
            foreach (var name in ProjectKinds.FolderNames(kind))
            {
                var slugDir = Path.Combine(root, name);
                if (Directory.Exists(slugDir))
                {
                    foreach (var sub in Directory.EnumerateDirectories(slugDir))
                    {
                        var ver = Path.GetFileName(sub);
                        if (VersionPattern().IsMatch(ver))
                            candidates.Add((ver, sub));
                    }
                    // An unzipped mimic-cxr-reports.zip has no version level: files/pXX/... directly.
                    if (kind == ProjectKind.CxrReports && LooksLikeReportTree(slugDir))
                        unversioned ??= slugDir;
                }
                foreach (var dir in Directory.EnumerateDirectories(root, name + "-*"))
                {
                    var match = ZipFolderPattern().Match(Path.GetFileName(dir));
                    if (match.Success && match.Groups["slug"].Value == name)
                        candidates.Add((match.Groups["ver"].Value, dir));
                }
            }
        }
        // MIMIC-CXR's version folder must hold reports, not only DICOMs.
        if (kind == ProjectKind.CxrReports)
            candidates.RemoveAll(c => !LooksLikeReportTree(c.Dir));

        var ordered = candidates.OrderByDescending(c => ParseVersion(c.Version)).ThenBy(c => c.Dir, StringComparer.Ordinal).ToList();
        var versions = ordered.Select(c => c.Version).Distinct().ToList();
        if (pinned is not null)
        {
            var hit = ordered.FirstOrDefault(c => c.Version == pinned);
            if (hit.Dir is null)
                throw new MimicEyeException($"--use-version {ProjectKinds.OptionName(kind)}={pinned}: not found; versions present: "
                    + (versions.Count == 0 ? "none" : string.Join(", ", versions)));
            return new SourceProject(kind, hit.Dir, hit.Version, versions.Where(v => v != pinned).ToList());
        }
        if (ordered.Count > 0)
            return new SourceProject(kind, ordered[0].Dir, ordered[0].Version, versions.Skip(1).ToList());
        return unversioned is null ? null : new SourceProject(kind, unversioned, null, []);
    }

    static bool LooksLikeReportTree(string dir)
    {
        foreach (var top in new[] { Path.Combine(dir, "files"), dir })
        {
            if (!Directory.Exists(top))
                continue;
            foreach (var bucket in Directory.EnumerateDirectories(top, "p*"))
            {
                foreach (var patient in Directory.EnumerateDirectories(bucket, "p*"))
                {
                    if (Directory.EnumerateFiles(patient, "s*.txt").Any())
                        return true;
                }
            }
        }
        return false;
    }

    static string? VersionOf(string dir)
    {
        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(dir)));
        if (VersionPattern().IsMatch(name))
            return name;
        var zip = ZipFolderPattern().Match(name);
        return zip.Success ? zip.Groups["ver"].Value : null;
    }

    static Version ParseVersion(string text)
    {
        var parts = text.Split('.').Select(int.Parse).ToList();
        while (parts.Count < 2)
            parts.Add(0);
        return new Version(string.Join('.', parts.Take(4)));
    }

    [GeneratedRegex(@"^\d+(\.\d+){0,3}$")]
    private static partial Regex VersionPattern();

    [GeneratedRegex(@"^(?<slug>[a-z-]+?)-(?<ver>\d+(\.\d+){0,3})$")]
    private static partial Regex ZipFolderPattern();
}

using System.Text.RegularExpressions;

using MimicEye.Pipeline;

namespace MimicEye.Dataset;

/// <summary>Where each project sits under <c>--source</c> (SPEC §2). Accepted shapes, for each project slug:
/// <c>SRC/&lt;slug&gt;/&lt;ver&gt;/</c> (wget -r), the same under <c>SRC/physionet.org/files/</c> or
/// <c>SRC/files/</c>, <c>SRC/&lt;slug&gt;-&lt;ver&gt;/</c> (PhysioNet zips), and for reports an unversioned
/// <c>SRC/mimic-cxr-reports/</c>. The newest version wins unless pinned; a project can also be named
/// directly with an override folder (its version folder, or the slug folder holding the versions).</summary>
sealed partial class SourceLayout
{
    readonly Dictionary<ProjectKind, SourceProject> _projects;
    readonly Dictionary<ProjectKind, string> _problems;

    SourceLayout(string? sourceRoot, IReadOnlyList<string> searchRoots, Dictionary<ProjectKind, SourceProject> projects,
        Dictionary<ProjectKind, string> problems)
    {
        SourceRoot = sourceRoot;
        SearchRoots = searchRoots;
        _projects = projects;
        _problems = problems;
    }

    public string? SourceRoot { get; }

    /// <summary>The folders searched for project folders: --source and its physionet.org/files level.</summary>
    public IReadOnlyList<string> SearchRoots { get; }

    public IReadOnlyDictionary<ProjectKind, SourceProject> Projects => _projects;

    public SourceProject? this[ProjectKind kind] => _projects.GetValueOrDefault(kind);

    /// <summary>Why a project is absent: not found under the search roots, a pinned version that is not
    /// there, or an override folder that does not exist. Null when the project was found.</summary>
    public string? ProblemOf(ProjectKind kind) => _projects.ContainsKey(kind) ? null : _problems[kind];

    /// <summary>The project, or a clear error naming what was searched and the option that points at it.</summary>
    public SourceProject Require(ProjectKind kind) => this[kind] ?? throw new MimicEyeException(_problems[kind]);

    /// <summary>The path of a table, or an error naming what is missing.</summary>
    public string RequireTable(SourceTable table)
    {
        var project = Require(table.Project);
        return project.FindTable(table) ?? throw new MimicEyeException(
            $"missing file: {project.TablePath(table)}.csv.gz (or .csv)");
    }

    /// <summary>Finds every project. Only a --source folder that does not exist is an immediate error;
    /// a project that cannot be found is recorded (<see cref="ProblemOf"/>) so <c>check</c> can list all
    /// of them at once, and <see cref="Require"/> throws it for the commands that need the project.</summary>
    public static SourceLayout Discover(SourceOptions options)
    {
        var projects = new Dictionary<ProjectKind, SourceProject>();
        var problems = new Dictionary<ProjectKind, string>();
        var searchRoots = FindSearchRoots(options.Source);
        foreach (var kind in ProjectKinds.All)
        {
            var pinned = options.PinnedVersions.GetValueOrDefault(kind);
            var (project, problem) = options.Overrides.TryGetValue(kind, out var dir)
                ? FromOverride(kind, dir, pinned)
                : FromSearch(kind, searchRoots, pinned, options.Source);
            if (project is not null)
                projects[kind] = project;
            else
                problems[kind] = problem!;
        }
        return new SourceLayout(options.Source is null ? null : Path.GetFullPath(options.Source), searchRoots, projects, problems);
    }

    /// <summary>The folder itself and, if present, its <c>physionet.org/files</c> (or <c>files</c>) level.</summary>
    static List<string> FindSearchRoots(string? source)
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

    static (SourceProject?, string?) FromOverride(ProjectKind kind, string dir, string? pinned)
    {
        var option = "--" + ProjectKinds.OptionName(kind);
        if (!Directory.Exists(dir))
            return (null, $"{ProjectKinds.Title(kind)}: {option}: folder not found: {dir}");
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(dir));
        // The slug folder (mimiciv/ holding 2.0/ and 2.2/) is accepted too: pick among its versions.
        if (!LooksLikeProjectRoot(kind, full))
        {
            var candidates = VersionFolders(kind, full);
            if (candidates.Count > 0)
            {
                var (chosen, problem) = Choose(kind, candidates, pinned);
                return (chosen, problem);
            }
        }
        return (new SourceProject(kind, full, VersionOf(full), []), null);
    }

    static (SourceProject?, string?) FromSearch(ProjectKind kind, List<string> searchRoots, string? pinned, string? source)
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
                    candidates.AddRange(VersionFolders(kind, slugDir));
                    // An unzipped mimic-cxr-reports.zip has no version level: files/pXX/... directly.
                    if (kind == ProjectKind.CxrReports && LooksLikeReportTree(slugDir))
                        unversioned ??= slugDir;
                }
                candidates.AddRange(ZipFolders(kind, root, name));
            }
        }
        if (candidates.Count > 0)
            return Choose(kind, candidates, pinned);
        if (unversioned is not null)
            return (new SourceProject(kind, unversioned, null, []), null);
        return (null, NotFound(kind, searchRoots, source));
    }

    static string NotFound(ProjectKind kind, List<string> searchRoots, string? source)
    {
        if (source is null)
            return $"{ProjectKinds.Title(kind)} was not given: no --source to search; point at it with --{ProjectKinds.OptionName(kind)} DIR";
        var names = ProjectKinds.FolderNames(kind);
        var where = string.Join(" and ", searchRoots);
        var what = kind == ProjectKind.CxrReports
            ? "with a version folder holding files/pXX/p<subject_id>/s<study_id>.txt"
            : "with a version folder inside (or named <folder>-<version>)";
        return $"{ProjectKinds.Title(kind)} was not found: searched {where} for a folder named "
            + $"{string.Join(" or ", names)} {what}; or point at it with --{ProjectKinds.OptionName(kind)} DIR";
    }

    // ---- versions -----------------------------------------------------------------------------------

    /// <summary>The version folders of a slug folder (<c>mimiciv/2.2</c>); for reports only those that hold reports.</summary>
    static List<(string Version, string Dir)> VersionFolders(ProjectKind kind, string slugDir)
    {
        var found = new List<(string, string)>();
        foreach (var sub in Directory.EnumerateDirectories(slugDir))
        {
            var ver = Path.GetFileName(sub);
            if (VersionPattern().IsMatch(ver) && ProjectRootIn(kind, sub) is { } root)
                found.Add((ver, root));
        }
        return found;
    }

    /// <summary>PhysioNet zip folders beside the slugs: <c>mimic-cxr-jpg-2.0.0/</c>.</summary>
    static List<(string Version, string Dir)> ZipFolders(ProjectKind kind, string root, string name)
    {
        var found = new List<(string, string)>();
        foreach (var dir in Directory.EnumerateDirectories(root, name + "-*"))
        {
            var match = ZipFolderPattern().Match(Path.GetFileName(dir));
            if (match.Success && match.Groups["slug"].Value == name && ProjectRootIn(kind, dir) is { } projectRoot)
                found.Add((match.Groups["ver"].Value, projectRoot));
        }
        return found;
    }

    /// <summary>The project root inside a version folder. MIMIC-CXR's version folder counts only when it
    /// holds reports (not DICOMs alone): in its files/ tree, or in a mimic-cxr-reports/ folder unzipped there.</summary>
    static string? ProjectRootIn(ProjectKind kind, string versionDir)
    {
        if (kind != ProjectKind.CxrReports)
            return versionDir;
        if (LooksLikeReportTree(versionDir))
            return versionDir;
        var unzipped = Path.Combine(versionDir, "mimic-cxr-reports");
        return Directory.Exists(unzipped) && LooksLikeReportTree(unzipped) ? unzipped : null;
    }

    /// <summary>The newest version, or the pinned one; the others are kept to be reported.</summary>
    static (SourceProject?, string?) Choose(ProjectKind kind, List<(string Version, string Dir)> candidates, string? pinned)
    {
        var ordered = candidates.OrderByDescending(c => ParseVersion(c.Version)).ThenBy(c => c.Dir, StringComparer.Ordinal).ToList();
        var versions = ordered.Select(c => c.Version).Distinct().ToList();
        if (pinned is null)
            return (new SourceProject(kind, ordered[0].Dir, ordered[0].Version, versions.Skip(1).ToList()), null);
        var hit = ordered.FirstOrDefault(c => SameVersion(c.Version, pinned));
        if (hit.Dir is null)
            return (null, $"{ProjectKinds.Title(kind)}: --use-version {ProjectKinds.OptionName(kind)}={pinned}: not found; versions present: "
                + string.Join(", ", versions));
        return (new SourceProject(kind, hit.Dir, hit.Version, versions.Where(v => v != hit.Version).ToList()), null);
    }

    /// <summary>Whether a folder given with an override option is itself the project (and not its slug folder).</summary>
    static bool LooksLikeProjectRoot(ProjectKind kind, string dir) => kind switch
    {
        ProjectKind.MimicIv => Directory.Exists(Path.Combine(dir, "hosp")) || Directory.Exists(Path.Combine(dir, "icu")),
        ProjectKind.MimicIvEd => Directory.Exists(Path.Combine(dir, "ed")),
        ProjectKind.CxrJpg => Directory.Exists(Path.Combine(dir, "files")) || Directory.EnumerateFiles(dir, "mimic-cxr-*.csv*").Any(),
        ProjectKind.CxrReports => LooksLikeReportTree(dir),
        ProjectKind.Reflacx => Directory.Exists(Path.Combine(dir, "main_data")),
        ProjectKind.EyeGaze => Directory.EnumerateFiles(dir, "master_sheet.csv*").Any()
            || Directory.Exists(Path.Combine(dir, "audio_segmentation_transcripts")),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Whether report texts sit in <c>files/pXX/p&lt;subject&gt;/s&lt;study&gt;.txt</c> (or without the
    /// files/ level). Looks at a bounded number of patient folders: a DICOM-only MIMIC-CXR tree has 65,000
    /// of them, and listing all would be the scan check must not do; report folders hold reports from the first.</summary>
    static bool LooksLikeReportTree(string dir)
    {
        var budget = 200;
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
                    if (--budget == 0)
                        return false;
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
        return new Version(string.Join('.', parts));
    }

    /// <summary>"2.2" pins the folder "2.2.0" too: trailing zero components do not matter.</summary>
    static bool SameVersion(string folder, string pinned)
    {
        if (folder == pinned)
            return true;
        if (!VersionPattern().IsMatch(pinned))
            return false;
        static string Trim(string v) => string.Join('.', v.Split('.').Select(int.Parse).Reverse().SkipWhile(p => p == 0).Reverse());
        return Trim(folder) == Trim(pinned);
    }

    // Components of at most 9 digits, so int.Parse cannot overflow on a folder named 99999999999.
    [GeneratedRegex(@"^\d{1,9}(\.\d{1,9}){0,3}$")]
    private static partial Regex VersionPattern();

    [GeneratedRegex(@"^(?<slug>[a-z-]+?)-(?<ver>\d{1,9}(\.\d{1,9}){0,3})$")]
    private static partial Regex ZipFolderPattern();
}

namespace MimicEye.Dataset;

/// <summary>A PhysioNet project found on disk: <see cref="Root"/> is its version folder (the one that
/// holds <c>hosp/</c>, <c>ed/</c>, <c>files/</c>, <c>main_data/</c> ...). <see cref="Version"/> is null
/// when the folder has no version in its name (pointed at directly, or an unzipped reports archive).
/// <see cref="OtherVersions"/> are the versions also present that lost to the newest or the pinned one.</summary>
sealed record SourceProject(ProjectKind Kind, string Root, string? Version, IReadOnlyList<string> OtherVersions)
{
    /// <summary>PhysioNet's checksum list in a version folder (<c>&lt;sha256&gt;  &lt;relative path&gt;</c> lines).</summary>
    public const string ChecksumsFile = "SHA256SUMS.txt";

    /// <summary>The path of a table without its <c>.csv</c>/<c>.csv.gz</c> ending.</summary>
    public string TablePath(SourceTable table) => Path.Combine(Root, table.RelativePath.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>The file of a table: <c>.csv.gz</c> if present, else <c>.csv</c>; null when neither exists.</summary>
    public string? FindTable(SourceTable table)
    {
        var stem = TablePath(table);
        if (File.Exists(stem + ".csv.gz"))
            return stem + ".csv.gz";
        return File.Exists(stem + ".csv") ? stem + ".csv" : null;
    }

    /// <summary>The plain <c>.csv</c> of a table that is ignored because its <c>.csv.gz</c> is there too.</summary>
    public string? ShadowedTable(SourceTable table)
    {
        var stem = TablePath(table);
        return File.Exists(stem + ".csv.gz") && File.Exists(stem + ".csv") ? stem + ".csv" : null;
    }

    /// <summary>The folder holding the <c>pXX</c> buckets of images or reports: <c>files/</c>, or for an
    /// unzipped reports archive without that level, the root itself.</summary>
    public string FilesFolder
    {
        get
        {
            var files = Path.Combine(Root, "files");
            return Kind == ProjectKind.CxrReports && !Directory.Exists(files) ? Root : files;
        }
    }

    public string Describe() => Version is null ? Root : $"{Version} ({Root})";
}

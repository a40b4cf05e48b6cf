namespace MimicEye.Dataset;

/// <summary>A PhysioNet project found on disk: <see cref="Root"/> is its version folder (the one that
/// holds <c>hosp/</c>, <c>ed/</c>, <c>files/</c>, <c>main_data/</c> ...). <see cref="Version"/> is null
/// when the folder has no version in its name (pointed at directly, or an unzipped reports archive).</summary>
sealed record SourceProject(ProjectKind Kind, string Root, string? Version, IReadOnlyList<string> OtherVersions)
{
    /// <summary>The file of a table: <c>.csv.gz</c> if present, else <c>.csv</c>; null when neither exists.</summary>
    public string? FindTable(SourceTable table)
    {
        var stem = Path.Combine(Root, table.RelativePath.Replace('/', Path.DirectorySeparatorChar));
        if (File.Exists(stem + ".csv.gz"))
            return stem + ".csv.gz";
        return File.Exists(stem + ".csv") ? stem + ".csv" : null;
    }

    public string Describe() => Version is null ? Root : $"{Version} ({Root})";
}

using MimicEye.Csv;
using MimicEye.Dataset;
using MimicEye.Pipeline;
using MimicEye.Pipeline.Cohort;

namespace MimicEye.Planning;

/// <summary>Works out the cohort from the small tables (EGD master sheet, REFLACX metadata, CXR-JPG metadata)
/// and lists every file the build needs that is missing: tables first, then the JPGs of the cohort's studies
/// (whole study folders, as the build copies them), reports, REFLACX readings and EGD case folders.</summary>
static class DownloadPlanner
{
    /// <summary>The average MIMIC-CXR-JPG image: 570.3 GB over 377,110 files (sources.md §3.2).</summary>
    const long AverageJpegBytes = 570_300_000_000 / 377_110;

    static readonly Dictionary<ProjectKind, string> DefaultFolders = new()
    {
        [ProjectKind.MimicIv] = "mimiciv/3.1",
        [ProjectKind.MimicIvEd] = "mimic-iv-ed/2.2",
        [ProjectKind.CxrJpg] = "mimic-cxr-jpg/2.1.0",
        [ProjectKind.CxrReports] = "mimic-cxr/2.1.0",
        [ProjectKind.Reflacx] = "reflacx-xray-localization/1.0.0",
        [ProjectKind.EyeGaze] = "egd-cxr/1.0.0",
    };

    public static DownloadPlan Plan(SourceLayout sources, string? outDir)
    {
        var missing = new List<string>();
        var notes = new List<string>();
        foreach (var table in SourcePreflight.TablesFor(Phases.All, compat: false))
        {
            if (sources[table.Project]?.FindTable(table) is null && !table.Optional)
                missing.Add($"{Prefix(sources, table.Project)}/{table.RelativePath}.csv.gz");
        }
        var cohortTables = new[] { SourceTables.EgdMasterSheet, SourceTables.CxrMetadata }.Concat(SourceTables.ReflacxPhases);
        if (cohortTables.Any(t => sources[t.Project]?.FindTable(t) is null))
        {
            notes.Add("the cohort cannot be worked out until the EGD master sheet, the REFLACX metadata and the CXR-JPG metadata are present; download the tables listed first, then run plan again");
            return new DownloadPlan(0, 0, 0, 0, 0, 0, 0, missing, 0, FreeSpace(outDir), notes);
        }

        var cohort = CohortLoader.Load(sources, new IssueLog());
        var studies = cohort.Images.Select(i => (i.SubjectId, i.StudyId)).Where(s => Ids.IsSubjectId(s.SubjectId) && Ids.IsStudyId(s.StudyId)).Distinct().ToList();
        var studyImages = ImagesOfStudies(sources, studies.Select(s => s.StudyId).ToHashSet(StringComparer.Ordinal));

        var jpg = sources[ProjectKind.CxrJpg]!;
        int imagesNeeded = 0, imagesPresent = 0;
        long presentBytes = 0;
        foreach (var (subject, study) in studies.OrderBy(s => s.SubjectId, StringComparer.Ordinal).ThenBy(s => s.StudyId, StringComparer.Ordinal))
        {
            foreach (var dicom in studyImages.GetValueOrDefault(study) ?? [])
            {
                imagesNeeded++;
                var relative = $"files/{Ids.Bucket(subject)}/p{subject}/s{study}/{dicom}.jpg";
                var local = Path.Combine(jpg.Root, relative);
                if (File.Exists(local))
                {
                    imagesPresent++;
                    presentBytes += new FileInfo(local).Length;
                }
                else
                    missing.Add($"{Prefix(sources, ProjectKind.CxrJpg)}/{relative}");
            }
        }

        int reportsNeeded = 0, reportsPresent = 0;
        var reports = sources[ProjectKind.CxrReports];
        foreach (var (subject, study) in studies.OrderBy(s => s.SubjectId, StringComparer.Ordinal).ThenBy(s => s.StudyId, StringComparer.Ordinal))
        {
            reportsNeeded++;
            var relative = $"{Ids.Bucket(subject)}/p{subject}/s{study}.txt";
            if (reports is not null && File.Exists(Path.Combine(reports.FilesFolder, relative)))
                reportsPresent++;
            else
                missing.Add($"{Prefix(sources, ProjectKind.CxrReports)}/files/{relative}");
        }

        AddMissingFolders(sources, ProjectKind.Reflacx, ReadingIds(sources).SelectMany(id => new[] { $"main_data/{id}/", $"gaze_data/{id}/" }), missing);
        AddMissingFolders(sources, ProjectKind.EyeGaze, cohort.EyeGazeIds.Where(Ids.IsDicomId).Order(StringComparer.Ordinal).Select(d => $"audio_segmentation_transcripts/{d}/"), missing);

        var average = imagesPresent > 0 ? presentBytes / imagesPresent : AverageJpegBytes;
        var estimate = presentBytes + (imagesNeeded - imagesPresent) * average + ClinicalEstimate(sources, cohort.SubjectIds.Count);
        notes.Add("the estimate counts copied images (--images copy) and the cohort's share of the clinical tables, uncompressed");
        return new DownloadPlan(cohort.Images.Count, cohort.SubjectIds.Count, studies.Count, imagesNeeded, imagesPresent, reportsNeeded, reportsPresent,
            missing, estimate, FreeSpace(outDir), notes);
    }

    static void AddMissingFolders(SourceLayout sources, ProjectKind kind, IEnumerable<string> folders, List<string> missing)
    {
        var root = sources[kind]?.Root;
        foreach (var folder in folders)
        {
            if (root is null || !Directory.Exists(Path.Combine(root, folder)))
                missing.Add($"{Prefix(sources, kind)}/{folder}");
        }
    }

    static IEnumerable<string> ReadingIds(SourceLayout sources)
    {
        var ids = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var phase in SourceTables.ReflacxPhases)
            ids.UnionWith(CohortLoader.ReadIds(sources.RequireTable(phase), "id").Where(Ids.IsReflacxId));
        return ids;
    }

    /// <summary>dicom_ids of every image of the given studies (laterals included), from the metadata.</summary>
    static Dictionary<string, List<string>> ImagesOfStudies(SourceLayout sources, HashSet<string> studies)
    {
        using var reader = CsvFiles.Read(sources.RequireTable(SourceTables.CxrMetadata));
        int dicom = reader.Column("dicom_id"), study = reader.Column("study_id");
        var images = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        while (reader.Read())
        {
            var s = reader.GetString(study);
            if (!studies.Contains(s))
                continue;
            var d = reader.GetString(dicom);
            if (!Ids.IsDicomId(d))
                continue;
            if (!images.TryGetValue(s, out var list))
                images[s] = list = [];
            list.Add(d);
        }
        return images;
    }

    /// <summary>The cohort's share of the clinical tables: gz size x 4 (typical inflation) x cohort/all patients.</summary>
    static long ClinicalEstimate(SourceLayout sources, int cohortPatients)
    {
        var patientsTable = SourceTables.Hosp.First(t => t.Name == "patients");
        if (sources[ProjectKind.MimicIv]?.FindTable(patientsTable) is not { } patientsPath)
            return 0;
        long all = 0;
        using (var reader = CsvFiles.Read(patientsPath))
        {
            while (reader.Read())
                all++;
        }
        if (all == 0)
            return 0;
        long bytes = 0;
        foreach (var table in ClinicalTablesFiles(sources))
            bytes += new FileInfo(table).Length * (table.EndsWith(".gz", StringComparison.Ordinal) ? 4 : 1);
        return (long)(bytes * Math.Min(1.0, (double)cohortPatients / all));
    }

    static IEnumerable<string> ClinicalTablesFiles(SourceLayout sources) =>
        ClinicalTables.For(compat: false).Select(t => sources[t.Source.Project]?.FindTable(t.Source)).OfType<string>();

    static string Prefix(SourceLayout sources, ProjectKind kind)
    {
        if (sources[kind] is not { } project)
            return DefaultFolders[kind];
        var root = Path.TrimEndingDirectorySeparator(project.Root);
        var version = Path.GetFileName(root);
        var slug = Path.GetFileName(Path.GetDirectoryName(root)) ?? "";
        return project.Version is not null && ProjectKinds.FolderNames(kind).Contains(slug) ? $"{slug}/{version}" : DefaultFolders[kind];
    }

    static long? FreeSpace(string? outDir)
    {
        try
        {
            var dir = Path.GetFullPath(outDir ?? ".");
            while (!Directory.Exists(dir) && Path.GetDirectoryName(dir) is { } parent)
                dir = parent;
            return new DriveInfo(dir).AvailableFreeSpace;
        }
        catch (IOException)
        {
            return null;
        }
    }
}

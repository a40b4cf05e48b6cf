namespace MimicEye.Dataset;

/// <summary>The six PhysioNet projects mimiceye reads.</summary>
enum ProjectKind
{
    MimicIv,
    MimicIvEd,
    CxrJpg,
    CxrReports,
    Reflacx,
    EyeGaze,
}

static class ProjectKinds
{
    public static readonly ProjectKind[] All = Enum.GetValues<ProjectKind>();

    /// <summary>PhysioNet slugs (and the names zips and demos use), newest naming first.</summary>
    public static string[] FolderNames(ProjectKind kind) => kind switch
    {
        ProjectKind.MimicIv => ["mimiciv", "mimic-iv", "mimic-iv-demo", "mimic-iv-clinical-database-demo"],
        ProjectKind.MimicIvEd => ["mimic-iv-ed", "mimic-iv-ed-demo"],
        ProjectKind.CxrJpg => ["mimic-cxr-jpg"],
        ProjectKind.CxrReports => ["mimic-cxr", "mimic-cxr-reports"],
        ProjectKind.Reflacx => ["reflacx-xray-localization"],
        ProjectKind.EyeGaze => ["egd-cxr"],
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The name users type: in option names (<c>--mimic-iv</c>) and in messages.</summary>
    public static string OptionName(ProjectKind kind) => kind switch
    {
        ProjectKind.MimicIv => "mimic-iv",
        ProjectKind.MimicIvEd => "mimic-iv-ed",
        ProjectKind.CxrJpg => "cxr-jpg",
        ProjectKind.CxrReports => "cxr-reports",
        ProjectKind.Reflacx => "reflacx",
        ProjectKind.EyeGaze => "eyegaze",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static string Title(ProjectKind kind) => kind switch
    {
        ProjectKind.MimicIv => "MIMIC-IV",
        ProjectKind.MimicIvEd => "MIMIC-IV-ED",
        ProjectKind.CxrJpg => "MIMIC-CXR-JPG",
        ProjectKind.CxrReports => "MIMIC-CXR reports",
        ProjectKind.Reflacx => "REFLACX",
        ProjectKind.EyeGaze => "EGD-CXR (Eye Gaze)",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}

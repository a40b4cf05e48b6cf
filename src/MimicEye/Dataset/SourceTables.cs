namespace MimicEye.Dataset;

/// <summary>The catalogue of every source table mimiceye reads, with the columns it needs
/// (sources.md §1–§5). Columns are found by header name, so the column orders of MIMIC-IV 2.0, 2.2 and
/// 3.1 all work.</summary>
static class SourceTables
{
    static readonly string[] Subject = ["subject_id"];

    // ---- MIMIC-IV hosp and icu -------------------------------------------------------------------
    public static readonly SourceTable[] Hosp =
    [
        Mimic("hosp/admissions"), Mimic("hosp/d_hcpcs", "code"), Mimic("hosp/d_icd_diagnoses", "icd_code", "icd_version"),
        Mimic("hosp/d_icd_procedures", "icd_code", "icd_version"), Mimic("hosp/d_labitems", "itemid"),
        Mimic("hosp/diagnoses_icd"), Mimic("hosp/drgcodes"), Mimic("hosp/emar"), Mimic("hosp/emar_detail"),
        Mimic("hosp/hcpcsevents"), Mimic("hosp/labevents"), Mimic("hosp/microbiologyevents"), Mimic("hosp/omr"),
        Mimic("hosp/patients"), Mimic("hosp/pharmacy"), Mimic("hosp/poe"), Mimic("hosp/poe_detail"),
        Mimic("hosp/prescriptions"), Mimic("hosp/procedures_icd"),
        new(ProjectKind.MimicIv, "hosp/provider", ["provider_id"], Optional: true),
        Mimic("hosp/services"), Mimic("hosp/transfers"),
    ];

    public static readonly SourceTable[] Icu =
    [
        new(ProjectKind.MimicIv, "icu/caregiver", ["caregiver_id"], Optional: true),
        Mimic("icu/chartevents"), Mimic("icu/d_items", "itemid"), Mimic("icu/datetimeevents"), Mimic("icu/icustays"),
        Mimic("icu/ingredientevents"), Mimic("icu/inputevents"), Mimic("icu/outputevents"), Mimic("icu/procedureevents"),
    ];

    // ---- MIMIC-IV-ED ------------------------------------------------------------------------------
    public static readonly SourceTable EdStays = new(ProjectKind.MimicIvEd, "ed/edstays", ["subject_id", "stay_id", "intime", "outtime"]);

    public static readonly SourceTable[] Ed =
    [
        new(ProjectKind.MimicIvEd, "ed/diagnosis", Subject), EdStays, new(ProjectKind.MimicIvEd, "ed/medrecon", Subject),
        new(ProjectKind.MimicIvEd, "ed/pyxis", Subject), new(ProjectKind.MimicIvEd, "ed/triage", Subject),
        new(ProjectKind.MimicIvEd, "ed/vitalsign", Subject),
    ];

    // ---- MIMIC-CXR-JPG (the CSV names keep "2.0.0" in release 2.1.0) --------------------------------
    public static readonly string[] MetadataColumns =
    [
        "dicom_id", "subject_id", "study_id", "PerformedProcedureStepDescription", "ViewPosition", "Rows", "Columns",
        "StudyDate", "StudyTime", "ProcedureCodeSequence_CodeMeaning", "ViewCodeSequence_CodeMeaning",
        "PatientOrientationCodeSequence_CodeMeaning",
    ];

    public static readonly SourceTable CxrMetadata = new(ProjectKind.CxrJpg, "mimic-cxr-2.0.0-metadata", MetadataColumns);
    public static readonly SourceTable CxrChexpert = new(ProjectKind.CxrJpg, "mimic-cxr-2.0.0-chexpert", ["subject_id", "study_id"]);
    public static readonly SourceTable CxrNegbio = new(ProjectKind.CxrJpg, "mimic-cxr-2.0.0-negbio", ["subject_id", "study_id"]);
    public static readonly SourceTable CxrSplit = new(ProjectKind.CxrJpg, "mimic-cxr-2.0.0-split", ["dicom_id", "study_id", "subject_id", "split"]);

    public static readonly SourceTable[] CxrJpg = [CxrMetadata, CxrChexpert, CxrNegbio, CxrSplit];

    // ---- REFLACX ----------------------------------------------------------------------------------
    public static readonly SourceTable[] ReflacxPhases =
    [
        Reflacx("main_data/metadata_phase_1"), Reflacx("main_data/metadata_phase_2"), Reflacx("main_data/metadata_phase_3"),
    ];

    // ---- EGD-CXR ----------------------------------------------------------------------------------
    public static readonly SourceTable EgdMasterSheet = new(ProjectKind.EyeGaze, "master_sheet", ["dicom_id", "study_id", "patient_id", "stay_id"]);
    public static readonly SourceTable EgdEyeGaze = new(ProjectKind.EyeGaze, "eye_gaze", ["DICOM_ID"]);
    public static readonly SourceTable EgdFixations = new(ProjectKind.EyeGaze, "fixations", ["DICOM_ID"]);
    public static readonly SourceTable EgdBoundingBoxes = new(ProjectKind.EyeGaze, "bounding_boxes", ["dicom_id"]);

    public static readonly SourceTable[] EyeGaze = [EgdMasterSheet, EgdEyeGaze, EgdFixations, EgdBoundingBoxes];

    /// <summary>Every table, in the order <c>check</c> lists them.</summary>
    public static IEnumerable<SourceTable> All =>
        Hosp.Concat(Icu).Concat(Ed).Concat(CxrJpg).Concat(ReflacxPhases).Concat(EyeGaze);

    public static SourceTable Find(ProjectKind project, string relativePath) =>
        All.Single(t => t.Project == project && t.RelativePath == relativePath);

    static SourceTable Mimic(string path) => new(ProjectKind.MimicIv, path, Subject);

    static SourceTable Mimic(string path, params string[] columns) => new(ProjectKind.MimicIv, path, columns);

    static SourceTable Reflacx(string path) =>
        new(ProjectKind.Reflacx, path, ["id", "split", "eye_tracking_data_discarded", "image", "dicom_id", "subject_id"]);
}

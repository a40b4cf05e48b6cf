namespace MimicEye.Samples;

/// <summary>One synthetic patient: identity, hospital timeline and chest X-rays. Cohort subjects have
/// images in EGD-CXR or REFLACX; the others only fill the clinical tables, as the 99 % of MIMIC-IV that
/// the cohort does not touch.</summary>
sealed class SubjectPlan(int index, long subjectId, bool inCohort)
{
    public int Index { get; } = index;
    public long SubjectId { get; } = subjectId;
    public string Id { get; } = subjectId.ToString(System.Globalization.CultureInfo.InvariantCulture);
    public bool InCohort { get; } = inCohort;
    public string Gender { get; set; } = "F";
    public int AnchorAge { get; set; }
    public int AnchorYear { get; set; }
    public string AnchorYearGroup { get; set; } = "2011 - 2013";
    public string Race { get; set; } = "WHITE";
    public string Insurance { get; set; } = "Medicare";
    public string Language { get; set; } = "ENGLISH";
    public string? MaritalStatus { get; set; }
    public DateTime? DateOfDeath { get; set; }

    /// <summary>What this subject exercises, for the README (scripted subjects only).</summary>
    public string? Role { get; set; }

    public List<AdmissionPlan> Admissions { get; } = [];
    public List<EdStayPlan> EdStays { get; } = [];
    public List<IcuStayPlan> IcuStays { get; } = [];
    public List<StudyPlan> Studies { get; } = [];

    /// <summary>Midnight of the day the subject's story is told around (in shifted years).</summary>
    public DateTime Day0 { get; set; }

    public DateTime At(int day, int hour, int minute, int second, int millisecond = 0) =>
        Day0.AddDays(day).AddHours(hour).AddMinutes(minute).AddSeconds(second).AddMilliseconds(millisecond);
}

sealed record AdmissionPlan(long HadmId, DateTime Admit, DateTime Discharge, EdStayPlan? FromEd, string Type);

sealed record EdStayPlan(long StayId, long? HadmId, DateTime In, DateTime Out, string Disposition);

sealed record IcuStayPlan(long StayId, long HadmId, DateTime In, DateTime Out, string CareUnit);

sealed class StudyPlan(long studyId, DateTime time)
{
    public long StudyId { get; } = studyId;
    public string Id { get; } = studyId.ToString(System.Globalization.CultureInfo.InvariantCulture);
    public DateTime Time { get; } = time;
    public List<ImagePlan> Images { get; } = [];
    public bool InCohort => Images.Exists(i => i.InCohort);
}

/// <summary>One CXR image. <see cref="Width"/>/<see cref="Height"/> are the JPEG's pixel size, and so the
/// metadata's Columns/Rows.</summary>
sealed class ImagePlan(SubjectPlan subject, StudyPlan study, string dicomId, string view, int width, int height)
{
    public SubjectPlan Subject { get; } = subject;
    public StudyPlan Study { get; } = study;
    public string DicomId { get; } = dicomId;
    public string View { get; } = view;
    public int Width { get; } = width;
    public int Height { get; } = height;
    public string Split { get; set; } = "train";

    /// <summary>In EGD-CXR, with this form of its DICOM_ID in the gaze tables (null: not in EGD-CXR).</summary>
    public GazeIdForm? EgdForm { get; set; }

    /// <summary>EGD-CXR also holds a <c>&lt;dicom_id&gt;_calibration</c> id for this image in eye_gaze.csv.</summary>
    public bool EgdCalibration { get; set; }

    /// <summary>REFLACX phase (1–3; 0: not in REFLACX) and how many of its readings were discarded.</summary>
    public int ReflacxPhase { get; set; }
    public int ReflacxDiscarded { get; set; }

    /// <summary>Filled by the planner once every subject is known.</summary>
    public EgdCase? Egd { get; set; }
    public List<ReflacxReading> Readings { get; } = [];

    public bool InCohort => EgdForm is not null || ReflacxPhase > 0;
}

sealed record ReflacxReading(string Id, int Phase, ImagePlan Image, int Reader, bool Discarded);

/// <summary>How an EGD image's DICOM_ID appears in eye_gaze.csv and fixations.csv.</summary>
enum GazeIdForm
{
    /// <summary>The full 44-character id.</summary>
    Full,

    /// <summary>A trimmed id in one session and the full id, with more rows, in another.</summary>
    TrimmedAndFullWithMoreRows,

    /// <summary>Only a trimmed id; the full id is absent from the file (it is a known CXR dicom_id).</summary>
    TrimmedOnly,

    /// <summary>A trimmed id that is the prefix of two known dicom_ids (one in the master sheet); the
    /// full id is present too, with fewer rows than the trimmed one.</summary>
    TrimmedAmbiguous,
}

sealed record EgdCase(ImagePlan Image, int Session, int Media, GazeIdForm Form, bool Calibration, long OldStayId);

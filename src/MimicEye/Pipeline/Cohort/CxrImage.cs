namespace MimicEye.Pipeline.Cohort;

/// <summary>One cohort row of the CXR-JPG metadata: its 0-based source row number and every field as text,
/// in source column order (values are passed through verbatim).</summary>
sealed record CxrImage(long SourceIndex, string[] Fields, CxrColumns Columns)
{
    public string DicomId => Fields[Columns.DicomId];
    public string SubjectId => Fields[Columns.SubjectId];
    public string StudyId => Fields[Columns.StudyId];
    public string StudyDate => Fields[Columns.StudyDate];
    public string StudyTime => Fields[Columns.StudyTime];
    public string Rows => Fields[Columns.Rows];
    public string ColumnsText => Fields[Columns.Columns];
    public string ViewPosition => Fields[Columns.ViewPosition];
}

/// <summary>Where the metadata columns the phases use sit in this file (found by name).</summary>
sealed record CxrColumns(IReadOnlyList<string> Headers, int DicomId, int SubjectId, int StudyId, int StudyDate, int StudyTime,
    int Rows, int Columns, int ViewPosition);

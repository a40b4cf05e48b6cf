namespace MimicEye.Pipeline.StayMatching;

/// <summary>One MIMIC-IV-ED edstays row of a cohort patient: the texts as in the source, and the parsed
/// times (null where unparseable).</summary>
sealed record EdStay(string SubjectId, string StayId, string InTime, string OutTime, DateTime? In, DateTime? Out)
{
    public long StayNumber => long.TryParse(StayId, out var n) ? n : 0;

    /// <summary>Usable by the default rules: both times parse and the stay does not end before it starts.</summary>
    public bool IsValid => In is { } i && Out is { } o && o >= i;
}

namespace MimicEye.Pipeline.StayMatching;

enum MatchRule
{
    Inside,
    Window,
    None,
}

enum NoMatchReason
{
    NoEdStay,
    OutsideWindow,
    Ambiguous,
    BadTime,
}

/// <summary>The result for one cohort image: the stay (or none, with the reason), the rule that decided,
/// and the audit values of stay_matching.csv.</summary>
sealed record StayMatch(string? StayId, MatchRule Rule, NoMatchReason? Reason, double? HoursOutside, string StudyDateTime, DateTime? StudyTime, IReadOnlyList<EdStay> Candidates)
{
    public static string RuleText(MatchRule rule) => rule switch
    {
        MatchRule.Inside => "inside",
        MatchRule.Window => "window",
        _ => "none",
    };

    public static string ReasonText(NoMatchReason? reason) => reason switch
    {
        NoMatchReason.NoEdStay => "no_ed_stay",
        NoMatchReason.OutsideWindow => "outside_window",
        NoMatchReason.Ambiguous => "ambiguous",
        NoMatchReason.BadTime => "bad_time",
        _ => "",
    };
}

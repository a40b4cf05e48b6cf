namespace MimicEye.Pipeline.StayMatching;

/// <summary>The published build's rule (reference §1.1–§1.2), bugs included: the study number is the date
/// digits followed by the shortest text of the StudyTime double (no padding, so studies before 10:00 get
/// 13 or 12 integer digits and never match), compared as a double with intime/outtime turned into
/// <c>YYYYMMDDHHMMSS</c> numbers, strictly on both sides; a stay is assigned only when exactly one matches.</summary>
sealed class CompatStayRule : IStayRule
{
    public StayMatch Match(string studyDate, string studyTime, IReadOnlyList<EdStay> stays)
    {
        var number = StudyTime.CompatNumber(studyDate, studyTime);
        var time = StudyTime.Parse(studyDate, studyTime);
        if (double.IsNaN(number))
            return new StayMatch(null, MatchRule.None, NoMatchReason.BadTime, null, "", time, stays);
        var text = StudyTime.PythonRepr(number);
        if (stays.Count == 0)
            return new StayMatch(null, MatchRule.None, NoMatchReason.NoEdStay, null, text, time, stays);

        var matches = stays.Where(s => StudyTime.CompatStayNumber(s.InTime) < number && StudyTime.CompatStayNumber(s.OutTime) > number).ToList();
        if (matches.Count == 1)
            return new StayMatch(matches[0].StayId, MatchRule.Inside, null, 0, text, time, stays);
        var hours = time is { } t ? DefaultStayRule.NearestHours(t, stays) : null;
        var reason = matches.Count > 1 ? NoMatchReason.Ambiguous : NoMatchReason.OutsideWindow;
        return new StayMatch(null, MatchRule.None, reason, matches.Count > 1 ? 0 : hours, text, time, stays);
    }
}

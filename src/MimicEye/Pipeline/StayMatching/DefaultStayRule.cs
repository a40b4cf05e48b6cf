namespace MimicEye.Pipeline.StayMatching;

/// <summary>The corrected rule (SPEC §5): StudyTime zero-padded; a stay contains the study when
/// <c>intime &lt;= t &lt;= outtime</c>; among several, the latest intime (then latest outtime, then largest
/// stay_id). With <c>--window-days N</c>, a study inside no stay takes the stay that ended most recently
/// before it, if it ended at most N days earlier: only stays before the image count, so no clinical data
/// from after the image leaks in.</summary>
sealed class DefaultStayRule(int windowDays) : IStayRule
{
    public StayMatch Match(string studyDate, string studyTime, IReadOnlyList<EdStay> stays)
    {
        var t = StudyTime.Parse(studyDate, studyTime);
        if (t is not { } time)
            return new StayMatch(null, MatchRule.None, NoMatchReason.BadTime, null, "", null, stays);
        var number = StudyTime.Number(time);
        var valid = stays.Where(s => s.IsValid).ToList();
        if (valid.Count == 0)
            return new StayMatch(null, MatchRule.None, NoMatchReason.NoEdStay, null, number, time, stays);

        var inside = valid.Where(s => s.In <= time && time <= s.Out)
            .OrderByDescending(s => s.In).ThenByDescending(s => s.Out).ThenByDescending(s => s.StayNumber).FirstOrDefault();
        if (inside is not null)
            return new StayMatch(inside.StayId, MatchRule.Inside, null, 0, number, time, stays);

        if (windowDays > 0)
        {
            var after = valid.Where(s => s.Out < time && time <= s.Out!.Value.AddDays(windowDays))
                .OrderByDescending(s => s.Out).ThenByDescending(s => s.In).ThenByDescending(s => s.StayNumber).FirstOrDefault();
            if (after is not null)
                return new StayMatch(after.StayId, MatchRule.Window, null, Hours(time - after.Out!.Value), number, time, stays);
        }
        return new StayMatch(null, MatchRule.None, NoMatchReason.OutsideWindow, NearestHours(time, valid), number, time, stays);
    }

    /// <summary>Signed hours from the nearest stay interval: negative before its intime, positive after its outtime.</summary>
    public static double? NearestHours(DateTime time, IEnumerable<EdStay> stays)
    {
        double? best = null;
        foreach (var s in stays.Where(s => s.IsValid))
        {
            var hours = time < s.In ? Hours(time - s.In!.Value) : time > s.Out ? Hours(time - s.Out!.Value) : 0;
            if (best is null || Math.Abs(hours) < Math.Abs(best.Value))
                best = hours;
        }
        return best;
    }

    static double Hours(TimeSpan span) => Math.Round(span.TotalHours, 6);
}

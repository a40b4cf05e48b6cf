using MimicEye.Pipeline.StayMatching;

namespace MimicEye.Tests.Pipeline;

public class StayRuleTests
{
    static EdStay Stay(string id, string inTime, string outTime) =>
        new("10000032", id, inTime, outTime, StudyTime.ParseStayTime(inTime), StudyTime.ParseStayTime(outTime));

    static readonly DefaultStayRule Default = new(windowDays: 0);
    static readonly CompatStayRule Compat = new();

    [Theory]
    [InlineData("80556.875", "2180-05-06 08:05:56.875")]
    [InlineData("52.062", "2180-05-06 00:00:52.062")]
    [InlineData("4228.656", "2180-05-06 00:42:28.656")]
    [InlineData("213014.531", "2180-05-06 21:30:14.531")]
    [InlineData("124828.0", "2180-05-06 12:48:28.000")]
    [InlineData("171644.53100000002", "2180-05-06 17:16:44.531")]
    public void StudyTime_without_leading_zeros_is_padded_to_six_digits(string time, string expected)
    {
        var t = StudyTime.Parse("21800506", time);
        Assert.Equal(expected, t!.Value.ToString("yyyy-MM-dd HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("2180056", "80556.875")]
    [InlineData("21800506", "")]
    [InlineData("21800506", "256000.0")]
    [InlineData("21801306", "80556.875")]
    [InlineData("21800506", "abc")]
    public void Unparseable_study_time_gives_bad_time(string date, string time)
    {
        var match = Default.Match(date, time, [Stay("30000001", "2180-05-06 07:00:00", "2180-05-06 09:00:00")]);
        Assert.Null(match.StayId);
        Assert.Equal(NoMatchReason.BadTime, match.Reason);
    }

    [Fact]
    public void Study_before_ten_matches_under_default_but_never_under_compat()
    {
        var stays = new[] { Stay("30000001", "2180-05-06 07:00:00", "2180-05-06 09:00:00") };
        Assert.Equal("30000001", Default.Match("21800506", "80556.875", stays).StayId);
        var compat = Compat.Match("21800506", "80556.875", stays);
        Assert.Null(compat.StayId);
        Assert.Equal(NoMatchReason.OutsideWindow, compat.Reason);
        Assert.Equal("2180050680556.875", compat.StudyDateTime);
    }

    [Fact]
    public void Study_before_ten_past_midnight_matches_under_default_only()
    {
        var stays = new[] { Stay("30000001", "2180-05-05 23:00:00", "2180-05-06 02:00:00") };
        Assert.Equal("30000001", Default.Match("21800506", "52.062", stays).StayId);
        Assert.Null(Compat.Match("21800506", "52.062", stays).StayId);
        Assert.Equal("2180050652.062", Compat.Match("21800506", "52.062", stays).StudyDateTime);
    }

    [Fact]
    public void Study_exactly_at_intime_or_outtime_is_inside_under_default_and_outside_under_compat()
    {
        var stays = new[] { Stay("30000001", "2180-05-06 12:00:00", "2180-05-06 15:30:00") };
        Assert.Equal("30000001", Default.Match("21800506", "120000.0", stays).StayId);
        Assert.Equal("30000001", Default.Match("21800506", "153000.0", stays).StayId);
        Assert.Null(Compat.Match("21800506", "120000.0", stays).StayId);
        Assert.Null(Compat.Match("21800506", "153000.0", stays).StayId);
    }

    [Fact]
    public void Fractional_seconds_just_after_intime_match_under_both_rules()
    {
        var stays = new[] { Stay("30000001", "2180-05-06 12:00:00", "2180-05-06 15:30:00") };
        Assert.Equal("30000001", Default.Match("21800506", "120000.5", stays).StayId);
        Assert.Equal("30000001", Compat.Match("21800506", "120000.5", stays).StayId);
    }

    [Fact]
    public void Fractional_seconds_past_outtime_are_outside_under_default()
    {
        var stays = new[] { Stay("30000001", "2180-05-06 12:00:00", "2180-05-06 15:30:00") };
        var match = Default.Match("21800506", "153000.25", stays);
        Assert.Null(match.StayId);
        Assert.Equal(0.0, match.HoursOutside!.Value, 3);
    }

    [Fact]
    public void Compat_study_number_keeps_double_rounding_of_fourteen_digit_values()
    {
        Assert.Equal(21250928160736.17, StudyTime.CompatNumber("21250928", "160736.171"));
        Assert.Equal("21250928160736.17", StudyTime.PythonRepr(StudyTime.CompatNumber("21250928", "160736.171")));
        Assert.Equal("21261102151208.0", StudyTime.PythonRepr(StudyTime.CompatNumber("21261102", "151208.0")));
    }

    [Fact]
    public void Overlapping_stays_pick_the_latest_intime_under_default_and_none_under_compat()
    {
        var stays = new[]
        {
            Stay("30000001", "2180-05-06 10:00:00", "2180-05-06 20:00:00"),
            Stay("30000002", "2180-05-06 12:00:00", "2180-05-06 14:00:00"),
        };
        Assert.Equal("30000002", Default.Match("21800506", "130000.0", stays).StayId);
        var compat = Compat.Match("21800506", "130000.0", stays);
        Assert.Null(compat.StayId);
        Assert.Equal(NoMatchReason.Ambiguous, compat.Reason);
    }

    [Fact]
    public void Equal_intimes_break_ties_by_latest_outtime_then_largest_stay_id()
    {
        var stays = new[]
        {
            Stay("30000009", "2180-05-06 12:00:00", "2180-05-06 14:00:00"),
            Stay("30000002", "2180-05-06 12:00:00", "2180-05-06 16:00:00"),
            Stay("30000003", "2180-05-06 12:00:00", "2180-05-06 16:00:00"),
        };
        Assert.Equal("30000003", Default.Match("21800506", "130000.0", stays).StayId);
    }

    [Fact]
    public void Window_days_take_the_stay_that_ended_most_recently_before_the_study()
    {
        var stays = new[]
        {
            Stay("30000001", "2180-05-01 10:00:00", "2180-05-01 20:00:00"),
            Stay("30000002", "2180-05-03 10:00:00", "2180-05-03 20:00:00"),
            Stay("30000003", "2180-05-09 10:00:00", "2180-05-09 20:00:00"),
        };
        var none = Default.Match("21800505", "200000.0", stays);
        Assert.Null(none.StayId);
        Assert.Equal(NoMatchReason.OutsideWindow, none.Reason);
        Assert.Equal(48.0, none.HoursOutside!.Value, 3);

        var window = new DefaultStayRule(windowDays: 7).Match("21800505", "200000.0", stays);
        Assert.Equal("30000002", window.StayId);
        Assert.Equal(MatchRule.Window, window.Rule);
        Assert.Equal(48.0, window.HoursOutside!.Value, 3);
    }

    [Fact]
    public void Window_never_takes_a_stay_that_starts_after_the_study_or_ended_too_long_ago()
    {
        var stays = new[]
        {
            Stay("30000001", "2180-04-20 10:00:00", "2180-04-20 20:00:00"),
            Stay("30000003", "2180-05-06 10:00:00", "2180-05-06 20:00:00"),
        };
        var match = new DefaultStayRule(windowDays: 7).Match("21800505", "200000.0", stays);
        Assert.Null(match.StayId);
        Assert.Equal(-14.0, match.HoursOutside!.Value, 3);
    }

    [Fact]
    public void Subject_without_ed_stays_is_no_ed_stay_under_both_rules()
    {
        Assert.Equal(NoMatchReason.NoEdStay, Default.Match("21800505", "200000.0", []).Reason);
        Assert.Equal(NoMatchReason.NoEdStay, Compat.Match("21800505", "200000.0", []).Reason);
    }

    [Fact]
    public void Stay_that_ends_before_it_starts_is_not_matched_by_default()
    {
        var stays = new[] { Stay("30000001", "2180-05-06 15:00:00", "2180-05-06 11:00:00") };
        Assert.False(stays[0].IsValid);
        Assert.Equal(NoMatchReason.NoEdStay, Default.Match("21800506", "130000.0", stays).Reason);
    }

    [Fact]
    public void Default_study_number_has_fourteen_integer_digits()
    {
        var match = Default.Match("21800506", "52.062", [Stay("30000001", "2180-05-05 23:00:00", "2180-05-06 02:00:00")]);
        Assert.Equal("21800506000052.062", match.StudyDateTime);
    }
}

using MimicEye.Pipeline;
using MimicEye.Pipeline.EyeGazeRepair;

namespace MimicEye.Tests.Pipeline;

public class DicomIdRepairTests
{
    const string Full = "1e4d4d01-657d797c-f09f7a14-cc14e092-909e66b8";
    const string Trimmed = "1e4d4d01-657d797c-f09f7a14-cc14e092-909";
    const string Other = "d3a43470-e8e4b5c1-c68c59e1-da71f25a-bdf00001";
    const string Twin1 = "aaaa0000-11112222-33334444-55556666-77770001";
    const string Twin2 = "aaaa0000-11112222-33334444-55556666-77770002";
    const string Calibration = "320df379-5ac0ef5d-a88bd5b6-e0620b99-7ca7bbfe_calibration";

    static readonly KnownDicomIds Known = new([Full, Other, Twin1, Twin2, "320df379-5ac0ef5d-a88bd5b6-e0620b99-7ca7bbfe"]);

    static Dictionary<string, long> Counts(params (string Id, long Rows)[] rows) => rows.ToDictionary(r => r.Id, r => r.Rows);

    [Fact]
    public void Trimmed_id_with_one_known_completion_is_renamed()
    {
        var repairs = new DefaultDicomIdRepairer(Known, new HashSet<string>(), TrimmedIdAction.Rename)
            .Repair("eye_gaze.csv", Counts((Full, 1294), (Trimmed, 75)));
        var r = Assert.Single(repairs);
        Assert.Equal((Trimmed, Full, 75L, DicomIdRepair.Renamed), (r.Original, r.Resolved, r.Rows, r.Action));
    }

    [Fact]
    public void Trimmed_id_is_renamed_even_when_its_full_id_is_absent_from_the_file()
    {
        var r = Assert.Single(new DefaultDicomIdRepairer(Known, new HashSet<string>(), TrimmedIdAction.Rename)
            .Repair("fixations.csv", Counts(("d3a43470-e8e4b5c1-c68c59e1-da71f25a-bdf", 238))));
        Assert.Equal(Other, r.Resolved);
    }

    [Fact]
    public void Drop_option_drops_the_rows_of_resolvable_trimmed_ids()
    {
        var r = Assert.Single(new DefaultDicomIdRepairer(Known, new HashSet<string>(), TrimmedIdAction.Drop)
            .Repair("eye_gaze.csv", Counts((Trimmed, 75))));
        Assert.Equal(DicomIdRepair.Dropped, r.Action);
    }

    [Fact]
    public void Shared_prefix_is_decided_by_the_master_sheet_else_ambiguous()
    {
        var prefix = "aaaa0000-11112222-33334444-55556666-7777";
        var decided = new DefaultDicomIdRepairer(Known, new HashSet<string> { Twin2 }, TrimmedIdAction.Rename).Repair("eye_gaze.csv", Counts((prefix, 5)));
        Assert.Equal(Twin2, Assert.Single(decided).Resolved);
        var ambiguous = new DefaultDicomIdRepairer(Known, new HashSet<string>(), TrimmedIdAction.Rename).Repair("eye_gaze.csv", Counts((prefix, 5)));
        Assert.Equal(DicomIdRepair.Ambiguous, Assert.Single(ambiguous).Action);
    }

    [Fact]
    public void Calibration_and_unknown_ids_are_kept_and_reported_unresolved()
    {
        var repairs = new DefaultDicomIdRepairer(Known, new HashSet<string>(), TrimmedIdAction.Rename)
            .Repair("eye_gaze.csv", Counts((Calibration, 40), ("ffff", 2)));
        Assert.All(repairs, r => Assert.Equal(DicomIdRepair.Unresolved, r.Action));
        Assert.Equal(2, repairs.Count);
    }

    [Fact]
    public void Compat_keeps_the_variant_with_most_rows_and_drops_the_trimmed_rows()
    {
        var repairs = CompatDicomIdRepairer.Repair("eye_gaze.csv", Counts((Full, 1294), (Trimmed, 75), (Calibration, 40)));
        var r = Assert.Single(repairs);
        Assert.Equal((Trimmed, Full, 75L, DicomIdRepair.Dropped), (r.Original, r.Resolved, r.Rows, r.Action));
    }

    [Fact]
    public void Compat_drops_a_full_id_when_the_trimmed_variant_has_more_rows()
    {
        var r = Assert.Single(CompatDicomIdRepairer.Repair("eye_gaze.csv", Counts((Full, 10), (Trimmed, 75))));
        Assert.Equal((Full, Trimmed, DicomIdRepair.Dropped), (r.Original, r.Resolved, r.Action));
    }

    [Fact]
    public void Compat_keeps_a_trimmed_id_whose_only_prefix_match_is_itself_where_the_reference_crashes()
    {
        var r = Assert.Single(CompatDicomIdRepairer.Repair("eye_gaze.csv", Counts(("d3a43470-e8e4b5c1-c68c59e1-da71f25a-bdf", 238))));
        Assert.Equal(DicomIdRepair.Kept, r.Action);
    }

    [Fact]
    public void Known_ids_are_found_by_prefix()
    {
        Assert.Equal([Twin1, Twin2], Known.StartingWith("aaaa0000"));
        Assert.Empty(Known.StartingWith(""));
        Assert.True(Known.Contains(Full));
        Assert.False(Known.Contains(Trimmed));
    }
}

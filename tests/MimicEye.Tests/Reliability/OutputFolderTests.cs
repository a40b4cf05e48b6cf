using MimicEye.Tests.Support;

namespace MimicEye.Tests.Reliability;

/// <summary>SPEC §9 and issue 6 §2, §5: what mimiceye may do to the --out folder. A folder that is not a
/// mimiceye output is refused unless --force; mimiceye replaces and removes only files it wrote; verify
/// reports every modified, missing and extra file.</summary>
public class OutputFolderTests
{
    static string[] Build(string output, params string[] more) => ["build", "--source", ReliabilitySamples.Source, "--out", output, .. more];

    [Fact]
    public void A_non_empty_folder_that_is_not_a_mimiceye_output_is_refused_without_force()
    {
        using var temp = new TempDir("out-refused");
        var output = temp.Sub("mine");
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "thesis.tex"), "mine");

        var result = CliRunner.Run(Build(output));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"--out {output} is not empty and is not a mimiceye output", result.Error);
        Assert.Contains("--force", result.Error);
        Assert.Equal(["thesis.tex"], Directory.EnumerateFileSystemEntries(output).Select(Path.GetFileName));
        Assert.Equal("mine", File.ReadAllText(Path.Combine(output, "thesis.tex")));
    }

    [Fact]
    public void With_force_only_mimiceye_files_are_replaced_and_foreign_files_survive_every_command()
    {
        var reference = ReliabilitySamples.Reference;
        using var temp = new TempDir("out-force");
        var output = temp.Sub("out");
        Directory.CreateDirectory(output);
        var patient = Path.GetFileName(Directory.GetDirectories(reference, "patient_*")[0]);
        // Foreign files: beside the tree, inside mimiceye's folders, and at a name a phase writes under another option.
        var foreign = new Dictionary<string, string>
        {
            ["thesis.tex"] = "a user's file",
            ["spreadsheets/my_notes.csv"] = "a,b\n1,2\n",
            [$"{patient}/notes.txt"] = "seen by a clinician",
            [$"{patient}/Hosp/my_query.csv"] = "x\n",
        };
        foreach (var (relative, text) in foreign)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(output, relative))!);
            File.WriteAllText(Path.Combine(output, relative), text);
        }

        Assert.Equal(1, CliRunner.Run(Build(output)).ExitCode);
        Assert.Equal(0, CliRunner.Run(Build(output, "--force", "--window-days", "7")).ExitCode);
        // Over an earlier mimiceye output (which needs no --force), with other options: mimiceye's files are
        // replaced, a file the earlier run wrote and this one does not is removed, the user's files stay.
        List<string[]> commands =
        [
            Build(output, "--force"),
            ["stays", "--source", ReliabilitySamples.Source, "--out", output, "--window-days", "3"],
            ["reflacx", "--source", ReliabilitySamples.Source, "--out", output, "--reflacx-labels", "raw"],
            ["eyegaze", "--source", ReliabilitySamples.Source, "--out", output, "--eyegaze-trimmed", "drop"],
            ["write", "--source", ReliabilitySamples.Source, "--out", output, "--images", "none"],
            Build(output),
            ["report", "--out", output],
            ["plan", "--source", ReliabilitySamples.Source, "--out", output],
        ];
        foreach (var command in commands)
        {
            var result = CliRunner.Run(command);
            Assert.True(result.ExitCode == 0, $"{string.Join(' ', command)}: exit {result.ExitCode}\n{result.Error}");
            foreach (var (relative, text) in foreign)
                Assert.True(File.Exists(Path.Combine(output, relative)) && File.ReadAllText(Path.Combine(output, relative)) == text,
                    $"{relative} was changed by: {string.Join(' ', command)}");
        }
        // verify lists the foreign files inside the tree's folders as extra, and touches nothing.
        var verify = CliRunner.Run("verify", "--out", output);
        Assert.Equal(1, verify.ExitCode);
        Assert.Equal(foreign.Keys.Where(k => k.Contains('/')).Select(k => "extra: " + k).Order(StringComparer.Ordinal),
            verify.Out.Split('\n').Where(l => l.StartsWith("extra: ", StringComparison.Ordinal) || l.StartsWith("modified: ", StringComparison.Ordinal)
                || l.StartsWith("missing: ", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        foreach (var (relative, text) in foreign)
            Assert.Equal(text, File.ReadAllText(Path.Combine(output, relative)));
        // The tree itself is the one a build into an empty folder gives (the foreign files aside).
        var differences = OutputTree.Differences(reference, output).Where(d => !foreign.Keys.Any(f => d.EndsWith(" " + f, StringComparison.Ordinal)));
        Assert.Empty(differences);
    }

    [Fact]
    public void Cleaning_temporary_files_never_follows_a_symlink_out_of_the_output()
    {
        using var temp = new TempDir("out-link");
        var outside = temp.Sub("outside");
        Directory.CreateDirectory(outside);
        var victim = Path.Combine(outside, "draft.mimiceye-tmp");
        File.WriteAllText(victim, "not mimiceye's");
        var output = temp.Sub("out");
        Directory.CreateDirectory(Path.Combine(output, "spreadsheets"));
        File.CreateSymbolicLink(Path.Combine(output, "elsewhere"), outside);
        File.CreateSymbolicLink(Path.Combine(output, "spreadsheets", "elsewhere"), outside);

        Assert.Equal(0, CliRunner.Run(Build(output, "--force", "--images", "none")).ExitCode);
        Assert.Equal(0, CliRunner.Run(Build(output, "--images", "none")).ExitCode);

        Assert.True(File.Exists(victim), "a file outside --out was deleted");
        Assert.Equal(["draft.mimiceye-tmp"], Directory.EnumerateFileSystemEntries(outside).Select(Path.GetFileName));
    }

    [Fact]
    public void A_phase_list_edited_to_name_a_file_outside_the_output_never_deletes_it()
    {
        using var temp = new TempDir("out-list");
        var output = temp.Sub("out");
        var victim = temp.Sub("victim.txt");
        File.WriteAllText(victim, "not mimiceye's");
        Assert.Equal(0, CliRunner.Run(Build(output, "--images", "none")).ExitCode);
        File.AppendAllText(Path.Combine(output, ".mimiceye", "stays.files"), "../victim.txt\n" + victim + "\n");

        Assert.Equal(0, CliRunner.Run("stays", "--source", ReliabilitySamples.Source, "--out", output).ExitCode);

        Assert.True(File.Exists(victim), "a file outside --out was deleted");
    }

    [Fact]
    public void Verify_reports_modified_missing_and_extra_files_with_exit_1()
    {
        using var temp = new TempDir("out-verify");
        var output = temp.Sub("out");
        Assert.Equal(0, CliRunner.Run(Build(output)).ExitCode);
        var verified = CliRunner.Run("verify", "--out", output);
        Assert.Equal(0, verified.ExitCode);
        Assert.Contains("verify: OK", verified.Out);

        var patient = Path.GetFileName(Directory.GetDirectories(output, "patient_*").Order(StringComparer.Ordinal).First());
        var modified = $"{patient}/CXR-JPG/cxr_meta.csv";
        File.AppendAllText(Path.Combine(output, modified), "x");
        var missing = Directory.EnumerateFiles(Path.Combine(output, patient), "*.jpg", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(output, f)).Order(StringComparer.Ordinal).First();
        File.Delete(Path.Combine(output, missing));
        var extra = "spreadsheets/Hosp/stray.csv";
        File.WriteAllText(Path.Combine(output, extra), "a\n");
        var sameSize = "spreadsheets/stay_matching.csv";
        var bytes = File.ReadAllBytes(Path.Combine(output, sameSize));
        bytes[^2] ^= 1;
        File.WriteAllBytes(Path.Combine(output, sameSize), bytes);

        var result = CliRunner.Run("verify", "--out", output);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"modified: {modified}", result.Out);
        Assert.Contains($"modified: {sameSize}", result.Out);
        Assert.Contains($"missing: {missing}", result.Out);
        Assert.Contains($"extra: {extra}", result.Out);
        Assert.Contains("verify: 2 modified, 1 missing, 1 extra", result.Out);
    }
    [Fact]
    public void The_checksum_cache_holds_each_file_s_real_size_and_write_time()
    {
        // The writers give these from their open files (no lookup of each path at the end): a wrong time would
        // make the next run hash every file again, a wrong size would keep a stale hash.
        using var temp = new TempDir("out-cache");
        var output = temp.Sub("out");

        Assert.Equal(0, CliRunner.Run(Build(output)).ExitCode);

        var lines = File.ReadAllLines(Path.Combine(output, ".mimiceye", "hashes.tsv"));
        Assert.True(lines.Length > 100, $"{lines.Length} lines");
        Assert.All(lines, line =>
        {
            var parts = line.Split('\t');
            var info = new FileInfo(Path.Combine(output, parts[0]));
            Assert.Equal(info.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), parts[1]);
            Assert.Equal(info.LastWriteTimeUtc.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture), parts[2]);
        });
    }

    [Fact]
    public void A_file_written_by_one_phase_and_removed_as_stale_by_a_later_one_is_not_listed()
    {
        // A list that names another phase's file (an older mimiceye wrote it in another phase, or the list was
        // edited): the later phase removes it as its own stale file, and SHA256SUMS.txt must follow the tree even
        // though the file's writer gave its hash and write time (the write phase's patient files do).
        using var temp = new TempDir("out-stale");
        var output = temp.Sub("out");
        Assert.Equal(0, CliRunner.Run(Build(output)).ExitCode);
        var patientFile = File.ReadAllLines(Path.Combine(output, ".mimiceye", "write.files")).First(f => f.StartsWith("patient_", StringComparison.Ordinal));
        File.AppendAllLines(Path.Combine(output, ".mimiceye", "finish.files"), [patientFile]);

        Assert.Equal(0, CliRunner.Run(Build(output)).ExitCode);

        Assert.False(File.Exists(Path.Combine(output, patientFile)));
        var sums = File.ReadAllLines(Path.Combine(output, "SHA256SUMS.txt")).Select(l => l[66..]).ToList();
        Assert.DoesNotContain(patientFile, sums);
        Assert.All(sums, relative => Assert.True(File.Exists(Path.Combine(output, relative)), relative));
    }
}

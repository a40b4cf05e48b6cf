using System.IO.Compression;
using System.Text;

using MimicEye.Tests.Support;

namespace MimicEye.Tests.Reliability;

/// <summary>A copy of the samples source for one bad-input test, with helpers to damage it, and a build into
/// <c>parent/out</c> whose surroundings are snapshotted, so a test can show nothing was written outside
/// --out. Tables are edited as Latin-1 text, which maps every byte to one char and back: invalid UTF-8 and
/// NUL bytes can be written, and the rest of the file keeps its bytes.</summary>
sealed class BadSource : IDisposable
{
    /// <summary>Placed in a clinical cell of every damaged row: it must never appear in a message.</summary>
    public const string Sentinel = "SENTINEL-Q7X";

    public const string Metadata = "mimic-cxr-jpg/2.0.0/mimic-cxr-2.0.0-metadata.csv.gz";
    public const string EdStays = "mimic-iv-ed/2.2/ed/edstays.csv.gz";
    public const string MasterSheet = "egd-cxr/1.0.0/master_sheet.csv";

    readonly TempDir _temp;

    public BadSource(string name)
    {
        _temp = new TempDir("bad-" + name);
        Source = ReliabilitySamples.CopySource(_temp.Sub("source"));
        Parent = _temp.Sub("parent");
        Directory.CreateDirectory(Parent);
    }

    public string Source { get; }

    /// <summary>The folder holding --out (and the source copy beside it, in the test's own temp folder).</summary>
    public string Parent { get; }

    public string Out => Path.Combine(Parent, "out");

    public string Root => _temp.Path;

    public string File(string relative) => ReliabilitySamples.Files(Source, relative);

    public static readonly Encoding Bytes = Encoding.Latin1;

    /// <summary>The lines of a table (without their LF), as Latin-1 text.</summary>
    public List<string> Lines(string relative) => [.. Read(File(relative)).Split('\n')];

    public void WriteLines(string relative, IEnumerable<string> lines) => Write(File(relative), string.Join('\n', lines));

    /// <summary>Changes the first data line whose field <paramref name="column"/> equals <paramref name="value"/>
    /// (unquoted tables only); the sentinel goes into <paramref name="sentinelColumn"/> of that line.</summary>
    public int EditRow(string relative, string column, string value, Action<string[], Func<string, int>> edit, string? sentinelColumn)
    {
        var lines = Lines(relative);
        var header = lines[0].TrimEnd('\r').Split(',');
        int Index(string name) => Array.IndexOf(header, name) is var i and >= 0 ? i : throw new ArgumentException(name);
        var row = lines.FindIndex(1, l => l.TrimEnd('\r').Split(',') is var f && f.Length > Index(column) && f[Index(column)] == value);
        Assert.True(row > 0, $"no row with {column}={value} in {relative}");
        var carriage = lines[row].EndsWith('\r');
        var fields = lines[row].TrimEnd('\r').Split(',');
        if (sentinelColumn is not null)
            fields[Index(sentinelColumn)] = Sentinel;
        edit(fields, Index);
        lines[row] = string.Join(',', fields) + (carriage ? "\r" : "");
        WriteLines(relative, lines);
        return row + 1;
    }

    public CliRunner.Result Build(params string[] more) => CliRunner.Run(["build", "--source", Source, "--out", Out, .. more]);

    /// <summary>Every file and folder of the test's temp folder outside --out, with size and time (a folder's
    /// time is left out: creating --out inside its parent changes the parent's).</summary>
    public SortedDictionary<string, (long, DateTime)> Snapshot()
    {
        var all = new SortedDictionary<string, (long, DateTime)>(StringComparer.Ordinal);
        foreach (var entry in new DirectoryInfo(Root).EnumerateFileSystemInfos("*", SearchOption.AllDirectories))
        {
            if (entry.FullName == Out || entry.FullName.StartsWith(Out + "/", StringComparison.Ordinal))
                continue;
            all[entry.FullName] = entry is FileInfo f ? (f.Length, f.LastWriteTimeUtc) : (-1, default);
        }
        return all;
    }

    /// <summary>Asserts stdout and stderr hold no clinical value of a damaged row.</summary>
    public static void AssertNoSentinel(CliRunner.Result result)
    {
        Assert.DoesNotContain(Sentinel, result.Out);
        Assert.DoesNotContain(Sentinel, result.Error);
    }

    /// <summary>Files of the output tree (outside .mimiceye/): none when a broken input stopped the build first.</summary>
    public List<string> Written() => [.. OutputTree.Files(Out)];

    /// <summary>The problems table of REPORT.md: code -> count.</summary>
    public Dictionary<string, int> ReportedIssues()
    {
        var report = System.IO.File.ReadAllLines(Path.Combine(Out, "REPORT.md"));
        var start = Array.IndexOf(report, "## Problems by code");
        return report.Skip(start + 1).Where(l => l.StartsWith("| ", StringComparison.Ordinal) && !l.StartsWith("| code", StringComparison.Ordinal))
            .Select(l => l.Split('|', StringSplitOptions.TrimEntries))
            .ToDictionary(c => c[1], c => int.Parse(c[3], System.Globalization.CultureInfo.InvariantCulture));
    }

    static string Read(string path)
    {
        using var file = System.IO.File.OpenRead(path);
        using Stream input = path.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var reader = new StreamReader(input, Bytes);
        return reader.ReadToEnd();
    }

    static void Write(string path, string text)
    {
        var bytes = Bytes.GetBytes(text);
        System.IO.File.WriteAllBytes(path, path.EndsWith(".gz", StringComparison.Ordinal) ? SourceTreeBuilder.Compress(bytes) : bytes);
    }

    public void Dispose() => _temp.Dispose();
}

using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace MimicEye.Tests.Support;

/// <summary>Writes small synthetic source trees in the layouts of SPEC §2: every catalogued table with a
/// real-looking header and a few rows of made-up values, one image, one report, one REFLACX reading and
/// one EGD case folder. <see cref="FilesRoot"/> is the folder holding the project slugs (for example
/// <c>tmp/physionet.org/files</c>). Independent of <c>mimiceye samples</c> on purpose.</summary>
sealed class SourceTreeBuilder(string filesRoot)
{
    public const string SubjectId = "10000032";
    public const string StudyId = "50414267";
    public const string DicomId = "02aa804e-bde0afdd-112c0b34-7bc16630-4e384014";
    public const string ReadingId = "P102R108387";

    public string FilesRoot { get; } = filesRoot;

    /// <summary>Write MIMIC-IV, MIMIC-IV-ED and CXR-JPG tables as <c>.csv.gz</c> (as PhysioNet does) or plain <c>.csv</c>.</summary>
    public bool Gzip { get; init; } = true;

    public int Rows { get; init; } = 3;

    public SourceTreeBuilder All()
    {
        MimicIv();
        MimicIvEd();
        CxrJpg();
        CxrReports();
        Reflacx();
        EyeGaze();
        return this;
    }

    public string MimicIv(string version = "2.2", string? folder = null) =>
        Tables(folder ?? Slug("mimiciv", version), SourceHeaders.MimicIv(version), Gzip);

    public string MimicIvEd(string version = "2.2", string? folder = null) => Tables(folder ?? Slug("mimic-iv-ed", version), SourceHeaders.Ed, Gzip);

    public string CxrJpg(string version = "2.0.0", string? folder = null)
    {
        var root = Tables(folder ?? Slug("mimic-cxr-jpg", version), SourceHeaders.CxrJpg, Gzip);
        Write(Path.Combine(root, "files", "p10", "p" + SubjectId, "s" + StudyId, DicomId + ".jpg"), [0xFF, 0xD8, 0xFF, 0xD9]);
        return root;
    }

    /// <summary>Reports in <c>files/pXX/p&lt;subject&gt;/s&lt;study&gt;.txt</c> under the folder (a version folder,
    /// or the folder an unzipped mimic-cxr-reports.zip gives).</summary>
    public string CxrReports(string version = "2.0.0", string? folder = null)
    {
        var root = folder ?? Slug("mimic-cxr", version);
        Write(Path.Combine(root, "files", "p10", "p" + SubjectId, "s" + StudyId + ".txt"), Encoding.ASCII.GetBytes("FINAL REPORT\n IMPRESSION: none.\n"));
        return root;
    }

    /// <summary>REFLACX writes its CSVs with CRLF line ends (sources.md §4.1).</summary>
    public string Reflacx(string version = "1.0.0", string? folder = null)
    {
        var root = Tables(folder ?? Slug("reflacx-xray-localization", version), SourceHeaders.Reflacx, gzip: false, newLine: "\r\n");
        WriteTable(Path.Combine(root, "main_data", ReadingId), "chest_bounding_box", "xmin,ymin,xmax,ymax", gzip: false);
        WriteTable(Path.Combine(root, "gaze_data", ReadingId), "gaze", "timestamp_sample,x_position,y_position", gzip: false);
        return root;
    }

    public string EyeGaze(string version = "1.0.0", string? folder = null)
    {
        var root = Tables(folder ?? Slug("egd-cxr", version), SourceHeaders.EyeGaze, gzip: false);
        Write(Path.Combine(root, "audio_segmentation_transcripts", DicomId, "transcript.json"), Encoding.UTF8.GetBytes("{\"full_text\": \"\"}"));
        return root;
    }

    string Slug(string slug, string version) => Path.Combine(FilesRoot, slug, version);

    string Tables(string root, IReadOnlyDictionary<string, string> tables, bool gzip, string newLine = "\n")
    {
        foreach (var (relative, header) in tables)
            WriteTable(root, relative, header, gzip, Rows, newLine);
        return root;
    }

    /// <summary>Writes <c>root/relative.csv[.gz]</c>: the header, then rows of made-up values, one per column.</summary>
    public static string WriteTable(string root, string relative, string header, bool gzip, int rows = 3, string newLine = "\n")
    {
        var columns = header.Split(',').Length;
        var text = new StringBuilder(header).Append(newLine);
        for (var r = 0; r < rows; r++)
            text.AppendJoin(',', Enumerable.Range(0, columns).Select(c => (r * 31 + c * 7 + 1000).ToString(System.Globalization.CultureInfo.InvariantCulture))).Append(newLine);
        var path = Path.Combine(root, relative.Replace('/', Path.DirectorySeparatorChar)) + (gzip ? ".csv.gz" : ".csv");
        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        Write(path, gzip ? Compress(bytes) : bytes);
        return path;
    }

    public static byte[] Compress(byte[] data)
    {
        using var buffer = new MemoryStream();
        using (var gz = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
            gz.Write(data);
        return buffer.ToArray();
    }

    /// <summary>Writes PhysioNet's SHA256SUMS.txt for every file under the version folder (two spaces, as
    /// <c>sha256sum</c> writes), plus any extra lines given (e.g. files not downloaded).</summary>
    public static string WriteChecksums(string versionFolder, params string[] extraLines)
    {
        var lines = Directory.EnumerateFiles(versionFolder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(versionFolder, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(f => f != "SHA256SUMS.txt")
            .Order(StringComparer.Ordinal)
            .Select(f => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(versionFolder, f)))) + "  " + f)
            .Concat(extraLines);
        var path = Path.Combine(versionFolder, "SHA256SUMS.txt");
        File.WriteAllText(path, string.Join('\n', lines) + "\n");
        return path;
    }

    /// <summary>Cuts a file to the given fraction of its length, as an interrupted download leaves it.</summary>
    public static void Truncate(string path, double keep = 0.5)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Write);
        file.SetLength((long)(file.Length * keep));
    }

    static void Write(string path, byte[] bytes)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
    }
}

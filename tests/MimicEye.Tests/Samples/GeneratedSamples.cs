using System.Globalization;

using MimicEye.Csv;
using MimicEye.Samples;
using MimicEye.Tests.Support;

namespace MimicEye.Tests.Samples;

/// <summary>One samples tree with the default options, generated once for the tests that read it back.</summary>
public sealed class GeneratedSamples : IDisposable
{
    readonly TempDir _dir = new("samples");
    readonly Dictionary<string, SampleTable> _tables = new(StringComparer.Ordinal);

    public GeneratedSamples()
    {
        Summary = SampleGenerator.Generate(new SampleOptions(_dir.Path));
    }

    internal SampleSummary Summary { get; }

    public string Root => _dir.Path;

    public string Files => Path.Combine(_dir.Path, "physionet.org", "files");

    public string MimicIv => Path.Combine(Files, "mimiciv", "2.2");
    public string Ed => Path.Combine(Files, "mimic-iv-ed", "2.2", "ed");
    public string CxrJpg => Path.Combine(Files, "mimic-cxr-jpg", "2.0.0");
    public string Reflacx => Path.Combine(Files, "reflacx-xray-localization", "1.0.0");
    public string Egd => Path.Combine(Files, "egd-cxr", "1.0.0");

    /// <summary>A table read back with the project's own reader (cached).</summary>
    public SampleTable Table(string path)
    {
        lock (_tables)
        {
            if (!_tables.TryGetValue(path, out var table))
                _tables[path] = table = SampleTable.Read(path);
            return table;
        }
    }

    public SampleTable Metadata => Table(Path.Combine(CxrJpg, "mimic-cxr-2.0.0-metadata.csv.gz"));
    public SampleTable MasterSheet => Table(Path.Combine(Egd, "master_sheet.csv"));
    public SampleTable EdStays => Table(Path.Combine(Ed, "edstays.csv.gz"));

    public IEnumerable<SampleTable> ReflacxPhases =>
        Enumerable.Range(1, 3).Select(p => Table(Path.Combine(Reflacx, "main_data", $"metadata_phase_{p}.csv")));

    /// <summary>SPEC §3: metadata dicom_ids that are in the EGD master sheet or a REFLACX phase.</summary>
    public HashSet<string> CohortDicomIds
    {
        get
        {
            var ids = MasterSheet.Values("dicom_id").Concat(ReflacxPhases.SelectMany(p => p.Values("dicom_id"))).ToHashSet(StringComparer.Ordinal);
            return Metadata.Values("dicom_id").Where(ids.Contains).ToHashSet(StringComparer.Ordinal);
        }
    }

    public IEnumerable<string[]> CohortMetadataRows
    {
        get
        {
            var cohort = CohortDicomIds;
            return Metadata.Rows.Where(r => cohort.Contains(r[Metadata.Col("dicom_id")]));
        }
    }

    /// <summary>StudyDate + StudyTime read the right way: integer part padded to six digits.</summary>
    public static DateTime StudyTime(string date, string time)
    {
        var value = decimal.Parse(time, CultureInfo.InvariantCulture);
        var whole = (int)decimal.Floor(value);
        var ms = (int)decimal.Round((value - whole) * 1000);
        return DateTime.ParseExact(date, "yyyyMMdd", CultureInfo.InvariantCulture)
            .AddHours(whole / 10000).AddMinutes(whole / 100 % 100).AddSeconds(whole % 100).AddMilliseconds(ms);
    }

    public static DateTime Timestamp(string text) =>
        DateTime.ParseExact(text, ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.fff"], CultureInfo.InvariantCulture, DateTimeStyles.None);

    /// <summary>ED stays by subject_id: (stay_id, intime, outtime).</summary>
    public Dictionary<string, List<(string StayId, DateTime In, DateTime Out)>> StaysBySubject()
    {
        var t = EdStays;
        return t.Rows.GroupBy(r => r[t.Col("subject_id")])
            .ToDictionary(g => g.Key, g => g.Select(r => (r[t.Col("stay_id")], Timestamp(r[t.Col("intime")]), Timestamp(r[t.Col("outtime")]))).ToList());
    }

    public void Dispose() => _dir.Dispose();
}

[CollectionDefinition(Name)]
public sealed class GeneratedSamplesCollection : ICollectionFixture<GeneratedSamples>
{
    public const string Name = "Generated samples";
}

/// <summary>A whole table in memory (test data is small).</summary>
public sealed class SampleTable
{
    SampleTable(string path, IReadOnlyList<string> header, List<string[]> rows)
    {
        FilePath = path;
        Header = header;
        Rows = rows;
    }

    public string FilePath { get; }
    public IReadOnlyList<string> Header { get; }
    public List<string[]> Rows { get; }

    public int Col(string name)
    {
        var i = Header.ToList().IndexOf(name);
        Assert.True(i >= 0, $"{FilePath} has no column {name}");
        return i;
    }

    public IEnumerable<string> Values(string column)
    {
        var i = Col(column);
        return Rows.Select(r => r[i]);
    }

    public static SampleTable Read(string path)
    {
        using var reader = CsvFiles.Read(path);
        var rows = new List<string[]>();
        while (reader.Read())
            rows.Add(reader.GetAll());
        return new SampleTable(path, reader.Headers, rows);
    }
}

using System.IO.Compression;
using System.Text.RegularExpressions;

using MimicEye.Csv;
using MimicEye.Dataset;

using SkiaSharp;

using MimicEye.Tests.Support;

namespace MimicEye.Tests.Samples;

/// <summary>The tree has the layout, names, headers and dialects of the real downloads (sources.md).</summary>
[Collection(GeneratedSamplesCollection.Name)]
public class SampleLayoutTests(GeneratedSamples samples)
{
    [Fact]
    public void Source_discovery_finds_every_project_with_its_version()
    {
        var layout = SourceLayout.Discover(SourceOptions.FromSource(samples.Root));
        Assert.Equal("2.2", layout.Require(ProjectKind.MimicIv).Version);
        Assert.Equal("2.2", layout.Require(ProjectKind.MimicIvEd).Version);
        Assert.Equal("2.0.0", layout.Require(ProjectKind.CxrJpg).Version);
        Assert.Equal("2.0.0", layout.Require(ProjectKind.CxrReports).Version);
        Assert.Equal("1.0.0", layout.Require(ProjectKind.Reflacx).Version);
        Assert.Equal("1.0.0", layout.Require(ProjectKind.EyeGaze).Version);
    }

    [Fact]
    public void Every_catalogued_table_exists_with_its_required_columns()
    {
        var layout = SourceLayout.Discover(SourceOptions.FromSource(samples.Root));
        foreach (var table in SourceTables.All)
        {
            var path = layout.RequireTable(table);
            using var reader = CsvFiles.Read(path);
            foreach (var column in table.RequiredColumns)
                Assert.True(reader.TryColumn(column) is not null, $"{table}: no column {column}");
        }
    }

    [Fact]
    public void Mimic_iv_and_ed_headers_are_the_2_2_columns_in_file_order()
    {
        foreach (var (name, header) in SourceHeaders.MimicIv22.Concat(SourceHeaders.Ed))
        {
            var path = name.StartsWith("ed/", StringComparison.Ordinal)
                ? Path.Combine(samples.Ed, name[3..] + ".csv.gz")
                : Path.Combine(samples.MimicIv, name + ".csv.gz");
            Assert.Equal(header, string.Join(',', samples.Table(path).Header));
        }
        Assert.Equal(22, Directory.GetFiles(Path.Combine(samples.MimicIv, "hosp"), "*.csv.gz").Length);
        Assert.Equal(9, Directory.GetFiles(Path.Combine(samples.MimicIv, "icu"), "*.csv.gz").Length);
        Assert.Equal(6, Directory.GetFiles(samples.Ed, "*.csv.gz").Length);
    }

    [Fact]
    public void Gzip_tables_have_LF_lines_and_a_fixed_header_without_a_timestamp()
    {
        foreach (var path in Directory.GetFiles(samples.Files, "*.csv.gz", SearchOption.AllDirectories))
        {
            var raw = File.ReadAllBytes(path);
            Assert.Equal([0x1F, 0x8B, 8, 0, 0, 0, 0, 0], raw[..8]); // magic, deflate, no flags, mtime 0
            Assert.Equal(3, raw[9]); // OS: Unix, whatever the platform
            using var gz = new GZipStream(new MemoryStream(raw), CompressionMode.Decompress);
            using var text = new MemoryStream();
            gz.CopyTo(text);
            Assert.DoesNotContain((byte)'\r', text.ToArray());
        }
    }

    [Fact]
    public void Cxr_tables_have_the_published_headers()
    {
        Assert.Equal(SourceTables.MetadataColumns, samples.Metadata.Header);
        var labels = "Atelectasis,Cardiomegaly,Consolidation,Edema,Enlarged Cardiomediastinum,Fracture,Lung Lesion,Lung Opacity,"
            + "No Finding,Pleural Effusion,Pleural Other,Pneumonia,Pneumothorax,Support Devices";
        foreach (var name in new[] { "chexpert", "negbio" })
        {
            var t = samples.Table(Path.Combine(samples.CxrJpg, $"mimic-cxr-2.0.0-{name}.csv.gz"));
            Assert.Equal("subject_id,study_id," + labels, string.Join(',', t.Header));
            Assert.All(t.Rows.SelectMany(r => r.Skip(2)), v => Assert.Contains(v, new[] { "1.0", "0.0", "-1.0", "" }));
            Assert.Equal(t.Rows.Count, t.Rows.Select(r => r[1]).Distinct().Count()); // one row per study
        }
        var split = samples.Table(Path.Combine(samples.CxrJpg, "mimic-cxr-2.0.0-split.csv.gz"));
        Assert.Equal("dicom_id,study_id,subject_id,split", string.Join(',', split.Header));
        Assert.All(split.Values("split"), v => Assert.Contains(v, new[] { "train", "validate", "test" }));
    }

    [Fact]
    public void Study_dates_and_times_are_written_like_pandas()
    {
        var m = samples.Metadata;
        Assert.All(m.Values("StudyDate"), d => Assert.Matches(@"^2[12]\d{6}$", d));
        // A float without leading zeros and with 1-3 decimals: 80556.875, 52.062, 124828.0.
        Assert.All(m.Values("StudyTime"), t => Assert.Matches(@"^(0|[1-9]\d{0,5})\.\d{1,3}$", t));
        Assert.Contains(m.Values("StudyTime"), t => t.EndsWith(".0", StringComparison.Ordinal));
    }

    [Fact]
    public void Jpeg_sizes_equal_the_metadata_rows_and_columns()
    {
        var m = samples.Metadata;
        var jpgs = Directory.GetFiles(Path.Combine(samples.CxrJpg, "files"), "*.jpg", SearchOption.AllDirectories);
        Assert.NotEmpty(jpgs);
        var rows = m.Rows.ToDictionary(r => r[m.Col("dicom_id")]);
        foreach (var jpg in jpgs)
        {
            var row = rows[Path.GetFileNameWithoutExtension(jpg)];
            using var codec = SKCodec.Create(jpg);
            Assert.NotNull(codec);
            Assert.Equal(SKEncodedImageFormat.Jpeg, codec.EncodedFormat);
            Assert.Equal(row[m.Col("Rows")], codec.Info.Height.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(row[m.Col("Columns")], codec.Info.Width.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var folder = Path.GetDirectoryName(jpg)!;
            Assert.Equal("s" + row[m.Col("study_id")], Path.GetFileName(folder));
            Assert.Equal("p" + row[m.Col("subject_id")], Path.GetFileName(Path.GetDirectoryName(folder)));
        }
    }

    [Fact]
    public void Reflacx_csvs_use_CRLF_and_transcriptions_are_one_line_without_newline()
    {
        var csvs = Directory.GetFiles(samples.Reflacx, "*.csv", SearchOption.AllDirectories);
        Assert.True(csvs.Length > 50);
        foreach (var csv in csvs)
        {
            var text = File.ReadAllText(csv);
            Assert.EndsWith("\r\n", text);
            Assert.Equal(text.Count(c => c == '\n'), Regex.Count(text, "\r\n"));
        }
        var transcriptions = Directory.GetFiles(samples.Reflacx, "transcription.txt", SearchOption.AllDirectories);
        Assert.NotEmpty(transcriptions);
        Assert.All(transcriptions, t => Assert.DoesNotContain(File.ReadAllText(t), c => c is '\n' or '\r'));
    }

    [Fact]
    public void Reflacx_label_columns_are_set_A_in_phase_1_and_set_B_in_phases_2_and_3()
    {
        var setA = "Airway wall thickening,Atelectasis,Consolidation,Emphysema,Enlarged cardiac silhouette,Fibrosis,Fracture,"
            + "Groundglass opacity,Mass,Nodule,Other,Pleural effusion,Pleural thickening,Pneumothorax,Pulmonary edema,Quality issue,"
            + "Support devices,Wide mediastinum";
        var setB = "Abnormal mediastinal contour,Acute fracture,Atelectasis,Consolidation,Enlarged cardiac silhouette,Enlarged hilum,"
            + "Groundglass opacity,Hiatal hernia,High lung volume / emphysema,Interstitial lung disease,Lung nodule or mass,Other,"
            + "Pleural abnormality,Pneumothorax,Pulmonary edema,Support devices";
        const string lead = "id,split,eye_tracking_data_discarded,image,dicom_id,subject_id,image_size_x,image_size_y,";
        var phases = samples.ReflacxPhases.ToList();
        Assert.Equal(lead + setA, string.Join(',', phases[0].Header));
        Assert.Equal(lead + setB, string.Join(',', phases[1].Header));
        Assert.Equal(lead + setB, string.Join(',', phases[2].Header));
        foreach (var phase in phases)
        {
            foreach (var label in phase.Header.Skip(8))
            {
                var values = phase.Values(label).ToList();
                if (label is "Support devices" or "Quality issue")
                    Assert.All(values, v => Assert.Contains(v, new[] { "True", "False" }));
                else if (label == "Other")
                    Assert.All(values, v => Assert.Matches(@"^([a-z ]+(\|[a-z ]+)*)?$", v));
                else
                    Assert.All(values, v => Assert.InRange(int.Parse(v, System.Globalization.CultureInfo.InvariantCulture), 0, 5));
            }
            Assert.All(phase.Values("eye_tracking_data_discarded"), v => Assert.Contains(v, new[] { "True", "False" }));
            Assert.All(phase.Values("image"), v => Assert.Matches(@"^physionet\.org/files/mimic-cxr/2\.0\.0/files/p1\d/p1\d{7}/s5\d{7}/[0-9a-f-]{44}\.dcm$", v));
        }
        Assert.Contains(phases[0].Values("Other"), v => v.Length > 0);
    }

    [Fact]
    public void Ellipse_files_have_a_boolean_column_per_label_of_their_phase()
    {
        foreach (var phase in samples.ReflacxPhases)
        {
            foreach (var id in phase.Values("id"))
            {
                var e = samples.Table(Path.Combine(samples.Reflacx, "main_data", id, "anomaly_location_ellipses.csv"));
                Assert.Equal(["xmin", "ymin", "xmax", "ymax", "certainty", .. phase.Header.Skip(8)], e.Header);
                Assert.All(e.Rows.SelectMany(r => r.Skip(5)), v => Assert.Contains(v, new[] { "True", "False" }));
                Assert.All(e.Values("certainty"), v => Assert.InRange(int.Parse(v, System.Globalization.CultureInfo.InvariantCulture), 1, 5));
                var box = samples.Table(Path.Combine(samples.Reflacx, "main_data", id, "chest_bounding_box.csv"));
                Assert.Equal(["xmin", "ymin", "xmax", "ymax"], box.Header);
                Assert.Single(box.Rows);
            }
        }
    }

    [Fact]
    public void Egd_tables_have_their_published_columns()
    {
        var master = samples.MasterSheet;
        Assert.Equal(59, master.Header.Count);
        Assert.Equal(["dicom_id", "path", "study_id", "patient_id", "stay_id", "gender", "anchor_age"], master.Header.Take(7));
        Assert.Equal("cxr_exam_indication", master.Header[^1]);
        Assert.All(master.Values("anchor_age"), v => Assert.Matches(@"^\d0 - \d{2,3}$", v));
        Assert.All(master.Values("path"), v => Assert.Matches(@"^files/p1\d/p1\d{7}/s5\d{7}/[0-9a-f-]{44}\.dcm$", v));
        Assert.Contains(master.Values("cxr_exam_indication"), v => v.Contains('\n'));
        var gazeColumns = "SESSION_ID,MEDIA_ID,DICOM_ID,CNT,Time (in secs),TIMETICK(f=10000000),FPOGX,FPOGY,FPOGS,FPOGD,FPOGID,FPOGV,"
            + "BPOGX,BPOGY,BPOGV,LPCX,LPCY,LPD,LPS,LPV,RPCX,RPCY,RPD,RPS,RPV,BKID,BKDUR,BKPMIN,LPMM,LPMMV,RPMM,RPMMV,SACCADE_MAG,"
            + "SACCADE_DIR,VID_FRAME,X_ORIGINAL,Y_ORIGINAL";
        Assert.Equal(gazeColumns, string.Join(',', samples.Table(Path.Combine(samples.Egd, "eye_gaze.csv")).Header));
        Assert.Equal(gazeColumns, string.Join(',', samples.Table(Path.Combine(samples.Egd, "fixations.csv")).Header));
        Assert.Equal("dicom_id,bbox_name,x1,x2,y1,y2", string.Join(',', samples.Table(Path.Combine(samples.Egd, "bounding_boxes.csv")).Header));
        var m = samples.Metadata;
        var sizes = m.Rows.ToDictionary(r => r[0], r => (Width: int.Parse(r[m.Col("Columns")]), Height: int.Parse(r[m.Col("Rows")])));
        foreach (var dicom in master.Values("dicom_id"))
        {
            var folder = Path.Combine(samples.Egd, "audio_segmentation_transcripts", dicom);
            foreach (var file in new[] { "transcript.json", "left_lung.png", "right_lung.png", "mediastanum.png", "aortic_knob.png", "audio.wav" })
                Assert.True(File.Exists(Path.Combine(folder, file)), $"{dicom}/{file}");
            foreach (var mask in Directory.GetFiles(folder, "*.png"))
            {
                // The masks are the size of the image and decode as binary grayscale.
                using var bitmap = SKBitmap.Decode(mask);
                Assert.NotNull(bitmap);
                Assert.Equal(sizes[dicom], (bitmap.Width, bitmap.Height));
                var pixels = Enumerable.Range(0, bitmap.Height).SelectMany(y => Enumerable.Range(0, bitmap.Width).Select(x => bitmap.GetPixel(x, y).Red)).ToList();
                Assert.Contains((byte)255, pixels);
                Assert.Contains((byte)0, pixels);
            }
            using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "transcript.json")));
            Assert.NotEmpty(json.RootElement.GetProperty("full_text").GetString()!);
            Assert.NotEmpty(json.RootElement.GetProperty("time_stamped_text").EnumerateArray());
        }
    }

    [Fact]
    public void Reports_are_ascii_final_reports_with_sections_and_masked_phi()
    {
        var reports = Directory.GetFiles(Path.Combine(samples.Files, "mimic-cxr", "2.0.0", "files"), "s*.txt", SearchOption.AllDirectories);
        Assert.NotEmpty(reports);
        foreach (var report in reports)
        {
            var text = File.ReadAllText(report);
            Assert.All(text, c => Assert.True(c < 128));
            Assert.Contains("FINAL REPORT", text);
            Assert.Contains(" IMPRESSION:", text);
            Assert.All(text.Split('\n'), line => Assert.True(line.Length <= 79, line));
        }
        Assert.Contains(reports, r => File.ReadAllText(r).Contains("___", StringComparison.Ordinal));
    }

    [Fact]
    public void Project_folders_carry_sha256sums_that_match_their_files()
    {
        foreach (var sums in Directory.GetFiles(samples.Files, "SHA256SUMS.txt", SearchOption.AllDirectories))
        {
            var folder = Path.GetDirectoryName(sums)!;
            var lines = File.ReadAllLines(sums);
            Assert.NotEmpty(lines);
            foreach (var line in lines)
            {
                var hash = line[..64];
                var file = Path.Combine(folder, line[66..]);
                Assert.Equal(hash, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(file))));
            }
            var listed = lines.Select(l => l[66..]).ToHashSet();
            var present = Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/'))
                .Where(f => f != "SHA256SUMS.txt" && !f.EndsWith("index.html", StringComparison.Ordinal));
            Assert.True(listed.SetEquals(present), sums);
        }
    }
}

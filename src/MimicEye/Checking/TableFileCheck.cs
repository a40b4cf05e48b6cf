using CsvHelper;

using MimicEye.Csv;
using MimicEye.Dataset;
using MimicEye.Pipeline;

namespace MimicEye.Checking;

/// <summary>Checks one table file: its header has the required columns (matched ignoring case), and a
/// <c>.gz</c> inflates to its end with a matching gzip trailer. Only the header is parsed as CSV; the rest
/// is streamed as bytes, so a 3 GB chartevents costs one inflate pass and no parsing.</summary>
static class TableFileCheck
{
    const int BufferSize = 1 << 20;

    public static List<Issue> Run(SourceTable table, string path, CancellationToken cancel)
    {
        var issues = new List<Issue>();
        try
        {
            CheckHeader(table, path, issues);
            if (path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
                ReadToEnd(path, cancel);
        }
        catch (CsvInputException e)
        {
            issues.Add(FromCsv(e));
        }
        catch (CsvFormatException e)
        {
            // CsvTableReader translates malformed records, but a header longer than MaxRecordSize (a
            // binary file named .csv) surfaces as CsvHelper's own exception. Values are never in it.
            issues.Add(new Issue(IssueCode.MalformedCsv, path, null, e.Message));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            issues.Add(new Issue(IssueCode.MissingSourceFile, path, null, $"cannot be read ({e.GetType().Name}: {e.Message})"));
        }
        return issues;
    }

    static void CheckHeader(SourceTable table, string path, List<Issue> issues)
    {
        using var reader = CsvFiles.ReadHeader(path);
        issues.AddRange(reader.HeaderProblems(table.RequiredColumns).Select(problem => new Issue(IssueCode.MissingColumn, path, null, problem)));
    }

    /// <summary>Inflates the whole file; <see cref="CheckedGzipStream"/> throws on corrupt data and on a
    /// trailer that does not match (truncation).</summary>
    static void ReadToEnd(string path, CancellationToken cancel)
    {
        using var input = CsvFiles.OpenInput(path);
        var buffer = new byte[BufferSize];
        while (input.Read(buffer) > 0)
            cancel.ThrowIfCancellationRequested();
    }

    static Issue FromCsv(CsvInputException e)
    {
        var code = e.Problem switch
        {
            CsvProblem.CorruptGzip => IssueCode.CorruptGzip,
            CsvProblem.InvalidUtf8 => IssueCode.InvalidUtf8,
            CsvProblem.MissingColumn => IssueCode.MissingColumn,
            _ => IssueCode.MalformedCsv,
        };
        var where = e.Line > 0 ? $"{e.FilePath}, line {e.Line}" : e.FilePath;
        var detail = e.Message.StartsWith(where + ": ", StringComparison.Ordinal) ? e.Message[(where.Length + 2)..] : e.Message;
        return new Issue(code, where, null, detail);
    }
}

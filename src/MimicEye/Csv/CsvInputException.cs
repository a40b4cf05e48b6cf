namespace MimicEye.Csv;

enum CsvProblem
{
    CorruptGzip,
    Malformed,
    InvalidUtf8,
    MissingColumn,
}

/// <summary>A source table that cannot be read. The message names the file and the line, never a value.</summary>
sealed class CsvInputException(string path, long line, string reason, CsvProblem problem)
    : Exception(line > 0 ? $"{path}, line {line}: {reason}" : $"{path}: {reason}")
{
    public string FilePath { get; } = path;
    public long Line { get; } = line;
    public CsvProblem Problem { get; } = problem;
}

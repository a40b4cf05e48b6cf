using MimicEye.Csv;

namespace MimicEye.Pipeline.StayMatching;

/// <summary>Reads the edstays rows of cohort patients, reporting rows whose times cannot be used.</summary>
static class EdStayReader
{
    public static Dictionary<string, List<EdStay>> Read(string path, IReadOnlySet<string> subjects, IssueLog issues)
    {
        using var reader = CsvFiles.Read(path);
        int subject = reader.Column("subject_id"), stay = reader.Column("stay_id");
        int intime = reader.Column("intime"), outtime = reader.Column("outtime");
        var stays = new Dictionary<string, List<EdStay>>(StringComparer.Ordinal);
        while (reader.Read())
        {
            var sid = reader.GetString(subject);
            if (!subjects.Contains(sid))
                continue;
            var row = new EdStay(sid, reader.GetString(stay), reader.GetString(intime), reader.GetString(outtime),
                StudyTime.ParseStayTime(reader.GetString(intime)), StudyTime.ParseStayTime(reader.GetString(outtime)));
            var where = $"{path}, line {reader.Line}";
            if (row.In is null || row.Out is null)
                issues.Add(IssueCode.BadStayTime, where, $"stay {row.StayId}", "intime or outtime is not YYYY-MM-DD HH:MM:SS; the stay is not matched by the default rules");
            else if (row.Out < row.In)
                issues.Add(IssueCode.StayEndsBeforeStart, where, $"stay {row.StayId}", "outtime precedes intime; the stay is not matched by the default rules");
            if (!stays.TryGetValue(sid, out var list))
                stays[sid] = list = [];
            list.Add(row);
        }
        return stays;
    }
}

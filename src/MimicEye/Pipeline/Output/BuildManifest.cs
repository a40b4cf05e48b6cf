using System.Text.Json;
using System.Text.Json.Nodes;

using MimicEye.Dataset;

namespace MimicEye.Pipeline.Output;

/// <summary><c>build.json</c>: the mimiceye version, the options, the source versions found, and per phase
/// its options, counts, problems by code and timing. A single-phase run updates its own entry and keeps
/// the others, so the file always describes the tree as it is. It holds timings, so it is the one file
/// not listed in SHA256SUMS.txt (everything else is byte-identical between identical builds).</summary>
sealed class BuildManifest
{
    static readonly JsonSerializerOptions s_json = new() { WriteIndented = true };
    readonly JsonObject _root;

    BuildManifest(JsonObject root) => _root = root;

    public static string Version => typeof(BuildManifest).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    public static BuildManifest Load(OutputLayout output)
    {
        var path = Path.Combine(output.Root, OutputLayout.BuildFile);
        if (File.Exists(path) && JsonNode.Parse(File.ReadAllText(path)) is JsonObject existing)
            return new BuildManifest(existing);
        return new BuildManifest([]);
    }

    public JsonObject Phases => _root["phases"] as JsonObject ?? (JsonObject)(_root["phases"] = new JsonObject());

    public void SetHeader(BuildOptions options, SourceLayout sources)
    {
        _root["tool"] = "mimiceye";
        _root["version"] = Version;
        _root["rules"] = options.Compat ? "mimic-eye-1.0" : "default";
        var found = new JsonObject();
        foreach (var (kind, project) in sources.Projects.OrderBy(p => p.Key))
            found[ProjectKinds.OptionName(kind)] = new JsonObject { ["version"] = project.Version, ["root"] = project.Root };
        _root["sources"] = found;
    }

    public void SetPhase(string phase, JsonObject entry) => Phases[phase] = entry;

    public JsonObject? Phase(string phase) => Phases[phase] as JsonObject;

    public void Save(OutputLayout output) =>
        AtomicFile.WriteText(Path.Combine(output.Root, OutputLayout.BuildFile), _root.ToJsonString(s_json) + "\n");
}

using System.Collections.Concurrent;

using MimicEye.Csv;
using MimicEye.Dataset;
using MimicEye.Pipeline;

using Serilog;

namespace MimicEye.Preview;

/// <summary>What <see cref="PreviewWriter.WriteAll"/> did: previews written, cohort images without a JPEG
/// in the tree (skipped), and the dicom_ids whose preview failed (each logged with its reason).</summary>
sealed record PreviewSummary(int Written, int WithoutImage, IReadOnlyList<string> Failed);

/// <summary>Loads, renders and writes previews; every PNG is written under a temporary name and renamed,
/// so an interrupted run never leaves half a PNG under its final name.</summary>
static class PreviewWriter
{
    /// <returns>The path written.</returns>
    public static string WriteOne(PreviewTree tree, string dicomId, string? to, int maxSize, ILogger log)
    {
        var image = tree.Find(dicomId);
        var path = Path.GetFullPath(to ?? image.DicomId + ".png");
        var jpeg = tree.JpegPath(image);
        if (!File.Exists(jpeg))
            throw new MimicEyeException($"{tree.Layout.Relative(jpeg)} is missing in {tree.Layout.Root} (was the tree built with --images none?)");
        Write(tree, image, path, maxSize, log);
        return path;
    }

    /// <summary>One <c>&lt;dicom_id&gt;.png</c> per cohort image whose JPEG is in the tree, in parallel.</summary>
    public static PreviewSummary WriteAll(PreviewTree tree, string toDirectory, int maxSize, ILogger log, CancellationToken cancel)
    {
        var cohort = tree.ReadCohort();
        var present = cohort.Where(i => File.Exists(tree.JpegPath(i))).ToList();
        if (present.Count == 0)
            throw new MimicEyeException($"none of the {cohort.Count} images of {tree.Layout.Relative(tree.Layout.CxrMeta)} has its JPEG in {tree.Layout.Root} (was the tree built with --images none?)");
        Directory.CreateDirectory(toDirectory);
        var failed = new ConcurrentBag<string>();
        var written = 0;
        var options = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancel };
        Parallel.ForEach(present, options, image =>
        {
            try
            {
                // The id comes from cxr_meta, already checked by Ids.IsDicomId: it cannot name a path outside the folder.
                Write(tree, image, Path.Combine(toDirectory, image.DicomId + ".png"), maxSize, log);
                Interlocked.Increment(ref written);
            }
            catch (Exception e) when (e is MimicEyeException or CsvInputException)
            {
                log.Error("{DicomId}: {Message}", image.DicomId, e.Message);
                failed.Add(image.DicomId);
            }
        });
        return new PreviewSummary(written, cohort.Count - present.Count, [.. failed.Order(StringComparer.Ordinal)]);
    }

    static void Write(PreviewTree tree, CohortImage image, string path, int maxSize, ILogger log)
    {
        var jpeg = tree.JpegPath(image);
        var set = AnnotationSet.Load(tree, image);
        var preview = PreviewRenderer.Render(jpeg, tree.Layout.Relative(jpeg), set, maxSize);
        foreach (var warning in preview.Warnings)
            log.Warning("{DicomId}: {Warning}", image.DicomId, warning);
        WriteAtomically(path, preview.Png);
        log.Debug("{DicomId}: {Readings} REFLACX readings, {Fixations} EGD fixations, {Boxes} EGD boxes -> {Path}",
            image.DicomId, set.Readings.Count, set.EgdFixations.Count, set.EgdBoxes.Count, path);
    }

    static void WriteAtomically(string path, byte[] bytes)
    {
        if (Path.GetDirectoryName(path) is { Length: > 0 } folder)
            Directory.CreateDirectory(folder);
        var temp = path + OutputLayout.TempSuffix;
        try
        {
            using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            throw new MimicEyeException($"cannot write {path}: {e.Message}");
        }
    }

    static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The write already failed; that error is the one to report.
        }
    }
}

namespace NormsGraph.Cli.Bench;

/// <summary>
/// Builds a benchmark corpus of N reports from seed report files: each copy shuffles the seed's
/// paragraphs (deterministically) so no two reports are identical and caches cannot short-cut the work.
/// </summary>
internal static class BenchCorpus
{
    public static List<(string Name, string Text)> Build(IReadOnlyList<string> seedFiles, int count)
    {
        if (seedFiles.Count == 0)
        {
            throw new CliFailure("bench: no seed reports (.txt, .md or .html) were found; give them with --seeds.");
        }
        var seeds = seedFiles.Select(f => (Name: Path.GetFileName(f), Text: ReportFiles.ReadReportText(f))).ToList();
        var random = new Random(20_201_212);
        var corpus = new List<(string, string)>(count);
        for (var i = 0; i < count; i++)
        {
            var (name, text) = seeds[i % seeds.Count];
            var paragraphs = text.ReplaceLineEndings("\n").Split("\n\n");
            // Keep the header (first three blocks) in place so the layout still reads; shuffle the body.
            var header = paragraphs.Take(3);
            var body = paragraphs.Skip(3).OrderBy(_ => random.Next()).ToList();
            corpus.Add(($"{i:D5}-{name}", string.Join("\n\n", header.Concat(body))));
        }
        return corpus;
    }
}

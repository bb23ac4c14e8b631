namespace NormsGraph.Ingestion;

/// <summary>What the inbox worker is doing, for the readiness check. Thread-safe.</summary>
public sealed class IngestionState
{
    private readonly Lock _gate = new();
    private string? _lastError;
    private DateTimeOffset? _lastErrorAt;

    public bool Running { get; private set; }
    public DateTimeOffset? LastPassAt { get; private set; }

    public (string? Message, DateTimeOffset? At) LastError
    {
        get
        {
            lock (_gate)
            {
                return (_lastError, _lastErrorAt);
            }
        }
    }

    public void Started() => Running = true;

    public void Stopped() => Running = false;

    public void PassCompleted(DateTimeOffset at) => LastPassAt = at;

    public void Failed(string message, DateTimeOffset at)
    {
        lock (_gate)
        {
            (_lastError, _lastErrorAt) = (message, at);
        }
    }
}

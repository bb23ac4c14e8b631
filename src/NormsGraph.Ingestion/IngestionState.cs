namespace NormsGraph.Ingestion;

/// <summary>What the inbox worker is doing, for the readiness check. Thread-safe.</summary>
public sealed class IngestionState
{
    private readonly Lock _gate = new();
    private bool _running;
    private string? _workerId;
    private DateTimeOffset? _lastPassAt;
    private string? _lastError;
    private DateTimeOffset? _lastErrorAt;

    public bool Running
    {
        get
        {
            lock (_gate)
            {
                return _running;
            }
        }
    }

    public string? WorkerId
    {
        get
        {
            lock (_gate)
            {
                return _workerId;
            }
        }
    }

    public DateTimeOffset? LastPassAt
    {
        get
        {
            lock (_gate)
            {
                return _lastPassAt;
            }
        }
    }

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

    public void Started(string workerId)
    {
        lock (_gate)
        {
            (_running, _workerId) = (true, workerId);
        }
    }

    public void Stopped()
    {
        lock (_gate)
        {
            _running = false;
        }
    }

    public void PassCompleted(DateTimeOffset at)
    {
        lock (_gate)
        {
            _lastPassAt = at;
        }
    }

    public void Failed(string message, DateTimeOffset at)
    {
        lock (_gate)
        {
            (_lastError, _lastErrorAt) = (message, at);
        }
    }
}

namespace NormsGraph.Core.Storage;

/// <summary>
/// The store could not be reached or refused for a reason that may pass (busy, restarting, network);
/// callers retry these and nothing else.
/// </summary>
public sealed class StoreUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

namespace TencentOrg.Emulator;

public sealed class RecordedRequest
{
    public DateTimeOffset Time { get; init; }
    public string Action { get; init; } = "";
    public string Body { get; init; } = "";
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();
    /// <summary>HTTP status sent; 0 when the connection was aborted or no answer was given.</summary>
    public int StatusCode { get; init; }
    public string? ErrorCode { get; init; }
    public string? RequestId { get; init; }
    /// <summary>True when the action handler ran to success (state changed or read performed).</summary>
    public bool Handled { get; init; }
    /// <summary>Kind and phase of the injected fault, e.g. "Http503/BeforeHandling"; null when none.</summary>
    public string? Fault { get; init; }
}

/// <summary>Every request the emulator received, including rejected and faulted ones.</summary>
public sealed class RequestLog
{
    private readonly List<RecordedRequest> _items = new();

    public int Count
    {
        get { lock (_items) return _items.Count; }
    }

    public void Add(RecordedRequest request)
    {
        lock (_items) _items.Add(request);
    }

    public IReadOnlyList<RecordedRequest> ForAction(string action)
    {
        lock (_items) return _items.Where(r => string.Equals(r.Action, action, StringComparison.Ordinal)).ToList();
    }

    public IReadOnlyList<RecordedRequest> Snapshot()
    {
        lock (_items) return _items.ToList();
    }

    public void Clear()
    {
        lock (_items) _items.Clear();
    }
}

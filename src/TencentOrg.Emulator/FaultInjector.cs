namespace TencentOrg.Emulator;

public enum FaultKind
{
    Http500,
    Http502,
    Http503,
    /// <summary>Abort the TCP connection without an answer.</summary>
    ConnectionReset,
    /// <summary>Never answer until the client gives up or the server is disposed.</summary>
    Hang,
    /// <summary>Wait <see cref="FaultRule.Delay"/> (default 2 s), then answer normally.</summary>
    Slow,
    /// <summary>HTTP 200 with a truncated JSON body.</summary>
    MalformedJson,
    /// <summary>Envelope error InternalError.</summary>
    InternalError,
    /// <summary>Envelope error RequestLimitExceeded.</summary>
    RequestLimitExceeded,
    /// <summary>Envelope error with the code in <see cref="FaultRule.Value"/> (a business refusal the client cannot foresee).</summary>
    BusinessError,

    // Listing faults (phase Listing): the request is handled, and its listing comes back altered the way a broken
    // server or a capping gateway alters it. Total/TotalCounts keep the true count unless said otherwise.

    /// <summary>The page holds at most <see cref="FaultRule.Rows"/> rows (default 10); a token page also says it is the last one.</summary>
    ShortPage,
    /// <summary>Pages never end and never repeat: IsTruncated stays true with a new NextToken, and <see cref="FaultRule.Field"/> of every row gets a per-page suffix.</summary>
    EndlessPages,
    /// <summary><see cref="FaultRule.Field"/> is left out of every row.</summary>
    DropField,
    /// <summary><see cref="FaultRule.Field"/> of every row comes back in lower case (or <see cref="FaultRule.Value"/> when set).</summary>
    FieldCase,
    /// <summary>Every row comes twice; Total/TotalCounts count the copies.</summary>
    DuplicateRows,
    /// <summary>The filter parameter <see cref="FaultRule.Field"/> is ignored: the listing answers as if it was not sent.</summary>
    IgnoreFilter,
}

public enum FaultPhase
{
    /// <summary>The fault replaces the request before verification or handling: nothing changes.</summary>
    BeforeHandling,
    /// <summary>The request is handled (state changes), then the fault replaces the answer.</summary>
    AfterHandling,
    /// <summary>For the listing faults: the request is handled and its listing altered (see <see cref="FaultKind.ShortPage"/> and after).</summary>
    Listing,
}

public sealed class FaultRule
{
    /// <summary>Action to match; null matches every action.</summary>
    public string? Action { get; set; }
    public FaultKind Kind { get; set; }
    public FaultPhase Phase { get; set; } = FaultPhase.BeforeHandling;
    /// <summary>Apply to the next N matching requests only; null = unlimited.</summary>
    public int? Count { get; set; }
    /// <summary>Chance (0..1) of applying to a matching request.</summary>
    public double? Probability { get; set; }
    /// <summary>Apply to every Nth matching request (N, 2N, ...).</summary>
    public int? EveryNth { get; set; }
    /// <summary>Wait this long before the fault takes effect (the Slow delay; 2 s when null).</summary>
    public TimeSpan? Delay { get; set; }
    /// <summary>Listing faults: the row field (or filter parameter) the fault alters.</summary>
    public string? Field { get; set; }
    /// <summary>FieldCase: the value to put in <see cref="Field"/> instead of its lower case.</summary>
    public string? Value { get; set; }
    /// <summary>ShortPage: rows per page (10 when null).</summary>
    public int? Rows { get; set; }

    internal int Seen;
    internal int Applied;
}

/// <summary>Fault rules evaluated per request; the first rule that fires wins.</summary>
public sealed class FaultInjector
{
    private readonly List<FaultRule> _rules = new();
    private readonly Random _random;
    private int _injected;

    public FaultInjector(int seed = 20210331) => _random = new Random(seed);

    public int InjectedCount => Volatile.Read(ref _injected);

    public void Add(FaultRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        lock (_rules) _rules.Add(rule);
    }

    public void Clear()
    {
        lock (_rules) _rules.Clear();
    }

    public IReadOnlyList<FaultRule> Rules
    {
        get { lock (_rules) return _rules.ToList(); }
    }

    internal FaultRule? Match(string action, FaultPhase phase)
    {
        lock (_rules)
        {
            foreach (var rule in _rules)
            {
                if (rule.Phase != phase) continue;
                if (rule.Action is not null && !string.Equals(rule.Action, action, StringComparison.Ordinal)) continue;
                if (rule.Count is int count && rule.Applied >= count) continue;
                rule.Seen++;
                if (rule.EveryNth is int nth && nth > 0 && rule.Seen % nth != 0) continue;
                if (rule.Probability is double p && _random.NextDouble() >= p) continue;
                rule.Applied++;
                _injected++;
                return rule;
            }
            return null;
        }
    }
}

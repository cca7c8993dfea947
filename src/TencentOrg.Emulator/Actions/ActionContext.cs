using System.Text.Json;

namespace TencentOrg.Emulator.Actions;

/// <summary>What a handler sees: validated parameters plus the state. Handlers run under State.SyncRoot.</summary>
public sealed class ActionContext
{
    public ActionContext(string action, JsonElement parameters, EmulatorState state, EmulatorOptions options)
    {
        Action = action;
        Params = new Params(parameters);
        State = state;
        Options = options;
    }

    public string Action { get; }
    public Params Params { get; }
    public EmulatorState State { get; }
    public EmulatorOptions Options { get; }

    /// <summary>Every CIC action names the zone; unknown zones and a disabled Identity Center fail here.</summary>
    public void RequireZone()
    {
        if (State.Zone.ServiceStatus != "Enabled")
            throw new ApiException("FailedOperation.IdentityCenterNotOpen", "Identity Center is not enabled for this organization.");
        string zoneId = Params.String("ZoneId")!;
        if (zoneId != State.Zone.ZoneId)
            throw new ApiException("FailedOperation.ZoneIdNotExist", "The zone " + zoneId + " does not exist.");
    }
}

/// <summary>Typed access to a request object that already passed schema validation.</summary>
public sealed class Params
{
    private readonly JsonElement _element;

    public Params(JsonElement element) => _element = element;

    public bool Has(string name) => _element.TryGetProperty(name, out _);

    /// <summary>A digest of every field except the named ones, independent of field order.</summary>
    public string Fingerprint(params string[] except)
    {
        var text = new System.Text.StringBuilder();
        foreach (var field in _element.EnumerateObject().Where(f => !except.Contains(f.Name, StringComparer.Ordinal)).OrderBy(f => f.Name, StringComparer.Ordinal))
            text.Append(field.Name).Append('=').Append(field.Value.GetRawText()).Append('\n');
        byte[] hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text.ToString()));
        return Convert.ToHexString(hash, 0, 8);
    }

    public string? String(string name) => _element.TryGetProperty(name, out var v) ? v.GetString() : null;

    public bool? Bool(string name) => _element.TryGetProperty(name, out var v) ? v.GetBoolean() : null;

    public long? Int64(string name) => _element.TryGetProperty(name, out var v) ? v.GetInt64() : null;

    /// <summary>UInt64 fields above Int64.MaxValue cannot name any emulated resource, so they clamp to -1 (never found).</summary>
    public long? UInt64AsInt64(string name) =>
        _element.TryGetProperty(name, out var v) ? (v.GetUInt64() > long.MaxValue ? -1 : (long)v.GetUInt64()) : null;

    public IEnumerable<Params> Objects(string name) =>
        _element.TryGetProperty(name, out var v) ? v.EnumerateArray().Select(e => new Params(e)).ToList() : Enumerable.Empty<Params>();

    public IReadOnlyList<long> UInt64List(string name) =>
        _element.TryGetProperty(name, out var v)
            ? v.EnumerateArray().Select(e => e.GetUInt64() > long.MaxValue ? -1 : (long)e.GetUInt64()).ToList()
            : new List<long>();

    public IReadOnlyList<long> Int64List(string name) =>
        _element.TryGetProperty(name, out var v) ? v.EnumerateArray().Select(e => e.GetInt64()).ToList() : new List<long>();

    public IReadOnlyList<string> StringList(string name) =>
        _element.TryGetProperty(name, out var v) ? v.EnumerateArray().Select(e => e.GetString()!).ToList() : new List<string>();
}

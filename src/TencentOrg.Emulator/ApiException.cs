namespace TencentOrg.Emulator;

/// <summary>An API error returned inside an HTTP 200 envelope, as the real service does (spec §7.1).</summary>
public sealed class ApiException : Exception
{
    public ApiException(string code, string message) : base(message) => Code = code;

    public string Code { get; }
}

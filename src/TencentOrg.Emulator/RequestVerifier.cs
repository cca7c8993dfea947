using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using TencentOrg.Api;

namespace TencentOrg.Emulator;

/// <summary>The parts of an HTTP request the verifier looks at, as received.</summary>
public sealed class IncomingRequest
{
    public string Method { get; init; } = "POST";
    public string Path { get; init; } = "/";
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
    public byte[] Body { get; init; } = Array.Empty<byte>();

    public string? Header(string name) => Headers.TryGetValue(name, out var v) ? v : null;
}

/// <summary>
/// Checks a request the way the real gateway does: transport, TC3 signature, version/action/language,
/// then the body against the action schema. Every failure is an <see cref="ApiException"/>.
/// </summary>
public sealed partial class RequestVerifier
{
    public const string ApiVersion = "2021-03-31";
    public const string Service = "organization";

    private readonly EmulatorOptions _options;

    public RequestVerifier(EmulatorOptions options) => _options = options;

    public static void VerifyTransport(IncomingRequest request)
    {
        if (!string.Equals(request.Method, "POST", StringComparison.Ordinal) || request.Path != "/")
            throw new ApiException("UnsupportedProtocol", "The emulator accepts only POST / (got " + request.Method + " " + request.Path + ").");
        string contentType = request.Header("Content-Type") ?? "";
        string mediaType = contentType.Split(';')[0].Trim();
        if (!string.Equals(mediaType, "application/json", StringComparison.OrdinalIgnoreCase))
            throw new ApiException("UnsupportedProtocol", "Content-Type must be application/json (got '" + contentType + "').");
    }

    /// <summary>Recomputes the signature from the exact Content-Type, Host and body bytes received.</summary>
    public void VerifySignature(IncomingRequest request, DateTimeOffset serverNow)
    {
        string? authorization = request.Header("Authorization");
        if (string.IsNullOrWhiteSpace(authorization))
            throw new ApiException("AuthFailure.InvalidAuthorization", "The Authorization header is missing.");
        var auth = ParseAuthorization(authorization);

        string? timestampText = request.Header("X-TC-Timestamp");
        if (string.IsNullOrEmpty(timestampText))
            throw new ApiException("MissingParameter", "The request is missing the required header X-TC-Timestamp.");
        if (!long.TryParse(timestampText, NumberStyles.None, CultureInfo.InvariantCulture, out long timestamp))
            throw new ApiException("InvalidParameter", "X-TC-Timestamp must be Unix seconds.");

        var sent = DateTimeOffset.FromUnixTimeSeconds(timestamp);
        if ((serverNow - sent).Duration() > _options.MaxClockSkew)
            throw new ApiException("AuthFailure.SignatureExpire",
                "The request timestamp " + timestamp + " is too far from the server time " + serverNow.ToUnixTimeSeconds() + ".");

        EmulatorCredential? credential;
        lock (_options.SyncRoot)
            credential = _options.Credentials.FirstOrDefault(c => string.Equals(c.SecretId, auth.SecretId, StringComparison.Ordinal));
        if (credential is null)
            throw new ApiException("AuthFailure.SecretIdNotFound", "The SecretId is not found: " + auth.SecretId + ".");

        // A scope dated differently from the timestamp derives another key, so it can only be a signature mismatch.
        if (!string.Equals(auth.Date, Tc3Signer.UtcDate(timestamp), StringComparison.Ordinal))
            throw new ApiException("AuthFailure.SignatureFailure", "The credential scope date does not match the UTC date of X-TC-Timestamp.");

        var expected = new Tc3Signer(credential.SecretId, credential.SecretKey).Sign(new Tc3Request
        {
            Method = "POST",
            Host = request.Header("Host") ?? "",
            ContentType = request.Header("Content-Type") ?? "",
            Payload = request.Body,
            Timestamp = timestamp,
            Service = Service,
        });
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected.Signature), Encoding.ASCII.GetBytes(auth.Signature)))
            throw new ApiException("AuthFailure.SignatureFailure", "The provided credentials could not be validated. Please check your signature is correct.");

        if (credential.Token is not null && !string.Equals(credential.Token, request.Header("X-TC-Token"), StringComparison.Ordinal))
            throw new ApiException("AuthFailure.TokenFailure", "The X-TC-Token is missing or invalid.");
    }

    /// <summary>Checks X-TC-Version, X-TC-Action and X-TC-Language; returns the action's schema.</summary>
    public static ObjectSchema VerifyActionHeaders(IncomingRequest request)
    {
        string? version = request.Header("X-TC-Version");
        if (string.IsNullOrEmpty(version))
            throw new ApiException("MissingParameter", "The request is missing the required header X-TC-Version.");
        if (!string.Equals(version, ApiVersion, StringComparison.Ordinal))
            throw new ApiException("NoSuchVersion", "The API version " + version + " does not exist; use " + ApiVersion + ".");

        string? action = request.Header("X-TC-Action");
        if (string.IsNullOrEmpty(action))
            throw new ApiException("MissingParameter", "The request is missing the required header X-TC-Action.");
        if (!ActionSchemas.TryGet(action, out var schema))
            throw new ApiException("InvalidAction", "The action " + action + " is not found in version " + ApiVersion + ".");

        string? language = request.Header("X-TC-Language");
        if (language is not null && language != "zh-CN" && language != "en-US")
            throw new ApiException("InvalidParameterValue", "X-TC-Language must be zh-CN or en-US.");
        return schema;
    }

    /// <summary>Parses the body and checks it against the schema; returns the validated root object.</summary>
    public static JsonElement ParseBody(byte[] body, ObjectSchema schema)
    {
        if (body.Length == 0) return JsonDocument.Parse("{}").RootElement.Clone();
        JsonElement root;
        try
        {
            using var doc = JsonDocument.Parse(body);
            root = doc.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new ApiException("InvalidParameter", "The request body is not valid JSON: " + e.Message);
        }
        if (root.ValueKind != JsonValueKind.Object)
            throw new ApiException("InvalidParameter", "The request body must be a JSON object.");
        ValidateObject(root, schema, "");
        return root;
    }

    private static void ValidateObject(JsonElement obj, ObjectSchema schema, string prefix)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in obj.EnumerateObject())
        {
            if (!seen.Add(property.Name))
                throw new ApiException("InvalidParameter", "The parameter " + prefix + property.Name + " appears more than once.");
            if (!schema.Fields.TryGetValue(property.Name, out var field))
                throw new ApiException("UnknownParameter", "The parameter " + prefix + property.Name + " is not recognized.");
            ValidateField(property.Value, field, prefix + property.Name);
        }
        foreach (var field in schema.Fields.Values)
        {
            if (field.Required && !seen.Contains(field.Name))
                throw new ApiException("MissingParameter", "The request is missing a required parameter " + prefix + field.Name + ".");
        }
    }

    private static void ValidateField(JsonElement value, FieldSpec field, string path)
    {
        if (field.IsArray)
        {
            if (value.ValueKind != JsonValueKind.Array)
                throw new ApiException("InvalidParameter", "The parameter " + path + " must be an array.");
            int count = value.GetArrayLength();
            if (field.MaxItems is int max && count > max)
                throw new ApiException("InvalidParameterValue", "The parameter " + path + " accepts at most " + max + " items (got " + count + ").");
            if (field.Required && count == 0)
                throw new ApiException("InvalidParameterValue", "The parameter " + path + " must not be empty.");
            int i = 0;
            foreach (var item in value.EnumerateArray())
                ValidateScalar(item, field, path + "." + i++);
            return;
        }
        ValidateScalar(value, field, path);
    }

    private static void ValidateScalar(JsonElement value, FieldSpec field, string path)
    {
        switch (field.Type)
        {
            case WireType.String:
                if (value.ValueKind != JsonValueKind.String)
                    throw new ApiException("InvalidParameter", "The parameter " + path + " must be a string.");
                string text = value.GetString()!;
                if (field.Allowed is not null && !field.Allowed.Contains(text))
                    throw new ApiException("InvalidParameterValue",
                        "The value '" + text + "' of " + path + " is invalid; allowed: " + string.Join(" | ", field.Allowed) + ".");
                if (field.Name == "ZoneId" && !ZoneIdPattern().IsMatch(text))
                    throw new ApiException("InvalidParameterValue", "The ZoneId '" + text + "' is malformed: expected z- followed by 12 lowercase letters or digits.");
                break;
            case WireType.Boolean:
                if (value.ValueKind != JsonValueKind.True && value.ValueKind != JsonValueKind.False)
                    throw new ApiException("InvalidParameter", "The parameter " + path + " must be a boolean.");
                break;
            case WireType.Int64:
                if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out long signed))
                    throw new ApiException("InvalidParameter", "The parameter " + path + " must be a 64-bit integer.");
                CheckRange(signed, field, path);
                break;
            case WireType.UInt64:
                if (value.ValueKind != JsonValueKind.Number)
                    throw new ApiException("InvalidParameter", "The parameter " + path + " must be an unsigned 64-bit integer.");
                if (value.TryGetUInt64(out ulong unsigned))
                {
                    if (unsigned <= long.MaxValue) CheckRange((long)unsigned, field, path);
                    else if (field.Max is not null)
                        throw new ApiException("InvalidParameterValue", "The parameter " + path + " is out of range.");
                }
                else if (value.TryGetInt64(out _))
                    throw new ApiException("InvalidParameterValue", "The parameter " + path + " must not be negative.");
                else
                    throw new ApiException("InvalidParameter", "The parameter " + path + " must be an unsigned 64-bit integer.");
                break;
            case WireType.Object:
                if (value.ValueKind != JsonValueKind.Object)
                    throw new ApiException("InvalidParameter", "The parameter " + path + " must be an object (" + field.Object!.Name + ").");
                ValidateObject(value, field.Object!, path + ".");
                break;
        }
    }

    private static void CheckRange(long value, FieldSpec field, string path)
    {
        if (field.Min is long min && value < min)
            throw new ApiException("InvalidParameterValue", "The parameter " + path + " must be at least " + min + " (got " + value + ").");
        if (field.Max is long max && value > max)
            throw new ApiException("InvalidParameterValue", "The parameter " + path + " must be at most " + max + " (got " + value + ").");
    }

    private static ParsedAuthorization ParseAuthorization(string header)
    {
        const string Invalid = "AuthFailure.InvalidAuthorization";
        int space = header.IndexOf(' ');
        if (space < 0 || header[..space] != Tc3Signer.Algorithm)
            throw new ApiException(Invalid, "The Authorization header must use " + Tc3Signer.Algorithm + ".");
        var parts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in header[(space + 1)..].Split(','))
        {
            int eq = part.IndexOf('=');
            if (eq <= 0) throw new ApiException(Invalid, "The Authorization header is malformed.");
            parts[part[..eq].Trim()] = part[(eq + 1)..].Trim();
        }
        if (!parts.TryGetValue("Credential", out var credential) || !parts.TryGetValue("SignedHeaders", out var signedHeaders)
            || !parts.TryGetValue("Signature", out var signature) || signature.Length == 0)
            throw new ApiException(Invalid, "The Authorization header needs Credential, SignedHeaders and Signature.");
        if (signedHeaders != Tc3Signer.SignedHeaders)
            throw new ApiException(Invalid, "SignedHeaders must be " + Tc3Signer.SignedHeaders + ".");
        var scope = credential.Split('/');
        if (scope.Length != 4 || scope[0].Length == 0 || scope[3] != "tc3_request")
            throw new ApiException(Invalid, "The Credential must be SecretId/yyyy-MM-dd/organization/tc3_request.");
        if (scope[2] != Service)
            throw new ApiException(Invalid, "The credential scope service must be " + Service + " (got " + scope[2] + ").");
        return new ParsedAuthorization(scope[0], scope[1], signature);
    }

    private sealed record ParsedAuthorization(string SecretId, string Date, string Signature);

    [GeneratedRegex("^z-[a-z0-9]{12}$")]
    private static partial Regex ZoneIdPattern();
}

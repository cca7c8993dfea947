using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace TencentOrg.Emulator.Actions;

/// <summary>The two paging styles of spec §5.</summary>
public static class Paging
{
    /// <summary>Offset/Limit: both required (schema), Limit 1-50 (schema), Offset a multiple of Limit.</summary>
    public static List<T> OffsetPage<T>(Params p, IReadOnlyList<T> rows, out long total)
    {
        long offset = p.UInt64AsInt64("Offset") ?? p.Int64("Offset") ?? 0;
        long limit = p.UInt64AsInt64("Limit") ?? p.Int64("Limit") ?? 10;
        if (offset < 0 || offset % limit != 0)
            throw new ApiException("InvalidParameterValue", "Offset must be a multiple of Limit (Offset=" + offset + ", Limit=" + limit + ").");
        total = rows.Count;
        return rows.Skip((int)Math.Min(offset, int.MaxValue)).Take((int)limit).ToList();
    }

    /// <summary>
    /// NextToken/MaxResults. The token encodes the action, the next row offset and a digest of the other
    /// parameters, so a token from another action, a tampered token, or a token sent with changed parameters
    /// gives InvalidParameter.NextTokenInvalid. Spec §5 says to repeat the call with every other parameter
    /// unchanged; what the real service does otherwise is undocumented, so the emulator refuses, which catches
    /// clients that break the rule. ListUsers/ListGroups also accept Offset; a token wins over it (and Offset
    /// is left out of the digest).
    /// </summary>
    public static JsonArray TokenPage<T>(ActionContext ctx, IReadOnlyList<T> rows, Func<T, JsonNode> project, JsonObject response)
    {
        var p = ctx.Params;
        int maxResults = (int)(p.Int64("MaxResults") ?? 10);
        string fingerprint = p.Fingerprint("NextToken", "Offset");
        long start = 0;
        string? token = p.String("NextToken");
        if (!string.IsNullOrEmpty(token)) start = DecodeToken(ctx.Action, fingerprint, token);
        else if (p.Int64("Offset") is long offset) start = offset;

        var page = rows.Skip((int)Math.Min(start, int.MaxValue)).Take(maxResults).ToList();
        long next = start + page.Count;
        bool truncated = next < rows.Count;
        var items = new JsonArray(page.Select(project).ToArray());
        response["TotalCounts"] = rows.Count;
        response["MaxResults"] = maxResults;
        string zeros = "";
        if (ctx.Fault is { Kind: FaultKind.EndlessPages } endless)
        {
            // Never the last page: wrap around, with a token never given before (leading zeros decode to the same offset).
            if (!truncated) next = 0;
            truncated = true;
            zeros = new string('0', endless.Applied);
        }
        response["IsTruncated"] = truncated;
        response["NextToken"] = truncated ? EncodeToken(ctx.Action, fingerprint, zeros + next.ToString(CultureInfo.InvariantCulture)) : "";
        return items;
    }

    private static string EncodeToken(string action, string fingerprint, string offset) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes("emu2|" + action + "|" + fingerprint + "|" + offset));

    private static long DecodeToken(string action, string fingerprint, string token)
    {
        string[] parts;
        try
        {
            parts = Encoding.UTF8.GetString(Convert.FromBase64String(token)).Split('|');
        }
        catch (FormatException)
        {
            throw new ApiException("InvalidParameter.NextTokenInvalid", "The NextToken is invalid.");
        }
        if (parts.Length != 4 || parts[0] != "emu2" || parts[1] != action
            || !long.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out long offset))
            throw new ApiException("InvalidParameter.NextTokenInvalid", "The NextToken is invalid.");
        if (parts[2] != fingerprint)
            throw new ApiException("InvalidParameter.NextTokenInvalid",
                "The NextToken belongs to a request with other parameters: repeat the call with every parameter but NextToken unchanged.");
        return offset;
    }
}

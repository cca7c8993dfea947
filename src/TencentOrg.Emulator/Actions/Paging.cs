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
    /// NextToken/MaxResults. The token encodes the action and the next row offset, so a token from
    /// another action or a tampered token gives InvalidParameter.NextTokenInvalid. ListUsers/ListGroups
    /// also accept Offset; a token wins over it.
    /// </summary>
    public static JsonArray TokenPage<T>(ActionContext ctx, IReadOnlyList<T> rows, Func<T, JsonNode> project, JsonObject response)
    {
        var p = ctx.Params;
        int maxResults = (int)(p.Int64("MaxResults") ?? 10);
        long start = 0;
        string? token = p.String("NextToken");
        if (!string.IsNullOrEmpty(token)) start = DecodeToken(ctx.Action, token);
        else if (p.Int64("Offset") is long offset) start = offset;

        var page = rows.Skip((int)Math.Min(start, int.MaxValue)).Take(maxResults).ToList();
        long next = start + page.Count;
        bool truncated = next < rows.Count;
        var items = new JsonArray(page.Select(project).ToArray());
        response["TotalCounts"] = rows.Count;
        response["MaxResults"] = maxResults;
        response["IsTruncated"] = truncated;
        response["NextToken"] = truncated ? EncodeToken(ctx.Action, next) : "";
        return items;
    }

    private static string EncodeToken(string action, long offset) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes("emu1|" + action + "|" + offset.ToString(CultureInfo.InvariantCulture)));

    private static long DecodeToken(string action, string token)
    {
        try
        {
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(token)).Split('|');
            if (parts.Length == 3 && parts[0] == "emu1" && parts[1] == action
                && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out long offset))
                return offset;
        }
        catch (FormatException)
        {
            // Falls through to the error below.
        }
        throw new ApiException("InvalidParameter.NextTokenInvalid", "The NextToken is invalid.");
    }
}

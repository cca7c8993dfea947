using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TencentOrg.Emulator;

/// <summary>
/// The listing faults (<see cref="FaultPhase.Listing"/>): what a broken server or a capping gateway does to a listing.
/// The filter is dropped before the handler runs; the rows are altered after it, on the answer's one array of rows.
/// </summary>
internal static class ListingFaults
{
    /// <summary>IgnoreFilter: the parameters without the filter field, as if it had not been sent.</summary>
    public static JsonElement Parameters(JsonElement parameters, FaultRule? rule)
    {
        if (rule is not { Kind: FaultKind.IgnoreFilter, Field: { } field } || parameters.ValueKind != JsonValueKind.Object) return parameters;
        var copy = JsonNode.Parse(parameters.GetRawText())!.AsObject();
        copy.Remove(field);
        return JsonDocument.Parse(copy.ToJsonString()).RootElement.Clone();
    }

    /// <summary>Alters the rows of a handled listing answer (the Response object) as the rule says.</summary>
    public static void Rewrite(JsonObject result, FaultRule rule)
    {
        var rows = result.Select(p => p.Value).OfType<JsonArray>().FirstOrDefault();
        if (rows is null) return;
        switch (rule.Kind)
        {
            case FaultKind.ShortPage:
                int keep = rule.Rows ?? 10;
                while (rows.Count > keep) rows.RemoveAt(rows.Count - 1);
                if (result.ContainsKey("IsTruncated"))
                {
                    result["IsTruncated"] = false;
                    result["NextToken"] = "";
                }
                break;
            case FaultKind.EndlessPages:
                foreach (var row in rows.OfType<JsonObject>())
                    if (rule.Field is { } field && row[field] is JsonValue value)
                        row[field] = Number(value) is long number ? JsonValue.Create(number + 1_000_000L * rule.Applied)
                            : JsonValue.Create(value.ToString() + "p" + rule.Applied.ToString(CultureInfo.InvariantCulture));
                break;
            case FaultKind.DropField:
                foreach (var row in rows.OfType<JsonObject>()) row.Remove(rule.Field ?? "");
                break;
            case FaultKind.FieldCase:
                foreach (var row in rows.OfType<JsonObject>())
                    if (rule.Field is { } field && row[field] is JsonValue value)
                        row[field] = rule.Value ?? value.ToString().ToLowerInvariant();
                break;
            case FaultKind.DuplicateRows:
                int count = rows.Count;
                for (int i = 0; i < count; i++) rows.Add(rows[i]!.DeepClone());
                foreach (var total in new[] { "Total", "TotalCounts" })
                    if (result[total] is JsonValue t && Number(t) is long n) result[total] = n + count;
                break;
        }
    }

    /// <summary>A number however it was stored (int, long, or parsed JSON).</summary>
    private static long? Number(JsonValue value) =>
        value.GetValueKind() == JsonValueKind.Number && long.TryParse(value.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long n) ? n : null;
}

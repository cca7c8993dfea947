using System.Text.Json;
using System.Text.Json.Nodes;

namespace TencentOrg.Emulator.Actions;

/// <summary>Organization identities: create, list, update, delete (spec §2.1, §4.1, §4.3, §4.4).</summary>
public static class OrganizationIdentityActions
{
    public static JsonObject CreateOrganizationIdentity(ActionContext ctx)
    {
        var p = ctx.Params;
        var state = ctx.State;
        string name = p.String("IdentityAliasName")!;
        if (name.Length == 0)
            throw new ApiException("InvalidParameter", "IdentityAliasName must not be empty.");
        var policies = ReadPolicies(ctx);
        if (state.IdentityList.Any(i => string.Equals(i.IdentityAliasName, name, StringComparison.Ordinal)))
            throw new ApiException("FailedOperation.OrganizationIdentityNameUsed", "The identity name " + name + " is already used.");

        var identity = new OrgIdentity
        {
            IdentityId = state.NextIdentityId(),
            IdentityAliasName = name,
            Description = p.String("Description") ?? "",
            IdentityType = 2,
            IdentityRoleName = "OrgIdentity_" + name,
            IdentityPolicy = policies,
            CreateTime = state.NowText,
            UpdateTime = state.NowText,
        };
        state.IdentityList.Add(identity);
        return new JsonObject { ["IdentityId"] = identity.IdentityId };
    }

    public static JsonObject ListOrganizationIdentity(ActionContext ctx)
    {
        var p = ctx.Params;
        IEnumerable<OrgIdentity> rows = ctx.State.IdentityList;
        if (p.String("SearchKey") is { Length: > 0 } key)
            rows = rows.Where(i => i.IdentityAliasName.Contains(key, StringComparison.OrdinalIgnoreCase));
        if (p.UInt64AsInt64("IdentityId") is long id)
            rows = rows.Where(i => i.IdentityId == id);
        if (p.UInt64AsInt64("IdentityType") is long type)
            rows = rows.Where(i => (long)i.IdentityType == type);

        var page = Paging.OffsetPage(p, rows.ToList(), out long total);
        var items = new JsonArray();
        foreach (var i in page)
        {
            items.Add(new JsonObject
            {
                ["IdentityId"] = i.IdentityId,
                ["IdentityAliasName"] = i.IdentityAliasName,
                ["Description"] = i.Description,
                ["IdentityPolicy"] = new JsonArray(i.IdentityPolicy.Select(PolicyJson).ToArray()),
                ["IdentityType"] = i.IdentityType,
                ["UpdateTime"] = i.UpdateTime,
            });
        }
        return new JsonObject { ["Total"] = total, ["Items"] = items };
    }

    public static JsonObject UpdateOrganizationIdentity(ActionContext ctx)
    {
        var identity = Lookups.FindIdentity(ctx.State, ctx.Params.UInt64AsInt64("IdentityId")!.Value);
        RequireCustom(identity, "updated");
        var policies = ReadPolicies(ctx);
        identity.Description = ctx.Params.String("Description")!;
        identity.IdentityPolicy = policies;
        identity.UpdateTime = ctx.State.NowText;
        return new JsonObject();
    }

    public static JsonObject DeleteOrganizationIdentity(ActionContext ctx)
    {
        var state = ctx.State;
        var identity = Lookups.FindIdentity(state, ctx.Params.UInt64AsInt64("IdentityId")!.Value);
        RequireCustom(identity, "deleted");
        if (state.MemberAuthList.Any(a => a.IdentityId == identity.IdentityId))
            throw new ApiException("FailedOperation.OrganizationIdentityInUsed",
                "The identity " + identity.IdentityId + " is granted to member accounts and cannot be deleted.");
        state.IdentityList.Remove(identity);
        return new JsonObject();
    }

    /// <summary>
    /// Preset identities (IdentityType 1, such as OrganizationAccessControl) belong to the service. The spec lists
    /// no dedicated code for touching one; InvalidParameter is the one both Update and Delete document.
    /// </summary>
    private static void RequireCustom(OrgIdentity identity, string verb)
    {
        if (identity.IdentityType == 1)
            throw new ApiException("InvalidParameter", "The preset identity " + identity.IdentityId + " cannot be " + verb + ".");
    }

    /// <summary>Preset policies need PolicyId+PolicyName from the catalog; custom ones PolicyType 1 + a JSON document.</summary>
    private static List<IdentityPolicyEntry> ReadPolicies(ActionContext ctx)
    {
        var result = new List<IdentityPolicyEntry>();
        int index = 0;
        foreach (var policy in ctx.Params.Objects("IdentityPolicy"))
        {
            long type = policy.UInt64AsInt64("PolicyType") ?? 2;
            if (type == 1)
            {
                string? document = policy.String("PolicyDocument");
                if (string.IsNullOrWhiteSpace(document))
                    throw new ApiException("InvalidParameter", "IdentityPolicy." + index + ".PolicyDocument is required for a custom policy (PolicyType 1).");
                try
                {
                    using var parsed = JsonDocument.Parse(document);
                    if (parsed.RootElement.ValueKind != JsonValueKind.Object) throw new JsonException("not an object");
                }
                catch (JsonException)
                {
                    throw new ApiException("InvalidParameter", "IdentityPolicy." + index + ".PolicyDocument is not a valid JSON policy document.");
                }
                result.Add(new IdentityPolicyEntry
                {
                    PolicyId = 0, PolicyName = policy.String("PolicyName") ?? "CustomPolicy" + index, PolicyType = 1, PolicyDocument = document,
                });
            }
            else
            {
                long? id = policy.UInt64AsInt64("PolicyId");
                string? name = policy.String("PolicyName");
                if (id is null || string.IsNullOrEmpty(name))
                    throw new ApiException("InvalidParameter", "IdentityPolicy." + index + " needs PolicyId and PolicyName for a preset policy.");
                var preset = ctx.State.PresetPolicyList.FirstOrDefault(x => (long)x.PolicyId == id);
                if (preset is null || !string.Equals(preset.PolicyName, name, StringComparison.Ordinal))
                    throw new ApiException("ResourceNotFound.PolicyNotExist", "The preset policy " + id + " (" + name + ") does not exist.");
                result.Add(new IdentityPolicyEntry { PolicyId = preset.PolicyId, PolicyName = preset.PolicyName, PolicyType = 2 });
            }
            index++;
        }
        return result;
    }

    private static JsonNode PolicyJson(IdentityPolicyEntry policy)
    {
        var o = new JsonObject { ["PolicyId"] = policy.PolicyId ?? 0, ["PolicyName"] = policy.PolicyName ?? "" };
        if (policy.PolicyType is ulong type) o["PolicyType"] = type;
        if (policy.PolicyDocument is not null) o["PolicyDocument"] = policy.PolicyDocument;
        return o;
    }
}

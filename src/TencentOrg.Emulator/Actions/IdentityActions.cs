using System.Text.Json;
using System.Text.Json.Nodes;

namespace TencentOrg.Emulator.Actions;

/// <summary>Organization identities and their grants to member accounts (spec §2.1, §2.2, §4.1-4.5).</summary>
public static class IdentityActions
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
        var identity = FindIdentity(ctx.State, ctx.Params.UInt64AsInt64("IdentityId")!.Value);
        var policies = ReadPolicies(ctx);
        identity.Description = ctx.Params.String("Description")!;
        identity.IdentityPolicy = policies;
        identity.UpdateTime = ctx.State.NowText;
        return new JsonObject();
    }

    public static JsonObject DeleteOrganizationIdentity(ActionContext ctx)
    {
        var state = ctx.State;
        var identity = FindIdentity(state, ctx.Params.UInt64AsInt64("IdentityId")!.Value);
        if (state.MemberAuthList.Any(a => a.IdentityId == identity.IdentityId))
            throw new ApiException("FailedOperation.OrganizationIdentityInUsed",
                "The identity " + identity.IdentityId + " is granted to member accounts and cannot be deleted.");
        if (identity.IdentityType == 1)
            throw new ApiException("UnsupportedOperation", "The preset identity cannot be deleted.");
        state.IdentityList.Remove(identity);
        return new JsonObject();
    }

    /// <summary>Grants every identity to every member; all inputs are checked before anything changes.</summary>
    public static JsonObject CreateOrganizationMemberAuthIdentity(ActionContext ctx)
    {
        var state = ctx.State;
        var memberUins = ctx.Params.UInt64List("MemberUins");
        var identityIds = ctx.Params.UInt64List("IdentityIds");
        foreach (long uin in memberUins)
        {
            if (state.FindMember(uin) is null)
                throw new ApiException("ResourceNotFound.OrganizationMemberNotExist", "The organization member " + uin + " does not exist.");
        }
        foreach (long id in identityIds) FindIdentity(state, id);

        foreach (long uin in memberUins.Distinct())
        {
            foreach (long id in identityIds.Distinct())
            {
                if (state.MemberAuthList.Any(a => a.MemberUin == uin && a.IdentityId == id)) continue;
                state.MemberAuthList.Add(new MemberAuthIdentity
                {
                    MemberUin = uin, IdentityId = id, CreateTime = state.NowText, UpdateTime = state.NowText,
                });
            }
        }
        return new JsonObject();
    }

    public static JsonObject DescribeOrganizationMemberAuthIdentities(ActionContext ctx)
    {
        var p = ctx.Params;
        var state = ctx.State;
        long? memberUin = p.Int64("MemberUin");
        long? identityId = p.UInt64AsInt64("IdentityId");
        if (memberUin is null && identityId is null)
            throw new ApiException("InvalidParameter", "At least one of MemberUin and IdentityId is required.");

        var rows = state.MemberAuthList
            .Where(a => (memberUin is null || a.MemberUin == memberUin) && (identityId is null || a.IdentityId == identityId))
            .ToList();
        var page = Paging.OffsetPage(p, rows, out long total);
        var items = new JsonArray();
        foreach (var a in page)
        {
            var identity = state.IdentityList.FirstOrDefault(i => i.IdentityId == a.IdentityId);
            items.Add(new JsonObject
            {
                ["IdentityId"] = a.IdentityId,
                ["IdentityRoleName"] = identity?.IdentityRoleName ?? "",
                ["IdentityRoleAliasName"] = identity?.IdentityAliasName ?? "",
                ["Description"] = identity?.Description ?? "",
                ["CreateTime"] = a.CreateTime,
                ["UpdateTime"] = a.UpdateTime,
                ["IdentityType"] = identity?.IdentityType ?? 2,
                ["Status"] = 1,
                ["MemberUin"] = a.MemberUin,
                ["MemberName"] = state.FindMember(a.MemberUin)?.Name ?? "",
            });
        }
        return new JsonObject { ["Items"] = items, ["Total"] = total };
    }

    public static JsonObject DeleteOrganizationMemberAuthIdentity(ActionContext ctx)
    {
        var state = ctx.State;
        long uin = ctx.Params.UInt64AsInt64("MemberUin")!.Value;
        var identity = FindIdentity(state, ctx.Params.UInt64AsInt64("IdentityId")!.Value);
        int removed = state.MemberAuthList.RemoveAll(a => a.MemberUin == uin && a.IdentityId == identity.IdentityId);
        if (removed == 0)
            throw new ApiException("ResourceNotFound.MemberIdentityNotExist",
                "The member " + uin + " does not hold identity " + identity.IdentityId + ".");
        return new JsonObject();
    }

    private static OrgIdentity FindIdentity(EmulatorState state, long id) =>
        state.IdentityList.FirstOrDefault(i => i.IdentityId == id)
        ?? throw new ApiException("ResourceNotFound.OrganizationIdentityNotExist", "The organization identity " + id + " does not exist.");

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

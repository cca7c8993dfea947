using System.Text.Json.Nodes;

namespace TencentOrg.Emulator.Actions;

/// <summary>Grants of organization identities to member accounts: create, describe, delete (spec §2.2, §4.2, §4.5).</summary>
public static class MemberAuthorizationActions
{
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
        foreach (long id in identityIds) Lookups.FindIdentity(state, id);

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
        if (memberUin is null && identityId is null && ctx.Fault is not { Kind: FaultKind.IgnoreFilter })
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
        var identity = Lookups.FindIdentity(state, ctx.Params.UInt64AsInt64("IdentityId")!.Value);
        int removed = state.MemberAuthList.RemoveAll(a => a.MemberUin == uin && a.IdentityId == identity.IdentityId);
        if (removed == 0)
            throw new ApiException("ResourceNotFound.MemberIdentityNotExist",
                "The member " + uin + " does not hold identity " + identity.IdentityId + ".");
        return new JsonObject();
    }
}

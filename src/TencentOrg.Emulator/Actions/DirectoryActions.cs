using System.Globalization;
using System.Text.Json.Nodes;

namespace TencentOrg.Emulator.Actions;

/// <summary>
/// The read-only directory: the organization and its members, the CIC zone, users, groups and role
/// configurations (spec §4.11-4.18).
/// </summary>
public static class DirectoryActions
{
    public static JsonObject DescribeIdentityCenter(ActionContext ctx)
    {
        var zone = ctx.State.Zone;
        return new JsonObject
        {
            ["ZoneId"] = zone.ZoneId,
            ["ZoneName"] = zone.ZoneName,
            ["ServiceStatus"] = zone.ServiceStatus,
            ["ScimSyncStatus"] = zone.ScimSyncStatus,
            ["CreateTime"] = zone.CreateTime,
            ["UpdateTime"] = zone.UpdateTime,
        };
    }

    public static JsonObject GetZoneStatistics(ActionContext ctx)
    {
        ctx.RequireZone();
        var s = ctx.State;
        return new JsonObject
        {
            ["ZoneStatistics"] = new JsonObject
            {
                ["UserQuota"] = UserGroupActions.UserQuota,
                ["GroupQuota"] = UserGroupActions.GroupQuota,
                ["RoleConfigurationQuota"] = 500,
                ["SystemPolicyPerRoleConfigurationQuota"] = 20,
                ["UserCount"] = s.UserList.Count,
                ["GroupCount"] = s.GroupList.Count,
                ["RoleConfigurationCount"] = s.RoleConfigurationList.Count,
                ["UserProvisioningCount"] = s.UserSyncProvisioningList.Count,
                ["RoleConfigurationSyncCount"] = s.ProvisioningList.Count(p => p.DeploymentStatus == "Deployed"),
            },
        };
    }

    public static JsonObject ListUsers(ActionContext ctx)
    {
        ctx.RequireZone();
        var p = ctx.Params;
        IEnumerable<CicUser> rows = ctx.State.UserList;
        if (p.String("UserStatus") is string status) rows = rows.Where(u => u.UserStatus == status);
        if (p.String("UserType") is string type) rows = rows.Where(u => u.UserType == type);
        if (p.String("Filter") is { Length: > 0 } filter)
            rows = rows.Where(u => u.UserName.Contains(filter, StringComparison.OrdinalIgnoreCase) || u.Email.Contains(filter, StringComparison.OrdinalIgnoreCase)
                || u.UserId.Contains(filter, StringComparison.OrdinalIgnoreCase) || u.Description.Contains(filter, StringComparison.OrdinalIgnoreCase));
        var list = rows.ToList();
        if (p.String("SortType") == "Desc") list.Reverse();
        var filterGroups = p.StringList("FilterGroups");
        var selected = ctx.State.GroupList.Where(g => filterGroups.Contains(g.GroupId)).SelectMany(g => g.UserIds).ToHashSet();

        var response = new JsonObject();
        response["Users"] = Paging.TokenPage(ctx, list, u =>
        {
            var o = new JsonObject
            {
                ["UserName"] = u.UserName, ["FirstName"] = u.FirstName, ["LastName"] = u.LastName, ["DisplayName"] = u.DisplayName,
                ["Description"] = u.Description, ["Email"] = u.Email, ["UserStatus"] = u.UserStatus, ["UserType"] = u.UserType,
                ["UserId"] = u.UserId, ["CreateTime"] = u.CreateTime, ["UpdateTime"] = u.UpdateTime, ["NeedResetPassword"] = u.NeedResetPassword,
            };
            if (filterGroups.Count > 0) o["IsSelected"] = selected.Contains(u.UserId);
            return o;
        }, response);
        return response;
    }

    public static JsonObject ListGroups(ActionContext ctx)
    {
        ctx.RequireZone();
        var p = ctx.Params;
        IEnumerable<CicGroup> rows = ctx.State.GroupList;
        if (p.String("GroupType") is string type) rows = rows.Where(g => g.GroupType == type);
        if (p.String("Filter") is { Length: > 0 } filter) rows = rows.Where(GroupFilter(filter));
        var list = rows.ToList();
        if (p.String("SortType") == "Desc") list.Reverse();
        var filterUsers = p.StringList("FilterUsers");

        var response = new JsonObject();
        response["Groups"] = Paging.TokenPage(ctx, list, g =>
        {
            var o = new JsonObject
            {
                ["GroupName"] = g.GroupName, ["Description"] = g.Description, ["CreateTime"] = g.CreateTime, ["GroupType"] = g.GroupType,
                ["UpdateTime"] = g.UpdateTime, ["GroupId"] = g.GroupId, ["MemberCount"] = g.UserIds.Count,
            };
            if (filterUsers.Count > 0) o["IsSelected"] = g.UserIds.Any(filterUsers.Contains);
            return o;
        }, response);
        return response;
    }

    /// <summary>Accepts the intl syntax "GroupName eq|sw value" and a plain keyword (CN metadata).</summary>
    private static Func<CicGroup, bool> GroupFilter(string filter)
    {
        var parts = filter.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 3 && parts[0].Equals("GroupName", StringComparison.OrdinalIgnoreCase))
        {
            string value = parts[2].Trim('"');
            if (parts[1].Equals("eq", StringComparison.OrdinalIgnoreCase))
                return g => g.GroupName.Equals(value, StringComparison.OrdinalIgnoreCase);
            if (parts[1].Equals("sw", StringComparison.OrdinalIgnoreCase))
                return g => g.GroupName.StartsWith(value, StringComparison.OrdinalIgnoreCase);
            throw new ApiException("InvalidParameter.ParamError", "Filter operator must be eq or sw.");
        }
        return g => g.GroupName.Contains(filter, StringComparison.OrdinalIgnoreCase);
    }

    public static JsonObject ListRoleConfigurations(ActionContext ctx)
    {
        ctx.RequireZone();
        var p = ctx.Params;
        var state = ctx.State;
        IEnumerable<RoleConfiguration> rows = state.RoleConfigurationList;
        if (p.String("Filter") is { Length: > 0 } filter)
            rows = rows.Where(c => c.RoleConfigurationName.Contains(filter, StringComparison.OrdinalIgnoreCase)
                || c.Description.Contains(filter, StringComparison.OrdinalIgnoreCase));
        var targets = p.Int64List("FilterTargets");
        string? principalId = p.String("PrincipalId");
        if (principalId is not null && targets.Count == 0)
            throw new ApiException("InvalidParameter.ParamError", "PrincipalId is only valid together with FilterTargets.");

        var response = new JsonObject();
        response["RoleConfigurations"] = Paging.TokenPage(ctx, rows.ToList(), c =>
        {
            var o = ConfigurationJson(c);
            if (targets.Count > 0)
                o["IsSelected"] = state.AssignmentList.Any(a => a.RoleConfigurationId == c.RoleConfigurationId
                    && targets.Contains(a.TargetUin) && (principalId is null || a.PrincipalId == principalId));
            return o;
        }, response);
        return response;
    }

    public static JsonObject GetRoleConfiguration(ActionContext ctx)
    {
        ctx.RequireZone();
        var config = Lookups.FindConfiguration(ctx.State, ctx.Params.String("RoleConfigurationId")!);
        return new JsonObject { ["RoleConfigurationInfo"] = ConfigurationJson(config) };
    }

    internal static JsonObject ConfigurationJson(RoleConfiguration c) => new()
    {
        ["RoleConfigurationId"] = c.RoleConfigurationId,
        ["RoleConfigurationName"] = c.RoleConfigurationName,
        ["Description"] = c.Description,
        ["SessionDuration"] = c.SessionDuration,
        ["RelayState"] = c.RelayState,
        ["CreateTime"] = c.CreateTime,
        ["UpdateTime"] = c.UpdateTime,
    };

    public static JsonObject DescribeOrganization(ActionContext ctx)
    {
        var org = ctx.State.Organization;
        return new JsonObject
        {
            ["OrgId"] = org.OrgId,
            ["HostUin"] = org.HostUin,
            ["NickName"] = org.NickName,
            ["OrgType"] = 1,
            ["IsManager"] = true,
            ["OrgPolicyType"] = "Financial",
            ["OrgPolicyName"] = "Financial management",
            ["OrgPermission"] = Permissions(),
            ["RootNodeId"] = org.RootNodeId,
            ["CreateTime"] = org.CreateTime,
            ["JoinTime"] = org.CreateTime,
            ["IsAllowQuit"] = "Allow",
            ["PayUin"] = org.HostUin.ToString(CultureInfo.InvariantCulture),
            ["PayName"] = org.NickName,
            ["IsAssignManager"] = false,
            ["IsAuthManager"] = false,
        };
    }

    public static JsonObject DescribeOrganizationMembers(ActionContext ctx)
    {
        var p = ctx.Params;
        var state = ctx.State;
        IEnumerable<OrgMember> rows = state.MemberList;
        if (p.String("SearchKey") is { Length: > 0 } key)
            rows = rows.Where(m => m.Name.Contains(key, StringComparison.OrdinalIgnoreCase)
                || m.MemberUin.ToString(CultureInfo.InvariantCulture).Contains(key, StringComparison.Ordinal));
        if (p.UInt64AsInt64("NodeId") is long nodeId)
            rows = rows.Where(m => m.NodeId == nodeId);
        if (p.String("NodeName") is { Length: > 0 } nodeName)
            rows = rows.Where(m => m.NodeName == nodeName);
        foreach (var tag in p.Objects("Tags"))
        {
            string tagKey = tag.String("TagKey")!;
            string? tagValue = tag.String("TagValue");
            rows = rows.Where(m => m.Tags.Any(t => t.TagKey == tagKey && (tagValue is null || t.TagValue == tagValue)));
        }

        var page = Paging.OffsetPage(p, rows.ToList(), out long total);
        var items = new JsonArray();
        foreach (var m in page)
        {
            var identities = new JsonArray();
            foreach (var auth in state.MemberAuthList.Where(a => a.MemberUin == m.MemberUin))
            {
                var identity = state.IdentityList.FirstOrDefault(i => i.IdentityId == auth.IdentityId);
                if (identity is not null)
                    identities.Add(new JsonObject { ["IdentityId"] = identity.IdentityId, ["IdentityAliasName"] = identity.IdentityAliasName });
            }
            items.Add(new JsonObject
            {
                ["MemberUin"] = m.MemberUin,
                ["Name"] = m.Name,
                ["MemberType"] = m.MemberType,
                ["OrgPolicyType"] = "Financial",
                ["OrgPolicyName"] = "Financial management",
                ["OrgPermission"] = Permissions(),
                ["NodeId"] = m.NodeId,
                ["NodeName"] = m.NodeName,
                ["Remark"] = m.Remark,
                ["CreateTime"] = m.CreateTime,
                ["UpdateTime"] = m.CreateTime,
                ["IsAllowQuit"] = "Allow",
                ["PayUin"] = "",
                ["PayName"] = "",
                ["OrgIdentity"] = identities,
                ["BindStatus"] = "Unbound",
                ["PermissionStatus"] = "Confirmed",
                ["Tags"] = new JsonArray(m.Tags.Select(t => (JsonNode)new JsonObject { ["TagKey"] = t.TagKey, ["TagValue"] = t.TagValue }).ToArray()),
            });
        }
        return new JsonObject { ["Items"] = items, ["Total"] = total };
    }

    private static JsonArray Permissions() => new()
    {
        new JsonObject { ["Id"] = 1, ["Name"] = "viewBill" },
        new JsonObject { ["Id"] = 2, ["Name"] = "viewBalance" },
    };
}

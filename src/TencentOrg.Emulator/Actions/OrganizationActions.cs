using System.Globalization;
using System.Text.Json.Nodes;

namespace TencentOrg.Emulator.Actions;

/// <summary>DescribeOrganization and DescribeOrganizationMembers.</summary>
public static class OrganizationActions
{
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

using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using System.Text.Json;
using Xunit;

namespace TencentOrg.Tests.Emulator;

public sealed class EmulatorBusinessTests
{
    private const string Zone = "z-emulator0001";

    private static string Assignment(string config = "rc-emuconfig001", long uin = 100000000001, string principal = "u-emuuser00001",
        string principalType = "User", string targetType = "MemberUin") =>
        "{\"RoleConfigurationId\":\"" + config + "\",\"TargetType\":\"" + targetType + "\",\"TargetUin\":" + uin
        + ",\"PrincipalType\":\"" + principalType + "\",\"PrincipalId\":\"" + principal + "\"}";

    private static string CreateAssignments(params string[] items) =>
        "{\"ZoneId\":\"" + Zone + "\",\"RoleAssignmentInfo\":[" + string.Join(",", items) + "]}";

    [Fact]
    public async Task IdentityLifecycleAndErrors()
    {
        await using var e = await EmulatorScope.StartAsync();
        var c = e.Client;
        const string body = "{\"IdentityAliasName\":\"ops\",\"Description\":\"d\",\"IdentityPolicy\":[{\"PolicyId\":2,\"PolicyName\":\"ReadOnlyAccess\"}]}";
        long id = (await c.OkAsync("CreateOrganizationIdentity", body)).GetProperty("IdentityId").GetInt64();
        await c.FailsAsync("FailedOperation.OrganizationIdentityNameUsed", "CreateOrganizationIdentity", body);
        await c.FailsAsync("ResourceNotFound.PolicyNotExist", "CreateOrganizationIdentity",
            "{\"IdentityAliasName\":\"x1\",\"IdentityPolicy\":[{\"PolicyId\":999,\"PolicyName\":\"Nope\"}]}");
        await c.FailsAsync("InvalidParameter", "CreateOrganizationIdentity",
            "{\"IdentityAliasName\":\"x2\",\"IdentityPolicy\":[{\"PolicyId\":1}]}");
        await c.FailsAsync("InvalidParameter", "CreateOrganizationIdentity",
            "{\"IdentityAliasName\":\"x3\",\"IdentityPolicy\":[{\"PolicyType\":1,\"PolicyDocument\":\"{not json\"}]}");
        string custom = JsonSerializer.Serialize("{\"version\":\"2.0\",\"statement\":[{\"effect\":\"allow\",\"action\":[\"vpc:*\"],\"resource\":[\"*\"]}]}");
        await c.OkAsync("CreateOrganizationIdentity", "{\"IdentityAliasName\":\"vpc\",\"IdentityPolicy\":[{\"PolicyType\":1,\"PolicyDocument\":" + custom + "}]}");

        var list = await c.OkAsync("ListOrganizationIdentity", "{\"Offset\":0,\"Limit\":10,\"IdentityType\":2}");
        Assert.Equal(2, list.GetProperty("Total").GetInt64());
        var one = await c.OkAsync("ListOrganizationIdentity", "{\"Offset\":0,\"Limit\":10,\"IdentityId\":" + id + "}");
        Assert.Equal("ops", one.GetProperty("Items")[0].GetProperty("IdentityAliasName").GetString());
        Assert.Equal(1, (await c.OkAsync("ListOrganizationIdentity", "{\"Offset\":0,\"Limit\":10,\"SearchKey\":\"OrganizationAccess\"}")).GetProperty("Total").GetInt64());

        await c.OkAsync("UpdateOrganizationIdentity", "{\"IdentityId\":" + id + ",\"Description\":\"new\",\"IdentityPolicy\":[{\"PolicyId\":1,\"PolicyName\":\"AdministratorAccess\"}]}");
        Assert.Equal("new", e.Server.State.Identities.Single(i => i.IdentityId == id).Description);
        await c.FailsAsync("ResourceNotFound.OrganizationIdentityNotExist", "UpdateOrganizationIdentity",
            "{\"IdentityId\":4242,\"Description\":\"\",\"IdentityPolicy\":[{\"PolicyId\":1,\"PolicyName\":\"AdministratorAccess\"}]}");

        await c.OkAsync("CreateOrganizationMemberAuthIdentity", "{\"MemberUins\":[100000000001],\"IdentityIds\":[" + id + "]}");
        await c.FailsAsync("FailedOperation.OrganizationIdentityInUsed", "DeleteOrganizationIdentity", "{\"IdentityId\":" + id + "}");
        await c.OkAsync("DeleteOrganizationMemberAuthIdentity", "{\"MemberUin\":100000000001,\"IdentityId\":" + id + "}");
        await c.FailsAsync("ResourceNotFound.MemberIdentityNotExist", "DeleteOrganizationMemberAuthIdentity", "{\"MemberUin\":100000000001,\"IdentityId\":" + id + "}");
        await c.OkAsync("DeleteOrganizationIdentity", "{\"IdentityId\":" + id + "}");
        await c.FailsAsync("ResourceNotFound.OrganizationIdentityNotExist", "DeleteOrganizationIdentity", "{\"IdentityId\":" + id + "}");
    }

    [Fact]
    public async Task MemberAuthIdentityIsAllOrNothingAndIdempotent()
    {
        await using var e = await EmulatorScope.StartAsync();
        var c = e.Client;
        await c.FailsAsync("ResourceNotFound.OrganizationMemberNotExist", "CreateOrganizationMemberAuthIdentity",
            "{\"MemberUins\":[100000000001,999999999999],\"IdentityIds\":[1]}");
        await c.FailsAsync("ResourceNotFound.OrganizationIdentityNotExist", "CreateOrganizationMemberAuthIdentity",
            "{\"MemberUins\":[100000000001],\"IdentityIds\":[1,777]}");
        Assert.Empty(e.Server.State.MemberAuthIdentities);

        await c.OkAsync("CreateOrganizationMemberAuthIdentity", "{\"MemberUins\":[100000000001,100000000002],\"IdentityIds\":[1]}");
        await c.OkAsync("CreateOrganizationMemberAuthIdentity", "{\"MemberUins\":[100000000001],\"IdentityIds\":[1]}");
        Assert.Equal(2, e.Server.State.MemberAuthIdentities.Count);

        await c.FailsAsync("InvalidParameter", "DescribeOrganizationMemberAuthIdentities", "{\"Offset\":0,\"Limit\":10}");
        var byMember = await c.OkAsync("DescribeOrganizationMemberAuthIdentities", "{\"Offset\":0,\"Limit\":10,\"MemberUin\":100000000001}");
        Assert.Equal(1UL, byMember.GetProperty("Total").GetUInt64());
        Assert.Equal("OrganizationAccessControlRole", byMember.GetProperty("Items")[0].GetProperty("IdentityRoleName").GetString());
        var byIdentity = await c.OkAsync("DescribeOrganizationMemberAuthIdentities", "{\"Offset\":0,\"Limit\":10,\"IdentityId\":1}");
        Assert.Equal(2UL, byIdentity.GetProperty("Total").GetUInt64());

        var members = await c.OkAsync("DescribeOrganizationMembers", "{\"Offset\":0,\"Limit\":1,\"SearchKey\":\"100000000001\"}");
        Assert.Equal("OrganizationAccessControl", members.GetProperty("Items")[0].GetProperty("OrgIdentity")[0].GetProperty("IdentityAliasName").GetString());
    }

    [Fact]
    public async Task OffsetPagingWalksThousandsOfMembers()
    {
        await using var e = await EmulatorScope.StartAsync(o => { o.GeneratedMemberCount = 3000; o.RateLimitPerSecond = 0; });
        var seen = new HashSet<long>();
        long total = -1;
        for (int offset = 0; total < 0 || offset < total; offset += 50)
        {
            var page = await e.Client.OkAsync("DescribeOrganizationMembers", "{\"Offset\":" + offset + ",\"Limit\":50}");
            total = (long)page.GetProperty("Total").GetUInt64();
            foreach (var item in page.GetProperty("Items").EnumerateArray()) seen.Add(item.GetProperty("MemberUin").GetInt64());
        }
        Assert.Equal(3000, total);
        Assert.Equal(3000, seen.Count);
        Assert.Contains(100000003000L, seen);
    }

    [Fact]
    public async Task PresetIdentityCannotBeUpdatedOrDeleted()
    {
        await using var e = await EmulatorScope.StartAsync();
        var c = e.Client;
        var before = e.Server.State.Identities.Single(i => i.IdentityId == 1);
        Assert.Equal(1UL, before.IdentityType);
        var update = await c.FailsAsync("InvalidParameter", "UpdateOrganizationIdentity",
            "{\"IdentityId\":1,\"Description\":\"changed\",\"IdentityPolicy\":[{\"PolicyId\":2,\"PolicyName\":\"ReadOnlyAccess\"}]}");
        Assert.Contains("preset identity 1", update.GetProperty("Error").GetProperty("Message").GetString());
        await c.FailsAsync("InvalidParameter", "DeleteOrganizationIdentity", "{\"IdentityId\":1}");
        var after = e.Server.State.Identities.Single(i => i.IdentityId == 1);
        Assert.Equal(before.Description, after.Description);
        Assert.Equal("AdministratorAccess", Assert.Single(after.IdentityPolicy).PolicyName);
    }

    [Fact]
    public async Task NextTokenOnlyContinuesTheSameRequest()
    {
        await using var e = await EmulatorScope.StartAsync();
        var c = e.Client;
        string Body(string rest) => "{\"ZoneId\":\"" + Zone + "\",\"MaxResults\":5,\"UserStatus\":\"Enabled\"" + rest + "}";
        string token = (await c.OkAsync("ListUsers", Body(""))).GetProperty("NextToken").GetString()!;

        // Same parameters (in another order, plus Offset, which the token overrides): accepted.
        var next = await c.OkAsync("ListUsers", "{\"UserStatus\":\"Enabled\",\"Offset\":0,\"NextToken\":\"" + token + "\",\"MaxResults\":5,\"ZoneId\":\"" + Zone + "\"}");
        Assert.Equal("u-emuuser00006", next.GetProperty("Users")[0].GetProperty("UserId").GetString());

        // Any other parameter changed, added or dropped: refused, as spec §5 requires them unchanged.
        await c.FailsAsync("InvalidParameter.NextTokenInvalid", "ListUsers", "{\"ZoneId\":\"" + Zone + "\",\"MaxResults\":6,\"UserStatus\":\"Enabled\",\"NextToken\":\"" + token + "\"}");
        await c.FailsAsync("InvalidParameter.NextTokenInvalid", "ListUsers", Body(",\"Filter\":\"user\",\"NextToken\":\"" + token + "\""));
        await c.FailsAsync("InvalidParameter.NextTokenInvalid", "ListUsers", "{\"ZoneId\":\"" + Zone + "\",\"MaxResults\":5,\"NextToken\":\"" + token + "\"}");
        // A token of one action is no good for another, even with the same fields.
        await c.FailsAsync("InvalidParameter.NextTokenInvalid", "ListGroups", "{\"ZoneId\":\"" + Zone + "\",\"MaxResults\":5,\"NextToken\":\"" + token + "\"}");
    }

    [Fact]
    public async Task TokenPagingAndBadToken()
    {
        await using var e = await EmulatorScope.StartAsync();
        var ids = new List<string>();
        string? token = null;
        int pages = 0;
        do
        {
            string body = "{\"ZoneId\":\"" + Zone + "\",\"MaxResults\":7" + (token is null ? "" : ",\"NextToken\":\"" + token + "\"") + "}";
            var page = await e.Client.OkAsync("ListUsers", body);
            Assert.Equal(20, page.GetProperty("TotalCounts").GetInt64());
            ids.AddRange(page.GetProperty("Users").EnumerateArray().Select(u => u.GetProperty("UserId").GetString()!));
            token = page.GetProperty("IsTruncated").GetBoolean() ? page.GetProperty("NextToken").GetString() : null;
            pages++;
        } while (token is not null);
        Assert.Equal(3, pages);
        Assert.Equal(20, ids.Distinct().Count());
        Assert.Equal("u-emuuser00001", ids[0]);

        await e.Client.FailsAsync("InvalidParameter.NextTokenInvalid", "ListUsers", "{\"ZoneId\":\"" + Zone + "\",\"NextToken\":\"garbage!\"}");
        await e.Client.FailsAsync("InvalidParameter.NextTokenInvalid", "ListRoleAssignments", "{\"ZoneId\":\"" + Zone + "\",\"NextToken\":\"garbage\"}");
        var groups = await e.Client.OkAsync("ListGroups", "{\"ZoneId\":\"" + Zone + "\",\"Filter\":\"GroupName sw group000\",\"FilterUsers\":[\"u-emuuser00001\"]}");
        Assert.Equal(5, groups.GetProperty("TotalCounts").GetInt64());
        Assert.True(groups.GetProperty("Groups")[0].GetProperty("IsSelected").GetBoolean());
        var configs = await e.Client.OkAsync("ListRoleConfigurations", "{\"ZoneId\":\"" + Zone + "\",\"MaxResults\":100}");
        Assert.Equal(4, configs.GetProperty("TotalCounts").GetInt64());
        Assert.False(configs.GetProperty("IsTruncated").GetBoolean());
        var config = await e.Client.OkAsync("GetRoleConfiguration", "{\"ZoneId\":\"" + Zone + "\",\"RoleConfigurationId\":\"rc-emuconfig002\"}");
        Assert.Equal("ReadOnlyAccess", config.GetProperty("RoleConfigurationInfo").GetProperty("RoleConfigurationName").GetString());
        await e.Client.FailsAsync("InvalidParameter.RoleConfigurationNotExist", "GetRoleConfiguration", "{\"ZoneId\":\"" + Zone + "\",\"RoleConfigurationId\":\"rc-nope\"}");
        var center = await e.Client.OkAsync("DescribeIdentityCenter");
        Assert.Equal(Zone, center.GetProperty("ZoneId").GetString());
        Assert.Equal(20, (await e.Client.OkAsync("GetZoneStatistics", "{\"ZoneId\":\"" + Zone + "\"}")).GetProperty("ZoneStatistics").GetProperty("UserCount").GetInt64());
    }

    [Fact]
    public async Task CreateRoleAssignmentValidatesAllItemsFirst()
    {
        await using var e = await EmulatorScope.StartAsync();
        var c = e.Client;
        string good = Assignment();
        await c.FailsAsync("FailedOperation.ZoneIdNotExist", "CreateRoleAssignment", CreateAssignments(good).Replace(Zone, "z-000000000000"));
        await c.FailsAsync("InvalidParameter.RoleConfigurationNotExist", "CreateRoleAssignment", CreateAssignments(good, Assignment(config: "rc-missing")));
        await c.FailsAsync("ResourceNotFound.UserNotExist", "CreateRoleAssignment", CreateAssignments(good, Assignment(principal: "u-missing")));
        await c.FailsAsync("InvalidParameter.GroupNotExist", "CreateRoleAssignment", CreateAssignments(good, Assignment(principal: "g-missing", principalType: "Group")));
        await c.FailsAsync("FailedOperation.OrganizationMemberNotExist", "CreateRoleAssignment", CreateAssignments(good, Assignment(uin: 555)));
        await c.FailsAsync("FailedOperation.OrganizationMemberNotExist", "CreateRoleAssignment",
            CreateAssignments(good, Assignment(uin: 100000000001, targetType: "ManagerUin")));
        Assert.Empty(e.Server.State.RoleAssignments);
        Assert.Empty(e.Server.State.Tasks);

        var created = await c.OkAsync("CreateRoleAssignment", CreateAssignments(good,
            Assignment(uin: 100000000000, targetType: "ManagerUin", principal: "g-emugroup0001", principalType: "Group")));
        var tasks = created.GetProperty("Tasks");
        Assert.Equal(2, tasks.GetArrayLength());
        Assert.Equal("InProgress", tasks[0].GetProperty("Status").GetString());
        Assert.Equal("CreateRoleAssignment", tasks[0].GetProperty("TaskType").GetString());
        Assert.Matches("^t-[a-z0-9]{12}$", tasks[0].GetProperty("TaskId").GetString()!);

        await c.FailsAsync("FailedOperation.RoleConfigurationAuthorizationAlreadyExist", "CreateRoleAssignment",
            CreateAssignments(Assignment(principal: "u-emuuser00002"), good));
        Assert.Equal(2, e.Server.State.RoleAssignments.Count);

        var listed = await c.OkAsync("ListRoleAssignments", "{\"ZoneId\":\"" + Zone + "\",\"RoleConfigurationId\":\"rc-emuconfig001\",\"TargetType\":\"MemberUin\",\"TargetUin\":100000000001,\"PrincipalType\":\"User\",\"PrincipalId\":\"u-emuuser00001\",\"MaxResults\":100}");
        Assert.Equal(1, listed.GetProperty("TotalCounts").GetInt64());
        var row = listed.GetProperty("RoleAssignments")[0];
        Assert.Equal("user00001", row.GetProperty("PrincipalName").GetString());
        Assert.Equal("member-0001", row.GetProperty("TargetName").GetString());

        await c.FailsAsync("ResourceNotFound.RoleConfigurationAuthorizationNotFound", "DeleteRoleAssignment",
            "{\"ZoneId\":\"" + Zone + "\",\"RoleConfigurationId\":\"rc-emuconfig002\",\"TargetType\":\"MemberUin\",\"TargetUin\":100000000001,\"PrincipalType\":\"User\",\"PrincipalId\":\"u-emuuser00001\"}");
    }
}

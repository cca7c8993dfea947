using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using TencentOrg.Emulator;
using Xunit;

namespace TencentOrg.Tests.Emulator;

public sealed class EmulatorSeedTests
{
    private static string SampleSeed()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TencentOrg.sln"))) dir = dir.Parent;
        Assert.NotNull(dir);
        return Path.Combine(dir!.FullName, "src", "TencentOrg.Emulator", "seed.sample.json");
    }

    [Fact]
    public async Task SampleSeedFileLoads()
    {
        await using var e = await EmulatorScope.StartAsync(o => o.SeedFile = SampleSeed());
        var state = e.Server.State;
        Assert.Equal("z-acmezone0001", state.Zone.ZoneId);
        Assert.Equal(3, state.Members.Count);
        Assert.Single(state.RoleAssignments);
        var members = await e.Client.OkAsync("DescribeOrganizationMembers", "{\"Offset\":0,\"Limit\":10,\"Tags\":[{\"TagKey\":\"env\",\"TagValue\":\"dev\"}]}");
        Assert.Equal("acme-dev", members.GetProperty("Items")[0].GetProperty("Name").GetString());
        await e.Client.FailsAsync("FailedOperation.OrganizationIdentityInUsed", "DeleteOrganizationIdentity", "{\"IdentityId\":101}");
        long next = (await e.Client.OkAsync("CreateOrganizationIdentity",
            "{\"IdentityAliasName\":\"n\",\"IdentityPolicy\":[{\"PolicyId\":3,\"PolicyName\":\"QcloudCAMFullAccess\"}]}")).GetProperty("IdentityId").GetInt64();
        Assert.Equal(102, next);
        await e.Client.FailsAsync("FailedOperation.RoleConfigurationAuthorizationExist", "DismantleRoleConfiguration",
            "{\"ZoneId\":\"z-acmezone0001\",\"RoleConfigurationId\":\"rc-acmeadmin001\",\"TargetType\":\"MemberUin\",\"TargetUin\":100000000001}");
    }

    [Fact]
    public async Task DefaultSeedShape()
    {
        await using var e = await EmulatorScope.StartAsync(o => { o.GeneratedMemberCount = 3; o.GeneratedUserCount = 4; o.GeneratedGroupCount = 2; });
        var state = e.Server.State;
        Assert.Equal(100000000000, state.Organization.HostUin);
        Assert.Equal(new[] { 100000000001L, 100000000002L, 100000000003L }, state.Members.Select(m => m.MemberUin));
        Assert.Equal("u-emuuser00004", state.Users[^1].UserId);
        Assert.Equal("g-emugroup0002", state.Groups[^1].GroupId);
        Assert.Equal(1, state.Identities.Single().IdentityId);
        Assert.Matches("^z-[a-z0-9]{12}$", state.Zone.ZoneId);
        Assert.All(state.RoleConfigurations, c => Assert.Matches("^rc-[a-z0-9]{12}$", c.RoleConfigurationId));
    }
}

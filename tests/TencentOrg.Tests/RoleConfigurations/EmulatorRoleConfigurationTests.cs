using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using TencentOrg.Emulator;
using TencentOrg.Tests.Emulator;
using Xunit;

namespace TencentOrg.Tests.RoleConfigurations;

/// <summary>The emulator's permission-configuration actions (CIC spec §4, §6), over real signed HTTP.</summary>
public sealed class EmulatorRoleConfigurationTests
{
    private const string Zone = "z-emulator0001";

    private static string Body(string fields) => "{\"ZoneId\":\"" + Zone + "\"," + fields + "}";

    private static string Doc(string action) =>
        JsonSerializer.Serialize("{\"version\":\"2.0\",\"statement\":[{\"effect\":\"allow\",\"action\":[\"" + action + "\"],\"resource\":[\"*\"]}]}");

    /// <summary>Request fields of the .NET SDK 3.0.1493 models (TencentCloud/Organization/V20210331/Models), in their order.</summary>
    [Theory]
    [InlineData("CreateRoleConfiguration", "ZoneId,RoleConfigurationName,Description,SessionDuration,RelayState")]
    [InlineData("UpdateRoleConfiguration", "ZoneId,RoleConfigurationId,NewDescription,NewSessionDuration,NewRelayState")]
    [InlineData("DeleteRoleConfiguration", "ZoneId,RoleConfigurationId")]
    [InlineData("AddPermissionPolicyToRoleConfiguration", "ZoneId,RoleConfigurationId,RolePolicyType,RolePolicyNames,RolePolicies,CustomPolicyDocument,CustomPolicyDocuments,PolicyType")]
    [InlineData("RemovePermissionPolicyFromRoleConfiguration", "ZoneId,RoleConfigurationId,RolePolicyType,RolePolicyName,RolePolicyId")]
    [InlineData("ListPermissionPoliciesInRoleConfiguration", "ZoneId,RoleConfigurationId,RolePolicyType,Filter")]
    [InlineData("UpdateCustomPolicyForRoleConfiguration", "ZoneId,RoleConfigurationId,CustomPolicyName,NewCustomPolicyDocument")]
    public void SchemaMatchesTheSdkRequestModel(string action, string sdkFields)
    {
        Assert.True(ActionSchemas.TryGet(action, out var schema));
        Assert.Equal(sdkFields.Split(',').OrderBy(f => f, System.StringComparer.Ordinal), schema.Fields.Keys.OrderBy(f => f, System.StringComparer.Ordinal));
        if (action == "AddPermissionPolicyToRoleConfiguration")
            Assert.Equal(new[] { "PolicyId", "PolicyName" }, schema.Fields["RolePolicies"].Object!.Fields.Keys.OrderBy(f => f, System.StringComparer.Ordinal));
    }

    [Fact]
    public async Task CreateUpdateDeleteWithNameRulesAndNoCascade()
    {
        await using var e = await EmulatorScope.StartAsync();
        var c = e.Client;
        var created = (await c.OkAsync("CreateRoleConfiguration", Body("\"RoleConfigurationName\":\"ops-admin\",\"Description\":\"d\",\"SessionDuration\":900")))
            .GetProperty("RoleConfigurationInfo");
        string id = created.GetProperty("RoleConfigurationId").GetString()!;
        Assert.Matches("^rc-[a-z0-9]{12}$", id);
        Assert.Equal(900, created.GetProperty("SessionDuration").GetInt64());
        await c.FailsAsync("InvalidParameter.ConfigurationNameAlreadyExists", "CreateRoleConfiguration", Body("\"RoleConfigurationName\":\"OPS-admin\""));
        await c.FailsAsync("InvalidParameter.ConfigurationNameFormatError", "CreateRoleConfiguration", Body("\"RoleConfigurationName\":\"ops_admin\""));
        await c.FailsAsync("InvalidParameter.ConfigurationNameFormatError", "CreateRoleConfiguration", Body("\"RoleConfigurationName\":\"" + new string('a', 129) + "\""));
        await c.FailsAsync("InvalidParameterValue", "CreateRoleConfiguration", Body("\"RoleConfigurationName\":\"short\",\"SessionDuration\":899"));

        var updated = (await c.OkAsync("UpdateRoleConfiguration", Body("\"RoleConfigurationId\":\"" + id + "\",\"NewDescription\":\"new\",\"NewSessionDuration\":7200")))
            .GetProperty("RoleConfigurationInfo");
        Assert.Equal("new", updated.GetProperty("Description").GetString());
        Assert.Equal(7200, updated.GetProperty("SessionDuration").GetInt64());
        await c.FailsAsync("InvalidParameter.RoleConfigurationNotExist", "UpdateRoleConfiguration", Body("\"RoleConfigurationId\":\"rc-nothere\""));

        // Holds a policy: refused; deployed: refused; empty and undeployed: deleted.
        await c.OkAsync("AddPermissionPolicyToRoleConfiguration", Body("\"RoleConfigurationId\":\"" + id + "\",\"RolePolicyType\":\"System\",\"RolePolicies\":[{\"PolicyId\":2}]"));
        await c.FailsAsync("InvalidParameter.RolePolicyAlreadyExist", "DeleteRoleConfiguration", Body("\"RoleConfigurationId\":\"" + id + "\""));
        await c.OkAsync("RemovePermissionPolicyFromRoleConfiguration", Body("\"RoleConfigurationId\":\"" + id + "\",\"RolePolicyType\":\"System\",\"RolePolicyId\":2"));
        await c.OkAsync("ProvisionRoleConfiguration", Body("\"RoleConfigurationId\":\"" + id + "\",\"TargetType\":\"MemberUin\",\"TargetUin\":100000000001"));
        await c.FailsAsync("FailedOperation.RoleConfigurationProvisioningAlreadyDeployed", "DeleteRoleConfiguration", Body("\"RoleConfigurationId\":\"" + id + "\""));
        Assert.Contains(e.Server.State.RoleConfigurations, x => x.RoleConfigurationId == id);

        var fresh = (await c.OkAsync("CreateRoleConfiguration", Body("\"RoleConfigurationName\":\"empty\""))).GetProperty("RoleConfigurationInfo");
        await c.OkAsync("DeleteRoleConfiguration", Body("\"RoleConfigurationId\":\"" + fresh.GetProperty("RoleConfigurationId").GetString() + "\""));
        Assert.DoesNotContain(e.Server.State.RoleConfigurations, x => x.RoleConfigurationName == "empty");
    }

    [Fact]
    public async Task PoliciesAttachListUnpagedAndLimits()
    {
        await using var e = await EmulatorScope.StartAsync();
        var c = e.Client;
        string rc = "\"RoleConfigurationId\":\"rc-emuconfig004\",";
        var seeded = await c.OkAsync("ListPermissionPoliciesInRoleConfiguration", Body(rc.TrimEnd(',')));
        Assert.Equal(3, seeded.GetProperty("TotalCounts").GetInt64());
        var custom = seeded.GetProperty("RolePolicies").EnumerateArray().Single(p => p.GetProperty("RolePolicyType").GetString() == "Custom");
        Assert.False(custom.TryGetProperty("RolePolicyId", out _));
        Assert.Contains("vpc", custom.GetProperty("RolePolicyDocument").GetString());

        await c.OkAsync("AddPermissionPolicyToRoleConfiguration", Body(rc + "\"RolePolicyType\":\"System\",\"RolePolicyNames\":[\"ReadOnlyAccess\"]"));
        await c.FailsAsync("InvalidParameter.PolicyNameAlreadyExists", "AddPermissionPolicyToRoleConfiguration", Body(rc + "\"RolePolicyType\":\"System\",\"RolePolicies\":[{\"PolicyId\":2}]"));
        await c.FailsAsync("InvalidParameter.ParamError", "AddPermissionPolicyToRoleConfiguration", Body(rc + "\"RolePolicyType\":\"System\",\"RolePolicies\":[{\"PolicyId\":999}]"));
        await c.FailsAsync("FailedOperation.CustomPolicyOverUpperLimit", "AddPermissionPolicyToRoleConfiguration",
            Body(rc + "\"RolePolicyType\":\"Custom\",\"RolePolicyNames\":[\"second\"],\"CustomPolicyDocument\":" + Doc("cvm:*")));
        await c.FailsAsync("InvalidParameter.PolicyNameSizeOverUpperLimit", "AddPermissionPolicyToRoleConfiguration",
            Body("\"RoleConfigurationId\":\"rc-emuconfig001\",\"RolePolicyType\":\"Custom\",\"RolePolicyNames\":[\"" + new string('n', 33) + "\"],\"CustomPolicyDocument\":" + Doc("cvm:*")));
        await c.FailsAsync("InvalidParameter.PolicyDocumentEmpty", "AddPermissionPolicyToRoleConfiguration",
            Body("\"RoleConfigurationId\":\"rc-emuconfig001\",\"RolePolicyType\":\"Custom\",\"RolePolicyNames\":[\"x\"],\"CustomPolicyDocument\":\"\""));
        string big = JsonSerializer.Serialize("{\"version\":\"2.0\",\"statement\":[{\"effect\":\"allow\",\"action\":[\"" + new string('a', 4100) + "\"],\"resource\":[\"*\"]}]}");
        await c.FailsAsync("InvalidParameter.ParamError", "AddPermissionPolicyToRoleConfiguration",
            Body("\"RoleConfigurationId\":\"rc-emuconfig001\",\"RolePolicyType\":\"Custom\",\"RolePolicyNames\":[\"x\"],\"CustomPolicyDocument\":" + big));

        await c.OkAsync("UpdateCustomPolicyForRoleConfiguration", Body(rc + "\"CustomPolicyName\":\"dev-vpc\",\"NewCustomPolicyDocument\":" + Doc("cvm:*")));
        await c.FailsAsync("InvalidParameter.PolicyTypeError", "UpdateCustomPolicyForRoleConfiguration", Body(rc + "\"CustomPolicyName\":\"ReadOnlyAccess\",\"NewCustomPolicyDocument\":" + Doc("cvm:*")));
        await c.FailsAsync("InvalidParameter.RolePolicyNotExist", "UpdateCustomPolicyForRoleConfiguration", Body(rc + "\"CustomPolicyName\":\"nope\",\"NewCustomPolicyDocument\":" + Doc("cvm:*")));
        await c.FailsAsync("InvalidParameter.RolePolicyNotExist", "RemovePermissionPolicyFromRoleConfiguration", Body(rc + "\"RolePolicyType\":\"System\",\"RolePolicyId\":1"));

        var system = await c.OkAsync("ListPermissionPoliciesInRoleConfiguration", Body(rc + "\"RolePolicyType\":\"System\""));
        Assert.Equal(new long[] { 5, 6, 2 }, system.GetProperty("RolePolicies").EnumerateArray().Select(p => p.GetProperty("RolePolicyId").GetInt64()));
        Assert.False(system.TryGetProperty("NextToken", out _));
        Assert.Contains("cvm:*", e.Server.State.RoleConfigurations.Single(x => x.RoleConfigurationId == "rc-emuconfig004").Policies.Single(p => p.RolePolicyType == "Custom").RolePolicyDocument);
    }

    [Fact]
    public async Task PolicyChangeMarksOnlyThatConfigurationsDeploymentsDeployedRequired()
    {
        await using var e = await EmulatorScope.StartAsync(o => o.TaskPollsToComplete = 0);
        var c = e.Client;
        foreach (var (config, uin) in new[] { ("rc-emuconfig003", 100000000001L), ("rc-emuconfig003", 100000000002L), ("rc-emuconfig004", 100000000001L) })
        {
            string taskId = (await c.OkAsync("ProvisionRoleConfiguration", Body("\"RoleConfigurationId\":\"" + config + "\",\"TargetType\":\"MemberUin\",\"TargetUin\":" + uin)))
                .GetProperty("Task").GetProperty("TaskId").GetString()!;
            await c.OkAsync("GetTaskStatus", Body("\"TaskId\":\"" + taskId + "\""));
        }
        Assert.All(e.Server.State.Provisionings, p => Assert.Equal("Deployed", p.DeploymentStatus));

        await c.OkAsync("UpdateCustomPolicyForRoleConfiguration", Body("\"RoleConfigurationId\":\"rc-emuconfig003\",\"CustomPolicyName\":\"finance-deny-cam\",\"NewCustomPolicyDocument\":" + Doc("cam:*")));
        var required = await c.OkAsync("ListRoleConfigurationProvisionings", Body("\"DeploymentStatus\":\"DeployedRequired\""));
        Assert.Equal(new[] { "rc-emuconfig003/100000000001", "rc-emuconfig003/100000000002" },
            required.GetProperty("RoleConfigurationProvisionings").EnumerateArray()
                .Select(p => p.GetProperty("RoleConfigurationId").GetString() + "/" + p.GetProperty("TargetUin").GetInt64()).OrderBy(x => x));

        // Deploying again is the re-deploy (spec §6): the row is Deployed once its task ends.
        string again = (await c.OkAsync("ProvisionRoleConfiguration", Body("\"RoleConfigurationId\":\"rc-emuconfig003\",\"TargetType\":\"MemberUin\",\"TargetUin\":100000000001")))
            .GetProperty("Task").GetProperty("TaskId").GetString()!;
        await c.OkAsync("GetTaskStatus", Body("\"TaskId\":\"" + again + "\""));
        Assert.Equal("Deployed", e.Server.State.Provisionings.Single(p => p.RoleConfigurationId == "rc-emuconfig003" && p.TargetUin == 100000000001).DeploymentStatus);
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using System.Text.Json;
using TencentOrg.Emulator;
using Xunit;

namespace TencentOrg.Tests.Emulator;

public sealed class EmulatorTaskTests
{
    private const string Zone = "z-emulator0001";
    private const string Target = "\"RoleConfigurationId\":\"rc-emuconfig001\",\"TargetType\":\"MemberUin\",\"TargetUin\":100000000001";
    private const string Key = Target + ",\"PrincipalType\":\"User\",\"PrincipalId\":\"u-emuuser00001\"";

    private static async Task<string> PollAsync(EmulatorTestClient c, string taskId, int max = 10)
    {
        for (int i = 0; i < max; i++)
        {
            var status = (await c.OkAsync("GetTaskStatus", "{\"ZoneId\":\"" + Zone + "\",\"TaskId\":\"" + taskId + "\"}")).GetProperty("TaskStatus");
            string s = status.GetProperty("Status").GetString()!;
            if (s != "InProgress") return s + ":" + status.GetProperty("FailureReason").GetString();
        }
        return "InProgress";
    }

    private static async Task<string> CreateAsync(EmulatorTestClient c)
    {
        var created = await c.OkAsync("CreateRoleAssignment", "{\"ZoneId\":\"" + Zone + "\",\"RoleAssignmentInfo\":[{" + Key + "}]}");
        return created.GetProperty("Tasks")[0].GetProperty("TaskId").GetString()!;
    }

    [Fact]
    public async Task TaskFinishesAfterConfiguredPollsAndDeploys()
    {
        await using var e = await EmulatorScope.StartAsync(o => o.TaskPollsToComplete = 2);
        var c = e.Client;
        string taskId = await CreateAsync(c);
        var statuses = new List<string>();
        for (int i = 0; i < 3; i++)
            statuses.Add((await c.OkAsync("GetTaskStatus", "{\"ZoneId\":\"" + Zone + "\",\"TaskId\":\"" + taskId + "\"}")).GetProperty("TaskStatus").GetProperty("Status").GetString()!);
        Assert.Equal(new[] { "InProgress", "InProgress", "Success" }, statuses);

        var provisionings = await c.OkAsync("ListRoleConfigurationProvisionings", "{\"ZoneId\":\"" + Zone + "\",\"TargetUin\":100000000001}");
        Assert.Equal("Deployed", provisionings.GetProperty("RoleConfigurationProvisionings")[0].GetProperty("DeploymentStatus").GetString());
        var tasks = await c.OkAsync("ListTasks", "{\"ZoneId\":\"" + Zone + "\",\"Status\":\"Success\"}");
        Assert.Equal(1, tasks.GetProperty("TotalCounts").GetInt64());

        await c.FailsAsync("ResourceNotFound.RoleConfigurationTaskNotFound", "GetTaskStatus", "{\"ZoneId\":\"" + Zone + "\",\"TaskId\":\"t-000000000000\"}");
        await c.FailsAsync("FailedOperation.RoleConfigurationAuthorizationExist", "DismantleRoleConfiguration", "{\"ZoneId\":\"" + Zone + "\"," + Target + "}");

        // Deleting the last assignment with the deprovision strategy also removes the deployment.
        var deleted = await c.OkAsync("DeleteRoleAssignment", "{\"ZoneId\":\"" + Zone + "\"," + Key + ",\"DeprovisionStrategy\":\"DeprovisionForLastRoleAssignmentOnAccount\"}");
        Assert.Equal("DeleteRoleAssignment", deleted.GetProperty("Task").GetProperty("TaskType").GetString());
        Assert.Equal("Success:", await PollAsync(c, deleted.GetProperty("Task").GetProperty("TaskId").GetString()!));
        Assert.Empty(e.Server.State.Provisionings);
        await c.FailsAsync("ResourceNotFound.RoleConfigurationProvisioningNotFound", "DismantleRoleConfiguration", "{\"ZoneId\":\"" + Zone + "\"," + Target + "}");
    }

    [Fact]
    public async Task ProvisionAndDismantle()
    {
        await using var e = await EmulatorScope.StartAsync(o => o.TaskPollsToComplete = 0);
        var c = e.Client;
        var provision = await c.OkAsync("ProvisionRoleConfiguration", "{\"ZoneId\":\"" + Zone + "\"," + Target + "}");
        var task = provision.GetProperty("Task");
        Assert.Equal("InProgress", task.GetProperty("TaskStatus").GetString());
        Assert.Equal("Success:", await PollAsync(c, task.GetProperty("TaskId").GetString()!));
        Assert.Single(e.Server.State.Provisionings);
        var dismantle = await c.OkAsync("DismantleRoleConfiguration", "{\"ZoneId\":\"" + Zone + "\"," + Target + "}");
        Assert.Equal("DeprovisionRoleConfiguration", dismantle.GetProperty("Task").GetProperty("TaskType").GetString());
        Assert.Equal("Success:", await PollAsync(c, dismantle.GetProperty("Task").GetProperty("TaskId").GetString()!));
        Assert.Empty(e.Server.State.Provisionings);
        await c.FailsAsync("FailedOperation.OrganizationMemberNotExist", "ProvisionRoleConfiguration",
            "{\"ZoneId\":\"" + Zone + "\",\"RoleConfigurationId\":\"rc-emuconfig001\",\"TargetType\":\"MemberUin\",\"TargetUin\":123}");
    }

    [Fact]
    public async Task FailureRuleFailsMatchingTasksAndUndoesTheAssignment()
    {
        await using var e = await EmulatorScope.StartAsync(o =>
        {
            o.TaskPollsToComplete = 0;
            o.TaskFailures.Add(new TaskFailureRule { PrincipalId = "u-emuuser00001", FailureReason = "quota exhausted" });
        });
        string taskId = await CreateAsync(e.Client);
        Assert.Equal("Failed:quota exhausted", await PollAsync(e.Client, taskId));
        Assert.Empty(e.Server.State.RoleAssignments);
        Assert.Empty(e.Server.State.Provisionings);
        var listed = await e.Client.OkAsync("ListTasks", "{\"ZoneId\":\"" + Zone + "\",\"Status\":\"Failed\"}");
        Assert.Equal("quota exhausted", listed.GetProperty("Tasks")[0].GetProperty("FailureReason").GetString());
    }

    [Fact]
    public async Task GetProvisioningTaskStatusDoesNotKnowRoleTasks()
    {
        await using var e = await EmulatorScope.StartAsync();
        string taskId = await CreateAsync(e.Client);
        // User-synchronization tasks only (spec §4.20); the role task is read with GetTaskStatus.
        await e.Client.FailsAsync("ResourceNotFound.UserProvisioningTaskNotFound", "GetProvisioningTaskStatus",
            "{\"ZoneId\":\"" + Zone + "\",\"TaskId\":\"" + taskId + "\"}");
        await e.Client.FailsAsync("FailedOperation.ZoneIdNotExist", "GetProvisioningTaskStatus", "{\"ZoneId\":\"z-emulator0009\",\"TaskId\":\"" + taskId + "\"}");
        await e.Client.FailsAsync("MissingParameter", "GetProvisioningTaskStatus", "{\"ZoneId\":\"" + Zone + "\"}");
    }
}

using System.Threading.Tasks;
using TencentOrg.Emulator;
using Xunit;

namespace TencentOrg.Tests.Emulator;

/// <summary>
/// The role assignments carry a hash index for the duplicate check (docs/performance.md): every way an
/// assignment leaves the state (delete, failed create task) must free its key again.
/// </summary>
public sealed class EmulatorAssignmentIndexTests
{
    private const string Zone = "z-emulator0001";
    private const string Key = "\"RoleConfigurationId\":\"rc-emuconfig001\",\"TargetType\":\"MemberUin\",\"TargetUin\":100000000001,\"PrincipalType\":\"User\",\"PrincipalId\":\"u-emuuser00001\"";
    private const string Create = "{\"ZoneId\":\"" + Zone + "\",\"RoleAssignmentInfo\":[{" + Key + "}]}";
    private const string Duplicate = "FailedOperation.RoleConfigurationAuthorizationAlreadyExist";

    [Fact]
    public async Task DeletedAssignmentCanBeCreatedAgain()
    {
        await using var e = await EmulatorScope.StartAsync(o => o.TaskPollsToComplete = 0);
        var c = e.Client;
        await c.OkAsync("CreateRoleAssignment", Create);
        await c.FailsAsync(Duplicate, "CreateRoleAssignment", Create);
        await c.OkAsync("DeleteRoleAssignment", "{\"ZoneId\":\"" + Zone + "\"," + Key + "}");
        Assert.Empty(e.Server.State.RoleAssignments);
        await c.OkAsync("CreateRoleAssignment", Create);
        await c.FailsAsync(Duplicate, "CreateRoleAssignment", Create);
        Assert.Single(e.Server.State.RoleAssignments);
    }

    [Fact]
    public async Task FailedCreateTaskFreesTheKey()
    {
        await using var e = await EmulatorScope.StartAsync(o =>
        {
            o.TaskPollsToComplete = 0;
            o.TaskFailures.Add(new TaskFailureRule { PrincipalId = "u-emuuser00001", TaskType = "CreateRoleAssignment" });
        });
        var c = e.Client;
        var created = await c.OkAsync("CreateRoleAssignment", Create);
        string taskId = created.GetProperty("Tasks")[0].GetProperty("TaskId").GetString()!;
        var status = await c.OkAsync("GetTaskStatus", "{\"ZoneId\":\"" + Zone + "\",\"TaskId\":\"" + taskId + "\"}");
        Assert.Equal("Failed", status.GetProperty("TaskStatus").GetProperty("Status").GetString());
        Assert.Empty(e.Server.State.RoleAssignments);
        await c.OkAsync("CreateRoleAssignment", Create);
        Assert.Single(e.Server.State.RoleAssignments, a => a.PrincipalId == "u-emuuser00001");
    }
}

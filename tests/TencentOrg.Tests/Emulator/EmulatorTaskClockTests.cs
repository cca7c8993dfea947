using System;
using System.Linq;
using System.Threading.Tasks;
using System.Text.Json;
using TencentOrg.Emulator;
using Xunit;

namespace TencentOrg.Tests.Emulator;

/// <summary>EmulatorOptions.TaskDuration and ListTasksRetention on a ManualClock: time passes without sleeping.</summary>
public sealed class EmulatorTaskClockTests
{
    private const string Zone = "z-emulator0001";

    private static string Key(long uin, string principal = "u-emuuser00001") =>
        "\"RoleConfigurationId\":\"rc-emuconfig001\",\"TargetType\":\"MemberUin\",\"TargetUin\":" + uin
        + ",\"PrincipalType\":\"User\",\"PrincipalId\":\"" + principal + "\"";

    private static async Task<string> CreateAsync(EmulatorTestClient c, long uin = 100000000001)
    {
        var created = await c.OkAsync("CreateRoleAssignment", "{\"ZoneId\":\"" + Zone + "\",\"RoleAssignmentInfo\":[{" + Key(uin) + "}]}");
        return created.GetProperty("Tasks")[0].GetProperty("TaskId").GetString()!;
    }

    private static async Task<string> StatusAsync(EmulatorTestClient c, string taskId) =>
        (await c.OkAsync("GetTaskStatus", "{\"ZoneId\":\"" + Zone + "\",\"TaskId\":\"" + taskId + "\"}"))
            .GetProperty("TaskStatus").GetProperty("Status").GetString()!;

    private static async Task<string[]> ListedAsync(EmulatorTestClient c, string filter = "")
    {
        var page = await c.OkAsync("ListTasks", "{\"ZoneId\":\"" + Zone + "\",\"MaxResults\":100" + filter + "}");
        return page.GetProperty("Tasks").EnumerateArray().Select(t => t.GetProperty("TaskId").GetString() + "=" + t.GetProperty("Status").GetString()).ToArray();
    }

    private static async Task<string[]> DeploymentsAsync(EmulatorTestClient c) =>
        (await c.OkAsync("ListRoleConfigurationProvisionings", "{\"ZoneId\":\"" + Zone + "\",\"TargetUin\":100000000001}"))
            .GetProperty("RoleConfigurationProvisionings").EnumerateArray().Select(p => p.GetProperty("DeploymentStatus").GetString()!).ToArray();

    [Fact]
    public async Task TaskDurationFinishesTasksByAgeNotByPolls()
    {
        var clock = new ManualClock();
        await using var e = await EmulatorScope.StartAsync(o =>
        {
            o.Clock = clock;
            o.TaskDuration = TimeSpan.FromSeconds(30);
            o.TaskPollsToComplete = 0; // would finish on the first poll if polls still counted
        });
        var c = e.Client;
        string taskId = await CreateAsync(c);

        for (int i = 0; i < 3; i++) Assert.Equal("InProgress", await StatusAsync(c, taskId));
        clock.Advance(TimeSpan.FromSeconds(29.9));
        Assert.Equal(new[] { taskId + "=InProgress" }, await ListedAsync(c));
        Assert.Empty(await DeploymentsAsync(c));
        Assert.Equal("InProgress", await StatusAsync(c, taskId));

        clock.Advance(TimeSpan.FromSeconds(0.1));
        // Each view sees the finish on its own, without a GetTaskStatus first.
        Assert.Equal(new[] { "Deployed" }, await DeploymentsAsync(c));
        Assert.Equal(new[] { taskId + "=Success" }, await ListedAsync(c, ",\"Status\":\"Success\""));
        Assert.Equal("Success", await StatusAsync(c, taskId));
        var task = Assert.Single(e.Server.State.Tasks);
        Assert.Equal(task.CreatedAt + TimeSpan.FromSeconds(30), task.FinishedAt);
    }

    [Fact]
    public async Task TaskDurationAppliesFailureRulesWhenTheTimeComes()
    {
        var clock = new ManualClock();
        await using var e = await EmulatorScope.StartAsync(o =>
        {
            o.Clock = clock;
            o.TaskDuration = TimeSpan.FromSeconds(5);
            o.TaskFailures.Add(new TaskFailureRule { TargetUin = 100000000002, FailureReason = "account frozen" });
        });
        var c = e.Client;
        string ok = await CreateAsync(c, 100000000001);
        string failing = await CreateAsync(c, 100000000002);
        Assert.Equal(2, e.Server.State.RoleAssignments.Count);

        clock.Advance(TimeSpan.FromSeconds(5));
        var listed = await c.OkAsync("ListTasks", "{\"ZoneId\":\"" + Zone + "\",\"Status\":\"Failed\"}");
        var failed = Assert.Single(listed.GetProperty("Tasks").EnumerateArray());
        Assert.Equal(failing, failed.GetProperty("TaskId").GetString());
        Assert.Equal("account frozen", failed.GetProperty("FailureReason").GetString());
        Assert.Equal("Success", await StatusAsync(c, ok));
        // The failed create left nothing behind.
        Assert.Equal(100000000001, Assert.Single(e.Server.State.RoleAssignments).TargetUin);
    }

    [Fact]
    public async Task StepAfterActionMovesTheClockOncePerListTasksRound()
    {
        var clock = new ManualClock();
        clock.StepAfterAction["ListTasks"] = TimeSpan.FromSeconds(10);
        await using var e = await EmulatorScope.StartAsync(o => { o.Clock = clock; o.TaskDuration = TimeSpan.FromSeconds(25); });
        var c = e.Client;
        string taskId = await CreateAsync(c);
        var start = clock.GetUtcNow();

        // Rounds at 0 s, 10 s and 20 s see it running; the round at 30 s sees it done.
        for (int round = 0; round < 3; round++) Assert.Equal(new[] { taskId + "=InProgress" }, await ListedAsync(c));
        Assert.Equal(new[] { taskId + "=Success" }, await ListedAsync(c));
        Assert.Equal(TimeSpan.FromSeconds(40), clock.GetUtcNow() - start);
        // Other actions leave the clock alone.
        await StatusAsync(c, taskId);
        Assert.Equal(TimeSpan.FromSeconds(40), clock.GetUtcNow() - start);
    }

    [Fact]
    public async Task ListTasksRetentionDropsOldTasksWhileGetTaskStatusStillAnswers()
    {
        var clock = new ManualClock();
        await using var e = await EmulatorScope.StartAsync(o =>
        {
            o.Clock = clock;
            o.TaskDuration = TimeSpan.FromSeconds(1);
            o.ListTasksRetention = TimeSpan.FromSeconds(60);
        });
        var c = e.Client;
        string old = await CreateAsync(c, 100000000001);
        clock.Advance(TimeSpan.FromSeconds(60));
        string recent = await CreateAsync(c, 100000000002);
        Assert.Equal(new[] { old + "=Success", recent + "=InProgress" }, await ListedAsync(c));

        clock.Advance(TimeSpan.FromSeconds(1));
        var page = await c.OkAsync("ListTasks", "{\"ZoneId\":\"" + Zone + "\"}");
        Assert.Equal(1, page.GetProperty("TotalCounts").GetInt64());
        Assert.Equal(new[] { recent + "=Success" }, await ListedAsync(c));
        Assert.Equal("Success", await StatusAsync(c, old));
    }

    [Fact]
    public async Task WithoutRetentionEveryTaskStaysListed()
    {
        var clock = new ManualClock();
        // Listings count as looks under poll counting; this task never finishes, so only retention is in question.
        await using var e = await EmulatorScope.StartAsync(o => { o.Clock = clock; o.TaskPollsToComplete = int.MaxValue; });
        string taskId = await CreateAsync(e.Client);
        clock.Advance(TimeSpan.FromDays(400));
        Assert.Single(await ListedAsync(e.Client));
        Assert.Contains(taskId + "=InProgress", await ListedAsync(e.Client));
    }

    [Fact]
    public async Task ManualClockStampsNewResourcesWhileSignaturesUseRealTime()
    {
        var clock = new ManualClock(new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero));
        await using var e = await EmulatorScope.StartAsync(o => o.Clock = clock);
        // Signed with the real time, years away from the manual clock, and still accepted.
        await CreateAsync(e.Client);
        var listed = await e.Client.OkAsync("ListRoleAssignments", "{\"ZoneId\":\"" + Zone + "\"}");
        Assert.Equal("2030-01-02 03:04:05", listed.GetProperty("RoleAssignments")[0].GetProperty("CreateTime").GetString());
        Assert.Throws<ArgumentOutOfRangeException>(() => clock.Advance(TimeSpan.FromSeconds(-1)));
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using System.Text.Json;
using TencentOrg.Emulator;
using Xunit;

namespace TencentOrg.Tests.Emulator;

/// <summary>ListTasks against spec §4.9: each listed filter, MaxResults 1-100, NextToken pages in creation order.</summary>
public sealed class EmulatorListTasksTests
{
    private const string Zone = "z-emulator0001";

    private static string Item(string config, string targetType, long uin, string principalType, string principal) =>
        "{\"RoleConfigurationId\":\"" + config + "\",\"TargetType\":\"" + targetType + "\",\"TargetUin\":" + uin
        + ",\"PrincipalType\":\"" + principalType + "\",\"PrincipalId\":\"" + principal + "\"}";

    /// <summary>Six tasks that differ in one field each, one of them failed, plus a deployment task.</summary>
    private static async Task<EmulatorScope> StartWithTasksAsync()
    {
        var e = await EmulatorScope.StartAsync(o =>
        {
            o.TaskPollsToComplete = 0;
            o.TaskFailures.Add(new TaskFailureRule { TargetUin = 100000000003, FailureReason = "frozen" });
        });
        var c = e.Client;
        await c.OkAsync("CreateRoleAssignment", "{\"ZoneId\":\"" + Zone + "\",\"RoleAssignmentInfo\":["
            + Item("rc-emuconfig001", "MemberUin", 100000000001, "User", "u-emuuser00001") + ","
            + Item("rc-emuconfig002", "MemberUin", 100000000001, "User", "u-emuuser00001") + ","
            + Item("rc-emuconfig001", "MemberUin", 100000000002, "User", "u-emuuser00001") + ","
            + Item("rc-emuconfig001", "MemberUin", 100000000001, "User", "u-emuuser00002") + ","
            + Item("rc-emuconfig001", "MemberUin", 100000000001, "Group", "g-emugroup0001") + ","
            + Item("rc-emuconfig001", "ManagerUin", 100000000000, "User", "u-emuuser00001") + ","
            + Item("rc-emuconfig001", "MemberUin", 100000000003, "User", "u-emuuser00001") + "]}");
        await c.OkAsync("ProvisionRoleConfiguration", "{\"ZoneId\":\"" + Zone + "\",\"RoleConfigurationId\":\"rc-emuconfig004\",\"TargetType\":\"MemberUin\",\"TargetUin\":100000000004}");
        // Finish the task on 100000000003 (Failed) and the deployment task; the rest stay InProgress.
        foreach (var t in e.Server.State.Tasks.Where(t => t.TargetUin is 100000000003 or 100000000004))
            await c.OkAsync("GetTaskStatus", "{\"ZoneId\":\"" + Zone + "\",\"TaskId\":\"" + t.TaskId + "\"}");
        // From now on a look (a listing's first page counts as one) never finishes a task, so the listings below see this state.
        e.Server.Options.TaskPollsToComplete = int.MaxValue;
        return e;
    }

    private static async Task<List<string>> ListIdsAsync(EmulatorTestClient c, string filter)
    {
        var page = await c.OkAsync("ListTasks", "{\"ZoneId\":\"" + Zone + "\",\"MaxResults\":100" + filter + "}");
        var ids = page.GetProperty("Tasks").EnumerateArray().Select(t => t.GetProperty("TaskId").GetString()!).ToList();
        Assert.Equal(ids.Count, page.GetProperty("TotalCounts").GetInt64());
        return ids;
    }

    public static TheoryData<string, string> Filters() => new()
    {
        { ",\"RoleConfigurationId\":\"rc-emuconfig002\"", "RoleConfigurationId" },
        { ",\"PrincipalId\":\"u-emuuser00002\"", "PrincipalId" },
        { ",\"PrincipalType\":\"Group\"", "PrincipalType" },
        { ",\"TargetUin\":100000000002", "TargetUin" },
        { ",\"TargetType\":\"ManagerUin\"", "TargetType" },
        { ",\"Status\":\"Failed\"", "Status" },
        { ",\"Status\":\"Success\"", "Status" },
        { ",\"TaskType\":\"ProvisionRoleConfiguration\"", "TaskType" },
        { ",\"RoleConfigurationId\":\"rc-emuconfig001\",\"TargetUin\":100000000001,\"PrincipalType\":\"User\"", "combined" },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task EachSpecFilterSelectsExactlyTheMatchingTasks(string filter, string field)
    {
        await using var e = await StartWithTasksAsync();
        var tasks = e.Server.State.Tasks;
        using var doc = JsonDocument.Parse("{" + filter.TrimStart(',') + "}");
        bool Matches(EmulatedTask t) => doc.RootElement.EnumerateObject().All(f => f.Name switch
        {
            "RoleConfigurationId" => t.RoleConfigurationId == f.Value.GetString(),
            "PrincipalId" => t.PrincipalId == f.Value.GetString(),
            "PrincipalType" => t.PrincipalType == f.Value.GetString(),
            "TargetUin" => t.TargetUin == f.Value.GetInt64(),
            "TargetType" => t.TargetType == f.Value.GetString(),
            "Status" => t.Status == f.Value.GetString(),
            "TaskType" => t.TaskType == f.Value.GetString(),
            _ => throw new InvalidOperationException(field),
        });
        var expected = tasks.Where(Matches).Select(t => t.TaskId).ToList();
        Assert.NotEmpty(expected);
        Assert.True(expected.Count < tasks.Count, "the filter " + field + " must leave some tasks out");
        Assert.Equal(expected, await ListIdsAsync(e.Client, filter));
    }

    [Fact]
    public async Task UnfilteredListingShowsEveryTaskOldestFirst()
    {
        await using var e = await StartWithTasksAsync();
        var all = await ListIdsAsync(e.Client, "");
        Assert.Equal(8, all.Count);
        Assert.Equal(e.Server.State.Tasks.OrderBy(t => t.CreatedAt).Select(t => t.TaskId), all);
    }

    [Fact]
    public async Task MaxResultsIsOneToHundredAndNextTokenPagesAreDisjoint()
    {
        await using var e = await EmulatorScope.StartAsync(o => { o.GeneratedMemberCount = 150; o.RateLimitPerSecond = 0; });
        var c = e.Client;
        for (int batch = 0; batch < 3; batch++)
        {
            var items = Enumerable.Range(1 + batch * 50, 50).Select(i => Item("rc-emuconfig001", "MemberUin", 100000000000 + i, "User", "u-emuuser00001"));
            await c.OkAsync("CreateRoleAssignment", "{\"ZoneId\":\"" + Zone + "\",\"RoleAssignmentInfo\":[" + string.Join(",", items) + "]}");
        }
        await c.FailsAsync("InvalidParameterValue", "ListTasks", "{\"ZoneId\":\"" + Zone + "\",\"MaxResults\":101}");
        await c.FailsAsync("InvalidParameterValue", "ListTasks", "{\"ZoneId\":\"" + Zone + "\",\"MaxResults\":0}");
        Assert.Equal(10, (await c.OkAsync("ListTasks", "{\"ZoneId\":\"" + Zone + "\"}")).GetProperty("Tasks").GetArrayLength());

        var first = await c.OkAsync("ListTasks", "{\"ZoneId\":\"" + Zone + "\",\"MaxResults\":100}");
        Assert.True(first.GetProperty("IsTruncated").GetBoolean());
        Assert.Equal(150, first.GetProperty("TotalCounts").GetInt64());
        string token = first.GetProperty("NextToken").GetString()!;
        var second = await c.OkAsync("ListTasks", "{\"ZoneId\":\"" + Zone + "\",\"MaxResults\":100,\"NextToken\":\"" + token + "\"}");
        Assert.False(second.GetProperty("IsTruncated").GetBoolean());
        Assert.Equal("", second.GetProperty("NextToken").GetString());
        var ids = first.GetProperty("Tasks").EnumerateArray().Concat(second.GetProperty("Tasks").EnumerateArray())
            .Select(t => t.GetProperty("TaskId").GetString()).ToList();
        Assert.Equal(e.Server.State.Tasks.Select(t => t.TaskId), ids);
    }
}

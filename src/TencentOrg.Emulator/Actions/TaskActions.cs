using System.Text.Json.Nodes;

namespace TencentOrg.Emulator.Actions;

/// <summary>GetTaskStatus (the poller, spec §4.8, §6) and ListTasks (spec §4.9): every filter the spec lists, MaxResults 1-100.</summary>
public static class TaskActions
{
    public static JsonObject GetTaskStatus(ActionContext ctx)
    {
        ctx.RequireZone();
        string taskId = ctx.Params.String("TaskId")!;
        var task = ctx.State.FindTask(taskId)
            ?? throw new ApiException("ResourceNotFound.RoleConfigurationTaskNotFound", "The task " + taskId + " does not exist.");
        ctx.State.Advance(task, isPoll: true);
        return new JsonObject
        {
            ["TaskStatus"] = new JsonObject
            {
                ["Status"] = task.Status,
                ["TaskId"] = task.TaskId,
                ["TaskType"] = task.TaskType,
                ["FailureReason"] = task.FailureReason ?? "",
            },
        };
    }

    public static JsonObject ListTasks(ActionContext ctx)
    {
        ctx.RequireZone();
        var p = ctx.Params;
        var state = ctx.State;
        state.AdvanceAll();
        IEnumerable<EmulatedTask> rows = state.TaskList;
        // Oldest first (creation order): the spec gives no order, and a stable one keeps NextToken pages disjoint.
        if (ctx.Options.ListTasksRetention is TimeSpan retention)
        {
            var now = state.Now;
            rows = rows.Where(t => now - t.CreatedAt <= retention);
        }
        if (p.String("PrincipalId") is string principalId) rows = rows.Where(t => t.PrincipalId == principalId);
        if (p.String("PrincipalType") is string principalType) rows = rows.Where(t => t.PrincipalType == principalType);
        if (p.Int64("TargetUin") is long targetUin) rows = rows.Where(t => t.TargetUin == targetUin);
        if (p.String("TargetType") is string targetType) rows = rows.Where(t => t.TargetType == targetType);
        if (p.String("RoleConfigurationId") is string configId) rows = rows.Where(t => t.RoleConfigurationId == configId);
        // A listing looks at the tasks it matches, as a poll does: under poll counting (no TaskDuration) the first page
        // of a listing counts as one look at each, so a client that follows tasks by listing sees them finish too.
        if (ctx.Options.TaskDuration is null && string.IsNullOrEmpty(p.String("NextToken")))
        {
            rows = rows.ToList();
            foreach (var task in rows) state.Advance(task, isPoll: true);
        }
        if (p.String("Status") is string status) rows = rows.Where(t => t.Status == status);
        if (p.String("TaskType") is string taskType) rows = rows.Where(t => t.TaskType == taskType);

        var response = new JsonObject();
        response["Tasks"] = Paging.TokenPage(ctx, rows.ToList(), t => TaskInfoJson(state, t), response);
        return response;
    }

    internal static JsonObject TaskInfoJson(EmulatorState state, EmulatedTask task)
    {
        var o = new JsonObject
        {
            ["TaskId"] = task.TaskId,
            ["RoleConfigurationId"] = task.RoleConfigurationId,
            ["RoleConfigurationName"] = state.RoleConfigurationList.FirstOrDefault(c => c.RoleConfigurationId == task.RoleConfigurationId)?.RoleConfigurationName ?? "",
            ["TargetUin"] = task.TargetUin,
            ["TargetType"] = task.TargetType,
            ["PrincipalId"] = task.PrincipalId ?? "",
            ["PrincipalType"] = task.PrincipalType ?? "",
            ["TaskType"] = task.TaskType,
            ["Status"] = task.Status,
        };
        if (task.FailureReason is not null) o["FailureReason"] = task.FailureReason;
        return o;
    }
}

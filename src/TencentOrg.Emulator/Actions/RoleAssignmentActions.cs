using System.Text.Json.Nodes;

namespace TencentOrg.Emulator.Actions;

/// <summary>Role assignments: create, delete, list (spec §2.3, §4.6, §4.7).</summary>
public static class RoleAssignmentActions
{
    /// <summary>All items are validated before any is created, so a failed call changes nothing.</summary>
    public static JsonObject CreateRoleAssignment(ActionContext ctx)
    {
        ctx.RequireZone();
        var state = ctx.State;
        var wanted = new List<RoleAssignment>();
        foreach (var item in ctx.Params.Objects("RoleAssignmentInfo"))
        {
            var assignment = new RoleAssignment
            {
                RoleConfigurationId = item.String("RoleConfigurationId")!,
                TargetType = item.String("TargetType")!,
                TargetUin = item.Int64("TargetUin")!.Value,
                PrincipalType = item.String("PrincipalType")!,
                PrincipalId = item.String("PrincipalId")!,
                CreateTime = state.NowText,
                UpdateTime = state.NowText,
            };
            Lookups.FindConfiguration(state, assignment.RoleConfigurationId);
            Lookups.RequirePrincipal(state, assignment.PrincipalType, assignment.PrincipalId);
            Lookups.RequireTarget(state, assignment.TargetType, assignment.TargetUin);
            if (state.AssignmentList.ContainsKey(assignment) || wanted.Any(a => a.SameKey(assignment)))
                throw new ApiException("FailedOperation.RoleConfigurationAuthorizationAlreadyExist",
                    "The assignment of " + assignment.RoleConfigurationId + " to " + assignment.PrincipalId + " on " + assignment.TargetUin + " already exists.");
            wanted.Add(assignment);
        }

        var tasks = new JsonArray();
        foreach (var assignment in wanted)
        {
            state.AssignmentList.Add(assignment);
            var task = state.NewTask("CreateRoleAssignment", assignment.RoleConfigurationId, assignment.TargetType, assignment.TargetUin,
                assignment.PrincipalType, assignment.PrincipalId);
            tasks.Add(TaskActions.TaskInfoJson(state, task));
        }
        return new JsonObject { ["Tasks"] = tasks };
    }

    public static JsonObject DeleteRoleAssignment(ActionContext ctx)
    {
        ctx.RequireZone();
        var p = ctx.Params;
        var state = ctx.State;
        var key = new RoleAssignment
        {
            RoleConfigurationId = p.String("RoleConfigurationId")!, TargetType = p.String("TargetType")!, TargetUin = p.Int64("TargetUin")!.Value,
            PrincipalType = p.String("PrincipalType")!, PrincipalId = p.String("PrincipalId")!,
        };
        var existing = state.AssignmentList.FirstOrDefault(a => a.SameKey(key))
            ?? throw new ApiException("ResourceNotFound.RoleConfigurationAuthorizationNotFound", "No such role assignment.");
        // The assignment disappears at once; the task models the asynchronous clean-up on the account.
        state.AssignmentList.Remove(existing);
        var task = state.NewTask("DeleteRoleAssignment", key.RoleConfigurationId, key.TargetType, key.TargetUin, key.PrincipalType, key.PrincipalId);
        task.DeprovisionLast = p.String("DeprovisionStrategy") == "DeprovisionForLastRoleAssignmentOnAccount";
        return new JsonObject { ["Task"] = TaskActions.TaskInfoJson(state, task) };
    }

    public static JsonObject ListRoleAssignments(ActionContext ctx)
    {
        ctx.RequireZone();
        var p = ctx.Params;
        var state = ctx.State;
        // Finished tasks apply first (a failed create removes its assignment), as ListTasks does.
        state.AdvanceAll();
        IEnumerable<RoleAssignment> rows = state.AssignmentList;
        if (p.String("RoleConfigurationId") is string configId) rows = rows.Where(a => a.RoleConfigurationId == configId);
        if (p.String("TargetType") is string targetType) rows = rows.Where(a => a.TargetType == targetType);
        if (p.Int64("TargetUin") is long targetUin) rows = rows.Where(a => a.TargetUin == targetUin);
        if (p.String("PrincipalType") is string principalType) rows = rows.Where(a => a.PrincipalType == principalType);
        if (p.String("PrincipalId") is string principalId) rows = rows.Where(a => a.PrincipalId == principalId);
        if (p.String("Filter") is { Length: > 0 } filter)
            rows = rows.Where(a => Lookups.ConfigName(state, a.RoleConfigurationId).Contains(filter, StringComparison.OrdinalIgnoreCase));

        var response = new JsonObject();
        response["RoleAssignments"] = Paging.TokenPage(ctx, rows.ToList(), a => new JsonObject
        {
            ["RoleConfigurationId"] = a.RoleConfigurationId,
            ["RoleConfigurationName"] = Lookups.ConfigName(state, a.RoleConfigurationId),
            ["TargetUin"] = a.TargetUin,
            ["TargetType"] = a.TargetType,
            ["PrincipalId"] = a.PrincipalId,
            ["PrincipalType"] = a.PrincipalType,
            ["PrincipalName"] = state.PrincipalName(a.PrincipalType, a.PrincipalId),
            ["CreateTime"] = a.CreateTime,
            ["UpdateTime"] = a.UpdateTime,
            ["TargetName"] = state.TargetName(a.TargetType, a.TargetUin),
        }, response);
        return response;
    }
}

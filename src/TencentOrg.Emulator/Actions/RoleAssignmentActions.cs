using System.Text.Json.Nodes;

namespace TencentOrg.Emulator.Actions;

/// <summary>Role assignments and configuration deployments (spec §2.3, §2.4, §4.6, §4.7, §4.10, §4.19).</summary>
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
            IdentityCenterActions.FindConfiguration(state, assignment.RoleConfigurationId);
            RequirePrincipal(state, assignment.PrincipalType, assignment.PrincipalId);
            RequireTarget(state, assignment.TargetType, assignment.TargetUin);
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
            rows = rows.Where(a => ConfigName(state, a.RoleConfigurationId).Contains(filter, StringComparison.OrdinalIgnoreCase));

        var response = new JsonObject();
        response["RoleAssignments"] = Paging.TokenPage(ctx, rows.ToList(), a => new JsonObject
        {
            ["RoleConfigurationId"] = a.RoleConfigurationId,
            ["RoleConfigurationName"] = ConfigName(state, a.RoleConfigurationId),
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

    public static JsonObject ProvisionRoleConfiguration(ActionContext ctx)
    {
        ctx.RequireZone();
        var (config, targetType, targetUin) = ReadTarget(ctx);
        var task = ctx.State.NewTask("ProvisionRoleConfiguration", config.RoleConfigurationId, targetType, targetUin);
        return new JsonObject { ["Task"] = ProvisioningTaskJson(config, task) };
    }

    public static JsonObject DismantleRoleConfiguration(ActionContext ctx)
    {
        ctx.RequireZone();
        var state = ctx.State;
        var (config, targetType, targetUin) = ReadTarget(ctx);
        if (state.FindProvisioning(config.RoleConfigurationId, targetType, targetUin) is null)
            throw new ApiException("ResourceNotFound.RoleConfigurationProvisioningNotFound",
                "The role configuration " + config.RoleConfigurationId + " is not deployed on " + targetUin + ".");
        if (state.HasAssignments(config.RoleConfigurationId, targetType, targetUin))
            throw new ApiException("FailedOperation.RoleConfigurationAuthorizationExist",
                "Role assignments still use " + config.RoleConfigurationId + " on " + targetUin + ".");
        // A deployment with a deploy or undeploy still running is in no state to be dismantled (spec §7.4).
        if (state.TaskList.Any(t => t.Status == "InProgress" && t.RoleConfigurationId == config.RoleConfigurationId && t.TargetType == targetType
                && t.TargetUin == targetUin && (t.TaskType == "ProvisionRoleConfiguration" || t.TaskType == "DeprovisionRoleConfiguration")))
            throw new ApiException("FailedOperation.RoleConfigurationProvisioningStatusError",
                "The deployment of " + config.RoleConfigurationId + " on " + targetUin + " has a task in progress.");
        var task = state.NewTask("DeprovisionRoleConfiguration", config.RoleConfigurationId, targetType, targetUin);
        return new JsonObject { ["Task"] = ProvisioningTaskJson(config, task) };
    }

    public static JsonObject ListRoleConfigurationProvisionings(ActionContext ctx)
    {
        ctx.RequireZone();
        var p = ctx.Params;
        var state = ctx.State;
        state.AdvanceAll();
        IEnumerable<RoleProvisioning> rows = state.ProvisioningList;
        if (p.String("RoleConfigurationId") is string configId) rows = rows.Where(x => x.RoleConfigurationId == configId);
        if (p.String("TargetType") is string targetType) rows = rows.Where(x => x.TargetType == targetType);
        if (p.Int64("TargetUin") is long targetUin) rows = rows.Where(x => x.TargetUin == targetUin);
        if (p.String("DeploymentStatus") is string status) rows = rows.Where(x => x.DeploymentStatus == status);
        if (p.String("Filter") is { Length: > 0 } filter)
            rows = rows.Where(x => ConfigName(state, x.RoleConfigurationId).Contains(filter, StringComparison.OrdinalIgnoreCase));

        var response = new JsonObject();
        response["RoleConfigurationProvisionings"] = Paging.TokenPage(ctx, rows.ToList(), x => new JsonObject
        {
            ["DeploymentStatus"] = x.DeploymentStatus,
            ["RoleConfigurationId"] = x.RoleConfigurationId,
            ["RoleConfigurationName"] = ConfigName(state, x.RoleConfigurationId),
            ["TargetUin"] = x.TargetUin,
            ["TargetName"] = state.TargetName(x.TargetType, x.TargetUin),
            ["CreateTime"] = x.CreateTime,
            ["UpdateTime"] = x.UpdateTime,
            ["TargetType"] = x.TargetType,
        }, response);
        return response;
    }

    private static (RoleConfiguration Config, string TargetType, long TargetUin) ReadTarget(ActionContext ctx)
    {
        var p = ctx.Params;
        var config = IdentityCenterActions.FindConfiguration(ctx.State, p.String("RoleConfigurationId")!);
        string targetType = p.String("TargetType")!;
        long targetUin = p.Int64("TargetUin")!.Value;
        RequireTarget(ctx.State, targetType, targetUin);
        return (config, targetType, targetUin);
    }

    private static void RequirePrincipal(EmulatorState state, string principalType, string principalId)
    {
        if (principalType == "User" && !state.UserList.Any(u => u.UserId == principalId))
            throw new ApiException("ResourceNotFound.UserNotExist", "The CIC user " + principalId + " does not exist.");
        if (principalType == "Group" && !state.GroupList.Any(g => g.GroupId == principalId))
            throw new ApiException("InvalidParameter.GroupNotExist", "The CIC group " + principalId + " does not exist.");
    }

    /// <summary>ManagerUin must be the management account; MemberUin must be a member.</summary>
    private static void RequireTarget(EmulatorState state, string targetType, long targetUin)
    {
        bool ok = targetType == "ManagerUin" ? targetUin == state.Organization.HostUin : state.FindMember(targetUin) is not null;
        if (!ok)
            throw new ApiException("FailedOperation.OrganizationMemberNotExist", "The " + targetType + " account " + targetUin + " does not exist in the organization.");
    }

    private static string ConfigName(EmulatorState state, string configId) =>
        state.RoleConfigurationList.FirstOrDefault(c => c.RoleConfigurationId == configId)?.RoleConfigurationName ?? "";

    private static JsonObject ProvisioningTaskJson(RoleConfiguration config, EmulatedTask task) => new()
    {
        ["TaskId"] = task.TaskId,
        ["RoleConfigurationId"] = config.RoleConfigurationId,
        ["RoleConfigurationName"] = config.RoleConfigurationName,
        ["TargetUin"] = task.TargetUin,
        ["TargetType"] = task.TargetType,
        ["TaskType"] = task.TaskType,
        ["TaskStatus"] = task.Status,
    };
}

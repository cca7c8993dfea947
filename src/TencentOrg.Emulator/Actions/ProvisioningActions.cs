using System.Text.Json.Nodes;

namespace TencentOrg.Emulator.Actions;

/// <summary>Deployments of role configurations on accounts: provision, dismantle, list (spec §2.4, §4.10, §4.19), and GetProvisioningTaskStatus (§4.20).</summary>
public static class ProvisioningActions
{
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
            rows = rows.Where(x => Lookups.ConfigName(state, x.RoleConfigurationId).Contains(filter, StringComparison.OrdinalIgnoreCase));

        var response = new JsonObject();
        response["RoleConfigurationProvisionings"] = Paging.TokenPage(ctx, rows.ToList(), x => new JsonObject
        {
            ["DeploymentStatus"] = x.DeploymentStatus,
            ["RoleConfigurationId"] = x.RoleConfigurationId,
            ["RoleConfigurationName"] = Lookups.ConfigName(state, x.RoleConfigurationId),
            ["TargetUin"] = x.TargetUin,
            ["TargetName"] = state.TargetName(x.TargetType, x.TargetUin),
            ["CreateTime"] = x.CreateTime,
            ["UpdateTime"] = x.UpdateTime,
            ["TargetType"] = x.TargetType,
        }, response);
        return response;
    }

    /// <summary>
    /// For user-synchronization tasks (spec §4.20), which the emulator never creates; role and deployment tasks
    /// are read with GetTaskStatus, so a client that asks here gets what the service answers for them.
    /// </summary>
    public static JsonObject GetProvisioningTaskStatus(ActionContext ctx)
    {
        ctx.RequireZone();
        if (UserGroupActions.UserSyncTaskStatus(ctx) is { } status) return status;
        throw new ApiException("ResourceNotFound.UserProvisioningTaskNotFound",
            "The user provisioning task " + ctx.Params.String("TaskId") + " does not exist.");
    }

    private static (RoleConfiguration Config, string TargetType, long TargetUin) ReadTarget(ActionContext ctx)
    {
        var p = ctx.Params;
        var config = Lookups.FindConfiguration(ctx.State, p.String("RoleConfigurationId")!);
        string targetType = p.String("TargetType")!;
        long targetUin = p.Int64("TargetUin")!.Value;
        Lookups.RequireTarget(ctx.State, targetType, targetUin);
        return (config, targetType, targetUin);
    }

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

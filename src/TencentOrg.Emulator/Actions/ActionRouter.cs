using System.Text.Json.Nodes;

namespace TencentOrg.Emulator.Actions;

/// <summary>Maps action names to handlers. Every action here also has a schema in <see cref="ActionSchemas"/>.</summary>
public static class ActionRouter
{
    private static readonly Dictionary<string, Func<ActionContext, JsonObject>> Handlers = new(StringComparer.Ordinal)
    {
        ["CreateOrganizationIdentity"] = IdentityActions.CreateOrganizationIdentity,
        ["ListOrganizationIdentity"] = IdentityActions.ListOrganizationIdentity,
        ["UpdateOrganizationIdentity"] = IdentityActions.UpdateOrganizationIdentity,
        ["DeleteOrganizationIdentity"] = IdentityActions.DeleteOrganizationIdentity,
        ["CreateOrganizationMemberAuthIdentity"] = IdentityActions.CreateOrganizationMemberAuthIdentity,
        ["DescribeOrganizationMemberAuthIdentities"] = IdentityActions.DescribeOrganizationMemberAuthIdentities,
        ["DeleteOrganizationMemberAuthIdentity"] = IdentityActions.DeleteOrganizationMemberAuthIdentity,
        ["DescribeOrganization"] = OrganizationActions.DescribeOrganization,
        ["DescribeOrganizationMembers"] = OrganizationActions.DescribeOrganizationMembers,
        ["DescribeIdentityCenter"] = IdentityCenterActions.DescribeIdentityCenter,
        ["GetZoneStatistics"] = IdentityCenterActions.GetZoneStatistics,
        ["ListUsers"] = IdentityCenterActions.ListUsers,
        ["ListGroups"] = IdentityCenterActions.ListGroups,
        ["ListRoleConfigurations"] = IdentityCenterActions.ListRoleConfigurations,
        ["GetRoleConfiguration"] = IdentityCenterActions.GetRoleConfiguration,
        ["CreateRoleAssignment"] = RoleAssignmentActions.CreateRoleAssignment,
        ["DeleteRoleAssignment"] = RoleAssignmentActions.DeleteRoleAssignment,
        ["ListRoleAssignments"] = RoleAssignmentActions.ListRoleAssignments,
        ["ProvisionRoleConfiguration"] = RoleAssignmentActions.ProvisionRoleConfiguration,
        ["DismantleRoleConfiguration"] = RoleAssignmentActions.DismantleRoleConfiguration,
        ["ListRoleConfigurationProvisionings"] = RoleAssignmentActions.ListRoleConfigurationProvisionings,
        ["GetTaskStatus"] = TaskActions.GetTaskStatus,
        ["ListTasks"] = TaskActions.ListTasks,
    };

    public static JsonObject Dispatch(ActionContext ctx)
    {
        if (!Handlers.TryGetValue(ctx.Action, out var handler))
            throw new ApiException("InvalidAction", "The action " + ctx.Action + " is not implemented.");
        lock (ctx.State.SyncRoot) return handler(ctx);
    }
}

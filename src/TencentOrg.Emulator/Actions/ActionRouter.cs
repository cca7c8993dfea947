using System.Text.Json.Nodes;

namespace TencentOrg.Emulator.Actions;

/// <summary>
/// Maps action names to handlers, grouped by API domain as the module's services are. Every action here also
/// has a schema in <see cref="ActionSchemas"/>.
/// </summary>
public static class ActionRouter
{
    private static readonly Dictionary<string, Func<ActionContext, JsonObject>> Handlers = new(StringComparer.Ordinal)
    {
        ["CreateOrganizationIdentity"] = OrganizationIdentityActions.CreateOrganizationIdentity,
        ["ListOrganizationIdentity"] = OrganizationIdentityActions.ListOrganizationIdentity,
        ["UpdateOrganizationIdentity"] = OrganizationIdentityActions.UpdateOrganizationIdentity,
        ["DeleteOrganizationIdentity"] = OrganizationIdentityActions.DeleteOrganizationIdentity,
        ["CreateOrganizationMemberAuthIdentity"] = MemberAuthorizationActions.CreateOrganizationMemberAuthIdentity,
        ["DescribeOrganizationMemberAuthIdentities"] = MemberAuthorizationActions.DescribeOrganizationMemberAuthIdentities,
        ["DeleteOrganizationMemberAuthIdentity"] = MemberAuthorizationActions.DeleteOrganizationMemberAuthIdentity,
        ["CreateRoleAssignment"] = RoleAssignmentActions.CreateRoleAssignment,
        ["DeleteRoleAssignment"] = RoleAssignmentActions.DeleteRoleAssignment,
        ["ListRoleAssignments"] = RoleAssignmentActions.ListRoleAssignments,
        ["ProvisionRoleConfiguration"] = ProvisioningActions.ProvisionRoleConfiguration,
        ["DismantleRoleConfiguration"] = ProvisioningActions.DismantleRoleConfiguration,
        ["ListRoleConfigurationProvisionings"] = ProvisioningActions.ListRoleConfigurationProvisionings,
        ["GetProvisioningTaskStatus"] = ProvisioningActions.GetProvisioningTaskStatus,
        ["GetTaskStatus"] = TaskActions.GetTaskStatus,
        ["ListTasks"] = TaskActions.ListTasks,
        ["DescribeOrganization"] = DirectoryActions.DescribeOrganization,
        ["DescribeOrganizationMembers"] = DirectoryActions.DescribeOrganizationMembers,
        ["DescribeIdentityCenter"] = DirectoryActions.DescribeIdentityCenter,
        ["GetZoneStatistics"] = DirectoryActions.GetZoneStatistics,
        ["ListUsers"] = DirectoryActions.ListUsers,
        ["ListGroups"] = DirectoryActions.ListGroups,
        ["ListRoleConfigurations"] = DirectoryActions.ListRoleConfigurations,
        ["GetRoleConfiguration"] = DirectoryActions.GetRoleConfiguration,
        // Users, groups, membership, SCIM status and CAM user synchronizations (spec CIC §2, §3, §5).
        ["CreateUser"] = UserGroupActions.CreateUser,
        ["GetUser"] = UserGroupActions.GetUser,
        ["UpdateUser"] = UserGroupActions.UpdateUser,
        ["UpdateUserStatus"] = UserGroupActions.UpdateUserStatus,
        ["DeleteUser"] = UserGroupActions.DeleteUser,
        ["CreateGroup"] = UserGroupActions.CreateGroup,
        ["GetGroup"] = UserGroupActions.GetGroup,
        ["UpdateGroup"] = UserGroupActions.UpdateGroup,
        ["DeleteGroup"] = UserGroupActions.DeleteGroup,
        ["AddUserToGroup"] = UserGroupActions.AddUserToGroup,
        ["RemoveUserFromGroup"] = UserGroupActions.RemoveUserFromGroup,
        ["ListGroupMembers"] = UserGroupActions.ListGroupMembers,
        ["ListJoinedGroupsForUser"] = UserGroupActions.ListJoinedGroupsForUser,
        ["GetSCIMSynchronizationStatus"] = UserGroupActions.GetSCIMSynchronizationStatus,
        ["ListUserSyncProvisionings"] = UserGroupActions.ListUserSyncProvisionings,
        ["DeleteUserSyncProvisioning"] = UserGroupActions.DeleteUserSyncProvisioning,
        ["CreateRoleConfiguration"] = RoleConfigurationActions.CreateRoleConfiguration,
        ["UpdateRoleConfiguration"] = RoleConfigurationActions.UpdateRoleConfiguration,
        ["DeleteRoleConfiguration"] = RoleConfigurationActions.DeleteRoleConfiguration,
        ["AddPermissionPolicyToRoleConfiguration"] = RoleConfigurationActions.AddPermissionPolicyToRoleConfiguration,
        ["RemovePermissionPolicyFromRoleConfiguration"] = RoleConfigurationActions.RemovePermissionPolicyFromRoleConfiguration,
        ["ListPermissionPoliciesInRoleConfiguration"] = RoleConfigurationActions.ListPermissionPoliciesInRoleConfiguration,
        ["UpdateCustomPolicyForRoleConfiguration"] = RoleConfigurationActions.UpdateCustomPolicyForRoleConfiguration,
    };

    public static JsonObject Dispatch(ActionContext ctx)
    {
        if (!Handlers.TryGetValue(ctx.Action, out var handler))
            throw new ApiException("InvalidAction", "The action " + ctx.Action + " is not implemented.");
        lock (ctx.State.SyncRoot) return handler(ctx);
    }
}

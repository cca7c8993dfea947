namespace TencentOrg.Emulator.Actions;

/// <summary>Resource lookups several domains share; each throws the error code the spec gives for a missing resource.</summary>
internal static class Lookups
{
    internal static OrgIdentity FindIdentity(EmulatorState state, long id) =>
        state.IdentityList.FirstOrDefault(i => i.IdentityId == id)
        ?? throw new ApiException("ResourceNotFound.OrganizationIdentityNotExist", "The organization identity " + id + " does not exist.");

    internal static RoleConfiguration FindConfiguration(EmulatorState state, string id) =>
        state.RoleConfigurationList.FirstOrDefault(c => c.RoleConfigurationId == id)
        ?? throw new ApiException("InvalidParameter.RoleConfigurationNotExist", "The role configuration " + id + " does not exist.");

    internal static void RequirePrincipal(EmulatorState state, string principalType, string principalId)
    {
        if (principalType == "User" && !state.UserList.Any(u => u.UserId == principalId))
            throw new ApiException("ResourceNotFound.UserNotExist", "The CIC user " + principalId + " does not exist.");
        if (principalType == "Group" && !state.GroupList.Any(g => g.GroupId == principalId))
            throw new ApiException("InvalidParameter.GroupNotExist", "The CIC group " + principalId + " does not exist.");
    }

    /// <summary>ManagerUin must be the management account; MemberUin must be a member.</summary>
    internal static void RequireTarget(EmulatorState state, string targetType, long targetUin)
    {
        bool ok = targetType == "ManagerUin" ? targetUin == state.Organization.HostUin : state.FindMember(targetUin) is not null;
        if (!ok)
            throw new ApiException("FailedOperation.OrganizationMemberNotExist", "The " + targetType + " account " + targetUin + " does not exist in the organization.");
    }

    internal static string ConfigName(EmulatorState state, string configId) =>
        state.RoleConfigurationList.FirstOrDefault(c => c.RoleConfigurationId == configId)?.RoleConfigurationName ?? "";
}

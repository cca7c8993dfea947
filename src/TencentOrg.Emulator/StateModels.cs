namespace TencentOrg.Emulator;

// Plain records of emulator state. Field names follow the API so the seed file reads like API output.

public sealed class OrganizationInfo
{
    public long OrgId { get; set; } = 45001;
    public long HostUin { get; set; } = 100000000000;
    public string NickName { get; set; } = "emulator-admin";
    public long RootNodeId { get; set; } = 1;
    public string CreateTime { get; set; } = "2024-01-01 00:00:00";
}

public sealed class OrgMember
{
    public long MemberUin { get; set; }
    public string Name { get; set; } = "";
    public string MemberType { get; set; } = "Create";
    public long NodeId { get; set; } = 1;
    public string NodeName { get; set; } = "Root";
    public string Remark { get; set; } = "";
    public string CreateTime { get; set; } = "2024-01-01 00:00:00";
    public List<MemberTag> Tags { get; set; } = new();
}

public sealed class MemberTag
{
    public string TagKey { get; set; } = "";
    public string TagValue { get; set; } = "";
}

public sealed class PresetPolicy
{
    public ulong PolicyId { get; set; }
    public string PolicyName { get; set; } = "";
}

public sealed class IdentityPolicyEntry
{
    public ulong? PolicyId { get; set; }
    public string? PolicyName { get; set; }
    public ulong? PolicyType { get; set; }
    public string? PolicyDocument { get; set; }
}

public sealed class OrgIdentity
{
    public long IdentityId { get; set; }
    public string IdentityAliasName { get; set; } = "";
    public string Description { get; set; } = "";
    /// <summary>1 = preset, 2 = custom.</summary>
    public ulong IdentityType { get; set; } = 2;
    public string IdentityRoleName { get; set; } = "";
    public List<IdentityPolicyEntry> IdentityPolicy { get; set; } = new();
    public string CreateTime { get; set; } = "2024-01-01 00:00:00";
    public string UpdateTime { get; set; } = "2024-01-01 00:00:00";
}

public sealed class MemberAuthIdentity
{
    public long MemberUin { get; set; }
    public long IdentityId { get; set; }
    public string CreateTime { get; set; } = "2024-01-01 00:00:00";
    public string UpdateTime { get; set; } = "2024-01-01 00:00:00";
}

public sealed class IdentityCenterZone
{
    public string ZoneId { get; set; } = "z-emulator0001";
    public string ZoneName { get; set; } = "emulator-zone";
    public string ServiceStatus { get; set; } = "Enabled";
    public string ScimSyncStatus { get; set; } = "Disabled";
    public string CreateTime { get; set; } = "2024-01-01 00:00:00";
    public string UpdateTime { get; set; } = "2024-01-01 00:00:00";
}

public sealed class CicUser
{
    public string UserId { get; set; } = "";
    public string UserName { get; set; } = "";
    public string FirstName { get; set; } = "";
    public string LastName { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string Description { get; set; } = "";
    public string Email { get; set; } = "";
    public string UserStatus { get; set; } = "Enabled";
    public string UserType { get; set; } = "Manual";
    public bool NeedResetPassword { get; set; }
    public string CreateTime { get; set; } = "2024-01-01 00:00:00";
    public string UpdateTime { get; set; } = "2024-01-01 00:00:00";
}

public sealed class CicGroup
{
    public string GroupId { get; set; } = "";
    public string GroupName { get; set; } = "";
    public string Description { get; set; } = "";
    public string GroupType { get; set; } = "Manual";
    public List<string> UserIds { get; set; } = new();
    /// <summary>JoinTime per member UserId; a member without one joined at the group's CreateTime.</summary>
    public Dictionary<string, string> JoinTimes { get; set; } = new();
    public string CreateTime { get; set; } = "2024-01-01 00:00:00";
    public string UpdateTime { get; set; } = "2024-01-01 00:00:00";
}

public sealed class RoleConfiguration
{
    public string RoleConfigurationId { get; set; } = "";
    public string RoleConfigurationName { get; set; } = "";
    public string Description { get; set; } = "";
    public long SessionDuration { get; set; } = 3600;
    public string RelayState { get; set; } = "";
    public string CreateTime { get; set; } = "2024-01-01 00:00:00";
    public string UpdateTime { get; set; } = "2024-01-01 00:00:00";
    /// <summary>System and custom policies (ListPermissionPoliciesInRoleConfiguration), in the order they were added.</summary>
    public List<RolePolicyEntry> Policies { get; set; } = new();
}

/// <summary>One policy of a role configuration (RolePolicie). System policies carry the CAM policy ID; custom ones a document.</summary>
public sealed class RolePolicyEntry
{
    public long RolePolicyId { get; set; }
    public string RolePolicyName { get; set; } = "";
    /// <summary>System | Custom.</summary>
    public string RolePolicyType { get; set; } = "System";
    public string RolePolicyDocument { get; set; } = "";
    public string AddTime { get; set; } = "2024-01-01 00:00:00";
}

public sealed class RoleAssignment
{
    public string RoleConfigurationId { get; set; } = "";
    public string TargetType { get; set; } = "MemberUin";
    public long TargetUin { get; set; }
    public string PrincipalType { get; set; } = "User";
    public string PrincipalId { get; set; } = "";
    public string CreateTime { get; set; } = "2024-01-01 00:00:00";
    public string UpdateTime { get; set; } = "2024-01-01 00:00:00";

    public bool SameKey(RoleAssignment other) =>
        RoleConfigurationId == other.RoleConfigurationId && TargetType == other.TargetType && TargetUin == other.TargetUin
        && PrincipalType == other.PrincipalType && PrincipalId == other.PrincipalId;
}

public sealed class RoleProvisioning
{
    public string RoleConfigurationId { get; set; } = "";
    public string TargetType { get; set; } = "MemberUin";
    public long TargetUin { get; set; }
    /// <summary>Deployed | DeployedRequired | DeployFailed.</summary>
    public string DeploymentStatus { get; set; } = "Deployed";
    public string CreateTime { get; set; } = "2024-01-01 00:00:00";
    public string UpdateTime { get; set; } = "2024-01-01 00:00:00";
}

/// <summary>An asynchronous CIC task (assignment create/delete, provision, dismantle).</summary>
public sealed class EmulatedTask
{
    public string TaskId { get; set; } = "";
    /// <summary>CreateRoleAssignment | DeleteRoleAssignment | ProvisionRoleConfiguration | DeprovisionRoleConfiguration.</summary>
    public string TaskType { get; set; } = "";
    public string RoleConfigurationId { get; set; } = "";
    public string TargetType { get; set; } = "MemberUin";
    public long TargetUin { get; set; }
    public string? PrincipalType { get; set; }
    public string? PrincipalId { get; set; }
    /// <summary>InProgress | Success | Failed.</summary>
    public string Status { get; set; } = "InProgress";
    public string? FailureReason { get; set; }
    public int PollsSeen { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>When the task left InProgress (with TaskDuration: CreatedAt + TaskDuration, whenever it is first seen).</summary>
    public DateTimeOffset? FinishedAt { get; set; }
    /// <summary>DeleteRoleAssignment with DeprovisionForLastRoleAssignmentOnAccount.</summary>
    public bool DeprovisionLast { get; set; }
}

/// <summary>A CAM user synchronization of a CIC user or group (spec CIC §5.2): it blocks deleting that user or group.</summary>
public sealed class UserSyncProvisioning
{
    public string UserProvisioningId { get; set; } = "";
    public string Description { get; set; } = "";
    public string Status { get; set; } = "Enabled";
    public string PrincipalId { get; set; } = "";
    public string PrincipalType { get; set; } = "User";
    public long TargetUin { get; set; }
    public string TargetType { get; set; } = "MemberUin";
    public string DuplicationStrategy { get; set; } = "KeepBoth";
    public string DeletionStrategy { get; set; } = "Keep";
    public string CreateTime { get; set; } = "2024-01-01 00:00:00";
    public string UpdateTime { get; set; } = "2024-01-01 00:00:00";
}

/// <summary>A DeleteUserSyncProvisioning task, read with GetProvisioningTaskStatus (not GetTaskStatus or ListTasks).</summary>
public sealed class UserSyncTask
{
    public string TaskId { get; set; } = "";
    public string UserProvisioningId { get; set; } = "";
    /// <summary>InProgress | Success | Failed.</summary>
    public string Status { get; set; } = "InProgress";
    public int PollsSeen { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

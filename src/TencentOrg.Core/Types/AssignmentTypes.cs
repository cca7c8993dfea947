using System;

namespace TencentOrg
{
    /// <summary>One CIC assignment: a user or group gets a permission configuration on an account.</summary>
    public sealed class RoleAssignmentInfo
    {
        public string? RoleConfigurationId { get; set; }
        public string? TargetType { get; set; }
        public long? TargetUin { get; set; }
        public string? PrincipalType { get; set; }
        public string? PrincipalId { get; set; }

        public override string ToString() => Describe(PrincipalType, PrincipalId, RoleConfigurationId, TargetType, TargetUin);

        // One text for an assignment, wanted (this type) or existing (RoleAssignment), so errors and warnings read alike.
        internal static string Describe(string? principalType, string? principalId, string? roleConfigurationId, string? targetType, long? targetUin) =>
            principalType + " " + principalId + " -> " + roleConfigurationId + " on " + targetType + " " + targetUin;
    }

    /// <summary>An existing CIC role assignment (ListRoleAssignments); carries every key Remove-TcRoleAssignment needs.</summary>
    public sealed class RoleAssignment
    {
        public string? ZoneId { get; set; }
        public string? RoleConfigurationId { get; set; }
        public string? RoleConfigurationName { get; set; }
        public string? TargetType { get; set; }
        public long? TargetUin { get; set; }
        public string? TargetName { get; set; }
        public string? PrincipalType { get; set; }
        public string? PrincipalId { get; set; }
        public string? PrincipalName { get; set; }
        public string? CreateTime { get; set; }
        public string? UpdateTime { get; set; }

        public override string ToString() =>
            RoleAssignmentInfo.Describe(PrincipalType, PrincipalId, RoleConfigurationId, TargetType, TargetUin);
    }

    /// <summary>A permission configuration deployed on an account (ListRoleConfigurationProvisionings).</summary>
    public sealed class RoleProvisioning
    {
        public string? ZoneId { get; set; }
        public string? RoleConfigurationId { get; set; }
        public string? RoleConfigurationName { get; set; }
        public string? TargetType { get; set; }
        public long? TargetUin { get; set; }
        public string? TargetName { get; set; }
        /// <summary>Deployed, DeployedRequired or DeployFailed.</summary>
        public string? DeploymentStatus { get; set; }
        public string? CreateTime { get; set; }
        public string? UpdateTime { get; set; }

        public override string ToString() => RoleConfigurationId + " on " + TargetType + " " + TargetUin + " " + DeploymentStatus;
    }
}

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

        public override string ToString() =>
            PrincipalType + " " + PrincipalId + " -> " + RoleConfigurationId + " on " + TargetType + " " + TargetUin;
    }
}

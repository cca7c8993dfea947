namespace TencentOrg
{
    /// <summary>
    /// One policy of a CIC permission configuration (ListPermissionPoliciesInRoleConfiguration): a CAM system policy
    /// (ID and name) or the configuration's custom policy (name and document). Pipes by property name into
    /// Remove-TcRoleConfigurationPolicy.
    /// </summary>
    public sealed class RoleConfigurationPolicy : IWriteResult
    {
        /// <summary>How the write that emitted it settled (Created, Existing, Reconciled, Updated); null from a Get- cmdlet.</summary>
        public WriteOutcome? Outcome { get; set; }
        /// <summary>The policy types the API knows.</summary>
        public const string SystemType = "System";
        /// <summary>A custom (inline) policy.</summary>
        public const string CustomType = "Custom";

        public string? ZoneId { get; set; }
        public string? RoleConfigurationId { get; set; }
        /// <summary>System or Custom.</summary>
        public string? RolePolicyType { get; set; }
        /// <summary>The CAM policy ID of a system policy; null for a custom one.</summary>
        public long? RolePolicyId { get; set; }
        public string? RolePolicyName { get; set; }
        /// <summary>The document of a custom policy (CAM policy syntax); null for a system one.</summary>
        public string? RolePolicyDocument { get; set; }
        public string? AddTime { get; set; }

        public bool IsCustom => RolePolicyType == CustomType;

        public override string ToString() =>
            IsCustom ? "Custom " + RolePolicyName : "System " + RolePolicyName + (RolePolicyId.HasValue ? " (" + RolePolicyId + ")" : "");
    }
}

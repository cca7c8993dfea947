using System.Collections.Generic;

namespace TencentOrg.Models
{
    // Permission configurations and their policies (CIC spec §4.1-§4.7, §7). Field names as the .NET SDK 3.0.1493 models;
    // AddPermissionPolicyToRoleConfiguration's PolicyType (CN-only, effect UNCONFIRMED) is never sent, so it is left out.

    public sealed class CreateRoleConfigurationRequest
    {
        public string? ZoneId { get; set; }
        public string? RoleConfigurationName { get; set; }
        public string? Description { get; set; }
        public long? SessionDuration { get; set; }
        public string? RelayState { get; set; }
    }

    public sealed class UpdateRoleConfigurationRequest
    {
        public string? ZoneId { get; set; }
        public string? RoleConfigurationId { get; set; }
        public string? NewDescription { get; set; }
        public long? NewSessionDuration { get; set; }
        public string? NewRelayState { get; set; }
    }

    /// <summary>CreateRoleConfiguration and UpdateRoleConfiguration answers. A missing RoleConfigurationInfo is read back, not trusted.</summary>
    public sealed class RoleConfigurationInfoResponse : ApiResponse
    {
        public RoleConfigurationItem? RoleConfigurationInfo { get; set; }
    }

    public sealed class DeleteRoleConfigurationRequest
    {
        public string? ZoneId { get; set; }
        public string? RoleConfigurationId { get; set; }
    }

    public sealed class AddPermissionPolicyToRoleConfigurationRequest
    {
        public string? ZoneId { get; set; }
        public string? RoleConfigurationId { get; set; }
        public string? RolePolicyType { get; set; }
        public List<string>? RolePolicyNames { get; set; }
        public List<PolicyDetail>? RolePolicies { get; set; }
        public string? CustomPolicyDocument { get; set; }
    }

    /// <summary>A system policy to attach: CAM policy ID, name optional.</summary>
    public sealed class PolicyDetail
    {
        public long? PolicyId { get; set; }
        public string? PolicyName { get; set; }
    }

    public sealed class RemovePermissionPolicyFromRoleConfigurationRequest
    {
        public string? ZoneId { get; set; }
        public string? RoleConfigurationId { get; set; }
        public string? RolePolicyType { get; set; }
        public string? RolePolicyName { get; set; }
        public long? RolePolicyId { get; set; }
    }

    public sealed class ListPermissionPoliciesInRoleConfigurationRequest
    {
        public string? ZoneId { get; set; }
        public string? RoleConfigurationId { get; set; }
        public string? RolePolicyType { get; set; }
        public string? Filter { get; set; }
    }

    /// <summary>The whole list in one answer (no paging).</summary>
    public sealed class ListPermissionPoliciesInRoleConfigurationResponse : ApiResponse
    {
        public long? TotalCounts { get; set; }
        [AlwaysPresent]
        public List<RolePolicie>? RolePolicies { get; set; }
    }

    /// <summary>RolePolicie (the SDKs' spelling). RolePolicyId may be absent, and is meaningless for custom policies.</summary>
    public sealed class RolePolicie
    {
        public long? RolePolicyId { get; set; }
        [AlwaysPresent]
        public string? RolePolicyName { get; set; }
        [AlwaysPresent]
        public string? RolePolicyType { get; set; }
        public string? RolePolicyDocument { get; set; }
        public string? AddTime { get; set; }
    }

    public sealed class UpdateCustomPolicyForRoleConfigurationRequest
    {
        public string? ZoneId { get; set; }
        public string? RoleConfigurationId { get; set; }
        public string? CustomPolicyName { get; set; }
        public string? NewCustomPolicyDocument { get; set; }
    }
}

using System.Collections.Generic;
using System.Text.Json.Serialization;
using TencentOrg.Models;

namespace TencentOrg.Services.Access
{
    // Wire models of the two per-object listings the review needs (spec CIC §3.7, §4.6).

    public sealed class AccessGroupMembersRequest : ITokenPagedRequest
    {
        public string? ZoneId { get; set; }
        public string? GroupId { get; set; }
        public string? NextToken { get; set; }
        public long? MaxResults { get; set; }
    }

    public sealed class AccessGroupMembersResponse : ApiResponse, ITokenPage
    {
        public string? NextToken { get; set; }
        public long? TotalCounts { get; set; }
        public long? MaxResults { get; set; }
        public bool? IsTruncated { get; set; }
        public List<AccessGroupMemberItem>? GroupMembers { get; set; }
    }

    public sealed class AccessGroupMemberItem
    {
        public string? UserName { get; set; }
        public string? UserStatus { get; set; }
        public string? UserType { get; set; }
        public string? UserId { get; set; }
    }

    public sealed class AccessPoliciesRequest
    {
        public string? ZoneId { get; set; }
        public string? RoleConfigurationId { get; set; }
    }

    public sealed class AccessPoliciesResponse : ApiResponse
    {
        public long? TotalCounts { get; set; }
        public List<AccessPolicyItem>? RolePolicies { get; set; }
    }

    public sealed class AccessPolicyItem
    {
        public long? RolePolicyId { get; set; }
        public string? RolePolicyName { get; set; }
        public string? RolePolicyType { get; set; }
    }
}

using System.Collections.Generic;

namespace TencentOrg.Models
{
    // Organization and members (spec §4.16, §4.17).

    internal sealed class DescribeOrganizationRequest
    {
        public string? Lang { get; set; }
    }

    internal sealed class DescribeOrganizationResponse : ApiResponse
    {
        public long? OrgId { get; set; }
        public long? HostUin { get; set; }
        public string? NickName { get; set; }
        public bool? IsManager { get; set; }
        public string? CreateTime { get; set; }
    }

    internal sealed class DescribeOrganizationMembersRequest
    {
        public long Offset { get; set; }
        public long Limit { get; set; }
        public string? Lang { get; set; }
        public string? SearchKey { get; set; }
        public long? NodeId { get; set; }
    }

    internal sealed class DescribeOrganizationMembersResponse : ApiResponse
    {
        [AlwaysPresent]
        public List<OrgMemberItem>? Items { get; set; }
        [AlwaysPresent]
        public long? Total { get; set; }
    }

    internal sealed class OrgMemberItem
    {
        public long MemberUin { get; set; }
        public string? Name { get; set; }
        public string? MemberType { get; set; }
        public string? OrgPolicyType { get; set; }
        public string? OrgPolicyName { get; set; }
        public long? NodeId { get; set; }
        public string? NodeName { get; set; }
        public string? Remark { get; set; }
        public string? CreateTime { get; set; }
        public string? UpdateTime { get; set; }
        public string? IsAllowQuit { get; set; }
        public string? PayUin { get; set; }
        public string? PayName { get; set; }
        public List<MemberIdentityItem>? OrgIdentity { get; set; }
        public string? BindStatus { get; set; }
        public string? PermissionStatus { get; set; }
        public string? NickName { get; set; }
    }

    internal sealed class MemberIdentityItem
    {
        public long? IdentityId { get; set; }
        public string? IdentityAliasName { get; set; }
    }
}

using System.Collections.Generic;

namespace TencentOrg.Models
{
    // Organization identities and member authorizations (spec §2.1, §2.2, §4.1-§4.5).

    internal sealed class CreateOrganizationIdentityRequest
    {
        public string? IdentityAliasName { get; set; }
        public List<IdentityPolicy>? IdentityPolicy { get; set; }
        public string? Description { get; set; }
    }

    internal sealed class CreateOrganizationIdentityResponse : ApiResponse
    {
        // The spec marks it "may be absent", but a create without its ID cannot be output: reconciliation reads it back by name.
        [AlwaysPresent]
        public long? IdentityId { get; set; }
    }

    internal sealed class ListOrganizationIdentityRequest
    {
        public long Offset { get; set; }
        public long Limit { get; set; }
        public string? SearchKey { get; set; }
        public long? IdentityId { get; set; }
        public long? IdentityType { get; set; }
    }

    internal sealed class ListOrganizationIdentityResponse : ApiResponse
    {
        [AlwaysPresent]
        public long? Total { get; set; }
        [AlwaysPresent]
        public List<OrgIdentityItem>? Items { get; set; }
    }

    internal sealed class OrgIdentityItem
    {
        public long IdentityId { get; set; }
        public string? IdentityAliasName { get; set; }
        public string? Description { get; set; }
        public List<IdentityPolicy>? IdentityPolicy { get; set; }
        public long? IdentityType { get; set; }
        public string? UpdateTime { get; set; }
    }

    internal sealed class UpdateOrganizationIdentityRequest
    {
        public long IdentityId { get; set; }
        public string Description { get; set; } = "";
        public List<IdentityPolicy>? IdentityPolicy { get; set; }
    }

    internal sealed class DeleteOrganizationIdentityRequest
    {
        public long IdentityId { get; set; }
    }

    internal sealed class CreateOrganizationMemberAuthIdentityRequest
    {
        public List<long>? MemberUins { get; set; }
        public List<long>? IdentityIds { get; set; }
    }

    internal sealed class DescribeOrganizationMemberAuthIdentitiesRequest
    {
        public long Offset { get; set; }
        public long Limit { get; set; }
        public long? MemberUin { get; set; }
        public long? IdentityId { get; set; }
    }

    internal sealed class DescribeOrganizationMemberAuthIdentitiesResponse : ApiResponse
    {
        [AlwaysPresent]
        public List<OrgMemberAuthIdentityItem>? Items { get; set; }
        [AlwaysPresent]
        public long? Total { get; set; }
    }

    internal sealed class OrgMemberAuthIdentityItem
    {
        public long IdentityId { get; set; }
        public string? IdentityRoleName { get; set; }
        public string? IdentityRoleAliasName { get; set; }
        public string? Description { get; set; }
        public string? CreateTime { get; set; }
        public string? UpdateTime { get; set; }
        public long? IdentityType { get; set; }
        public long? Status { get; set; }
        public long? MemberUin { get; set; }
        public string? MemberName { get; set; }
    }

    internal sealed class DeleteOrganizationMemberAuthIdentityRequest
    {
        public long MemberUin { get; set; }
        public long IdentityId { get; set; }
    }

    /// <summary>Responses that carry nothing but RequestId.</summary>
    internal sealed class EmptyResponse : ApiResponse
    {
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using TencentOrg.Api;

namespace TencentOrg.Services.Access
{
    /// <summary>The two per-object listings of the review: a group's members (paged), a configuration's policies (not paged).</summary>
    internal static class AccessListings
    {
        private const long PageSize = 100;

        public static Task GroupMembersAsync(OrgSession session, IOrgLog log, string zoneId, string groupId, Action<AccessMember> onMember, CancellationToken ct) =>
            Paging.ByTokenAsync<AccessGroupMembersResponse, AccessGroupMemberItem>(session.Client, "ListGroupMembers",
                new AccessGroupMembersRequest { ZoneId = zoneId, GroupId = groupId }, PageSize, page => page.GroupMembers,
                m => { onMember(new AccessMember { UserId = m.UserId, UserName = m.UserName, UserStatus = m.UserStatus }); return true; }, log, ct);

        public static async Task<List<AccessPolicy>> PoliciesAsync(OrgSession session, IOrgLog log, string zoneId, string configurationId, CancellationToken ct)
        {
            var r = await session.Client.CallAsync<AccessPoliciesResponse>("ListPermissionPoliciesInRoleConfiguration",
                new AccessPoliciesRequest { ZoneId = zoneId, RoleConfigurationId = configurationId }, ApiCallKind.Read, log, ct).ConfigureAwait(false);
            return (r.RolePolicies ?? new List<AccessPolicyItem>())
                .Select(p => new AccessPolicy { Name = p.RolePolicyName, Type = p.RolePolicyType, PolicyId = p.RolePolicyId }).ToList();
        }
    }
}

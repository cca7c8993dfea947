using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using TencentOrg.Api;

namespace TencentOrg.Services.Access
{
    /// <summary>The two per-object listings of the review (group members, configuration policies).</summary>
    internal static class AccessListings
    {
        public static Task GroupMembersAsync(OrgSession session, IOrgLog log, string zoneId, string groupId, Action<AccessMember> onMember, CancellationToken ct) =>
            throw new NotSupportedException("ListGroupMembers is not wired yet.");

        public static Task<List<AccessPolicy>> PoliciesAsync(OrgSession session, IOrgLog log, string zoneId, string configurationId, CancellationToken ct) =>
            throw new NotSupportedException("ListPermissionPoliciesInRoleConfiguration is not wired yet.");
    }
}

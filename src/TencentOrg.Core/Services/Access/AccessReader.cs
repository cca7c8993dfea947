using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using TencentOrg.Api;
using TencentOrg.Models;
using TencentOrg.Services.Configuration;

namespace TencentOrg.Services.Access
{
    /// <summary>
    /// Reads a zone for the access review with listings only (spec CIC §10), never one read per user or per account:
    /// ListUsers, ListGroups, ListGroupMembers per group with members, ListRoleConfigurations,
    /// ListPermissionPoliciesInRoleConfiguration per configuration, ListRoleAssignments and
    /// ListRoleConfigurationProvisionings, each unfiltered with 100 rows a page; with organization identities also
    /// ListOrganizationIdentity and DescribeOrganizationMemberAuthIdentities per identity. Listings of different
    /// actions run side by side (the budget is per action); the per-group and per-configuration listings run a few
    /// at a time so they keep their action's rate busy.
    /// </summary>
    internal sealed class AccessReader
    {
        // Enough in flight to keep an action at its 20 requests/s when each answer takes a few hundred ms (a loaded service).
        private const int ParallelListings = 8;

        private readonly OrgSession _session;
        private readonly IOrgLog _log;

        public AccessReader(OrgSession session, IOrgLog log)
        {
            _session = session;
            _log = log;
        }

        public async Task<AccessSnapshot> ReadAsync(Func<Task<string>> zoneId, AccessFilter filter, bool identities, CancellationToken ct)
        {
            var zone = new AccessSnapshot { TakenAt = DateTimeOffset.UtcNow };
            // Organization identities need no zone: start them first.
            Task grants = identities ? ReadIdentitiesAsync(zone, ct) : Task.CompletedTask;
            zone.ZoneId = await zoneId().ConfigureAwait(false);
            var center = new DirectoryService(_session, _log);
            var listings = new List<Task>
            {
                center.ListUsersAsync(new ListUsersRequest { ZoneId = zone.ZoneId }, u => { zone.Users.Add(u); return true; }, ct),
                ReadGroupsAsync(zone, filter, center, ct),
                ReadConfigurationsAsync(zone, filter, center, ct),
                new RoleAssignmentService(_session, _log).ListAsync(new ListRoleAssignmentsRequest { ZoneId = zone.ZoneId },
                    a => { zone.Assignments.Add(a); return true; }, ct),
                new ProvisioningService(_session, _log).ListAsync(new ListRoleConfigurationProvisioningsRequest { ZoneId = zone.ZoneId },
                    d => { zone.Deployments.Add(d); return true; }, ct),
                grants,
            };
            await Task.WhenAll(listings).ConfigureAwait(false);
            await ReadAssignedLeftoversAsync(zone, filter, ct).ConfigureAwait(false);
            return zone;
        }

        /// <summary>ListGroups, then the members of every group that has any (or that the group filter names).</summary>
        private async Task ReadGroupsAsync(AccessSnapshot zone, AccessFilter filter, DirectoryService center, CancellationToken ct)
        {
            await center.ListGroupsAsync(new ListGroupsRequest { ZoneId = zone.ZoneId }, g => { zone.Groups.Add(g); return true; }, ct).ConfigureAwait(false);
            var wanted = zone.Groups
                .Where(g => !string.IsNullOrEmpty(g.GroupId) && g.MemberCount != 0 && filter.KeepsVia(g.GroupId, g.GroupName))
                .Select(g => g.GroupId!).Distinct(StringComparer.Ordinal).ToList();
            await ListMembersAsync(zone, wanted, ct).ConfigureAwait(false);
        }

        /// <summary>ListRoleConfigurations, then the policies of each (of those the filter keeps).</summary>
        private async Task ReadConfigurationsAsync(AccessSnapshot zone, AccessFilter filter, DirectoryService center, CancellationToken ct)
        {
            await center.ListRoleConfigurationsAsync(zone.ZoneId, null, c => { zone.Configurations.Add(c); return true; }, ct).ConfigureAwait(false);
            var wanted = zone.Configurations
                .Where(c => !string.IsNullOrEmpty(c.RoleConfigurationId) && filter.KeepsConfiguration(c.RoleConfigurationId))
                .Select(c => c.RoleConfigurationId!).Distinct(StringComparer.Ordinal).ToList();
            await ListPoliciesAsync(zone, wanted, ct).ConfigureAwait(false);
        }

        /// <summary>
        /// An assigned group whose MemberCount said 0 (or that ListGroups did not show) and an assigned configuration
        /// ListRoleConfigurations did not show are listed anyway: a count from the server does not get to hide a path.
        /// </summary>
        private async Task ReadAssignedLeftoversAsync(AccessSnapshot zone, AccessFilter filter, CancellationToken ct)
        {
            var groups = new List<string>();
            var configurations = new List<string>();
            var names = zone.Groups.Where(g => g.GroupId != null).GroupBy(g => g.GroupId!, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.First().GroupName, StringComparer.Ordinal);
            foreach (var a in zone.Assignments)
            {
                if (string.IsNullOrEmpty(a.PrincipalId) || string.IsNullOrEmpty(a.RoleConfigurationId) || a.TargetUin == null) continue;
                if (!filter.KeepsTarget(a.TargetUin.Value) || !filter.KeepsConfiguration(a.RoleConfigurationId)) continue;
                if (string.Equals(a.PrincipalType, "Group", StringComparison.OrdinalIgnoreCase) && !zone.GroupMembers.ContainsKey(a.PrincipalId!)
                    && filter.KeepsVia(a.PrincipalId, names.TryGetValue(a.PrincipalId!, out var name) ? name : a.PrincipalName))
                    groups.Add(a.PrincipalId!);
                if (!zone.Policies.ContainsKey(a.RoleConfigurationId!)) configurations.Add(a.RoleConfigurationId!);
            }
            await Task.WhenAll(
                ListMembersAsync(zone, groups.Distinct(StringComparer.Ordinal).ToList(), ct),
                ListPoliciesAsync(zone, configurations.Distinct(StringComparer.Ordinal).ToList(), ct)).ConfigureAwait(false);
        }

        private Task ListMembersAsync(AccessSnapshot zone, IReadOnlyList<string> groupIds, CancellationToken ct)
        {
            if (groupIds.Count == 0) return Task.CompletedTask;
            var groups = new UserGroupService(_session, _log);
            return ConfigurationApplier.ForEachAsync(groupIds, ParallelListings, async groupId =>
            {
                var members = new List<AccessMember>();
                await groups.ListGroupMembersAsync(zone.ZoneId, groupId, null, m =>
                {
                    members.Add(new AccessMember { UserId = m.UserId, UserName = m.UserName, UserStatus = m.UserStatus });
                    return true;
                }, ct).ConfigureAwait(false);
                lock (zone.GroupMembers) zone.GroupMembers[groupId] = members;
            }, ct);
        }

        private Task ListPoliciesAsync(AccessSnapshot zone, IReadOnlyList<string> configurationIds, CancellationToken ct)
        {
            if (configurationIds.Count == 0) return Task.CompletedTask;
            var service = new RoleConfigurationService(_session, _log);
            return ConfigurationApplier.ForEachAsync(configurationIds, ParallelListings, async configurationId =>
            {
                var policies = (await service.ListPoliciesAsync(zone.ZoneId, configurationId, ct).ConfigureAwait(false))
                    .Select(p => new AccessPolicy { Name = p.RolePolicyName, Type = p.RolePolicyType, PolicyId = p.RolePolicyId }).ToList();
                lock (zone.Policies) zone.Policies[configurationId] = policies;
            }, ct);
        }

        /// <summary>Identities once, then the grants of each identity (one listing per identity, never one per member).</summary>
        private async Task ReadIdentitiesAsync(AccessSnapshot zone, CancellationToken ct)
        {
            var identities = new List<OrgIdentity>();
            await new OrganizationIdentityService(_session, _log).ListAsync(new ListOrganizationIdentityRequest(), i => { identities.Add(i); return true; }, ct)
                .ConfigureAwait(false);
            var grants = new List<MemberAuthIdentity>();
            var memberAuth = new MemberAuthorizationService(_session, _log);
            await ConfigurationApplier.ForEachAsync(identities, ParallelListings, identity =>
                memberAuth.ListAsync(null, identity.IdentityId, g =>
                {
                    // A row without its member account is the listing's error: a report that left it out would under-state access.
                    lock (grants) grants.Add(g);
                    return true;
                }, ct), ct).ConfigureAwait(false);
            zone.Identities = identities;
            zone.Grants = grants;
        }
    }
}

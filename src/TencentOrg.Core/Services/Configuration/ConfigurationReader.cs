using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using TencentOrg.Api;
using TencentOrg.Models;

namespace TencentOrg.Services.Configuration
{
    /// <summary>
    /// Reads the organization with listings only, never one read per entry: identities once, grants once per
    /// identity, assignments once for the zone, and each directory (users, groups, members, permission
    /// configurations) once when a name needs it. Listings of different actions run at the same time, since
    /// the service's budget is per action.
    /// </summary>
    internal sealed class ConfigurationReader
    {
        private const int ParallelGrantListings = 4;

        private readonly OrgSession _session;
        private readonly IOrgLog _log;

        public ConfigurationReader(OrgSession session, IOrgLog log)
        {
            _session = session;
            _log = log;
        }

        /// <summary>The current state of the given sections; zoneId is asked only when assignments are read.</summary>
        public async Task<OrgSnapshot> ReadAsync(ICollection<ConfigurationSection> sections, Func<Task<string>> zoneId, CancellationToken ct)
        {
            var snapshot = new OrgSnapshot();
            Task identitiesAndGrants = Task.CompletedTask;
            if (sections.Contains(ConfigurationSection.Identities) || sections.Contains(ConfigurationSection.MemberAuthIdentities))
                identitiesAndGrants = ReadIdentitiesAndGrantsAsync(snapshot, sections.Contains(ConfigurationSection.MemberAuthIdentities), ct);
            Task assignments = Task.CompletedTask;
            if (sections.Contains(ConfigurationSection.RoleAssignments))
                assignments = ReadAssignmentsAsync(snapshot, zoneId, ct);
            await Task.WhenAll(identitiesAndGrants, assignments).ConfigureAwait(false);
            return snapshot;
        }

        private async Task ReadIdentitiesAndGrantsAsync(OrgSnapshot snapshot, bool grants, CancellationToken ct)
        {
            var identities = new List<ConfigurationIdentity>();
            var idByName = new Dictionary<string, long>(StringComparer.Ordinal);
            int index = 0;
            await new OrganizationIdentityService(_session, _log).ListAsync(new ListOrganizationIdentityRequest(), identity =>
            {
                var row = ListingRows.Identity(new ConfigurationIdentity
                {
                    Name = identity.Name,
                    IdentityId = identity.IdentityId,
                    IdentityType = identity.IdentityType,
                    Description = identity.Description ?? "",
                    Policies = identity.Policies.ToArray(),
                }, index++, idByName);
                if (row != null) identities.Add(row);
                return true;
            }, ct).ConfigureAwait(false);
            snapshot.Identities = identities;
            if (!grants) return;

            var found = new ConcurrentBag<ConfigurationMemberAuthIdentity>();
            var memberAuth = new MemberAuthorizationService(_session, _log);
            await ConfigurationApplier.ForEachAsync(identities, ParallelGrantListings, identity =>
            {
                var members = new HashSet<long>();
                return memberAuth.ListAsync(null, identity.IdentityId, grant =>
                {
                    // The listing checked the row (its own member, the identity listed); the same row twice counts once.
                    if (!members.Add(grant.MemberUin)) return true;
                    found.Add(new ConfigurationMemberAuthIdentity
                    {
                        Member = NullIfEmpty(grant.MemberName),
                        MemberUin = grant.MemberUin,
                        Identity = identity.Name,
                        IdentityId = grant.IdentityId,
                    });
                    return true;
                }, ct);
            }, ct).ConfigureAwait(false);
            snapshot.MemberAuthIdentities = ConfigurationFile.SortGrants(found).ToList();
        }

        private async Task ReadAssignmentsAsync(OrgSnapshot snapshot, Func<Task<string>> zoneId, CancellationToken ct)
        {
            string zone = await zoneId().ConfigureAwait(false);
            var rows = new List<ConfigurationRoleAssignment>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            int index = 0;
            await new RoleAssignmentService(_session, _log).ListAsync(new ListRoleAssignmentsRequest { ZoneId = zone }, row =>
            {
                var checkedRow = ListingRows.Assignment(new ConfigurationRoleAssignment
                {
                    Principal = NullIfEmpty(row.PrincipalName),
                    PrincipalId = row.PrincipalId,
                    PrincipalType = row.PrincipalType,
                    RoleConfiguration = NullIfEmpty(row.RoleConfigurationName),
                    RoleConfigurationId = row.RoleConfigurationId,
                    Target = NullIfEmpty(row.TargetName),
                    TargetType = row.TargetType,
                    TargetUin = row.TargetUin,
                }, index++, seen);
                if (checkedRow != null) rows.Add(checkedRow);
                return true;
            }, ct).ConfigureAwait(false);
            snapshot.RoleAssignments = rows;
        }

        /// <summary>The directory listings the names need, one listing per kind, all at once.</summary>
        public async Task<OrgDirectory> ReadDirectoryAsync(DirectoryNeeds needs, OrgSnapshot snapshot, Func<Task<string>> zoneId, CancellationToken ct)
        {
            var directory = new OrgDirectory
            {
                Identities = snapshot.Identities?.Select(i => new NamedId(i.Name, Text(i.IdentityId.GetValueOrDefault()))).ToList(),
            };
            var listings = new List<Task>();
            var center = new DirectoryService(_session, _log);
            if (needs.Users)
                listings.Add(ListAsync(async (list, zone) => await center.ListUsersAsync(new ListUsersRequest { ZoneId = zone },
                    u => { list.Add(new NamedId(u.UserName, u.UserId ?? "")); return true; }, ct).ConfigureAwait(false), l => directory.Users = l, zoneId));
            if (needs.Groups)
                listings.Add(ListAsync(async (list, zone) => await center.ListGroupsAsync(new ListGroupsRequest { ZoneId = zone },
                    g => { list.Add(new NamedId(g.GroupName, g.GroupId ?? "")); return true; }, ct).ConfigureAwait(false), l => directory.Groups = l, zoneId));
            if (needs.RoleConfigurations)
                listings.Add(ListAsync(async (list, zone) => await center.ListRoleConfigurationsAsync(zone, null,
                    c => { list.Add(new NamedId(c.RoleConfigurationName, c.RoleConfigurationId ?? "")); return true; }, ct).ConfigureAwait(false), l => directory.RoleConfigurations = l, zoneId));
            if (needs.Members)
                listings.Add(ListMembersAsync(l => directory.Members = l, ct));
            await Task.WhenAll(listings).ConfigureAwait(false);
            return directory;
        }

        public async Task ListMembersAsync(Action<List<NamedId>> done, CancellationToken ct)
        {
            var list = new List<NamedId>();
            await new DirectoryService(_session, _log).ListMembersAsync(null, null, m => { list.Add(new NamedId(m.Name, Text(m.MemberUin))); return true; }, ct)
                .ConfigureAwait(false);
            done(list);
        }

        private static async Task ListAsync(Func<List<NamedId>, string, Task> list, Action<List<NamedId>> done, Func<Task<string>> zoneId)
        {
            string zone = await zoneId().ConfigureAwait(false);
            var entries = new List<NamedId>();
            await list(entries, zone).ConfigureAwait(false);
            done(entries);
        }

        private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

        private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
    }
}

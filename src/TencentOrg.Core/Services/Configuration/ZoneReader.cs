using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using TencentOrg.Api;
using TencentOrg.Models;

namespace TencentOrg.Services.Configuration
{
    /// <summary>
    /// Reads the CIC zone with the fewest listings (CIC spec §10): ListUsers and ListGroups once each, ListGroupMembers only
    /// for groups whose MemberCount is above 0, ListRoleConfigurations once, one ListPermissionPoliciesInRoleConfiguration
    /// per configuration (it has no paging and no multi-configuration form), and one unfiltered
    /// ListRoleConfigurationProvisionings when re-deployment must be decided. Different actions run side by side (the
    /// budget is per action); the per-group and per-configuration listings run several at a time within it.
    /// </summary>
    internal sealed class ZoneReader
    {
        private const string InvalidRow = ListingRows.InvalidRowCode;
        private readonly OrgSession _session;
        private readonly IOrgLog _log;

        public ZoneReader(OrgSession session, IOrgLog log)
        {
            _session = session;
            _log = log;
        }

        private int InFlight => OrgClientOptions.CallsInFlightFor(_session.Options.RequestsPerSecond);

        /// <summary>Fills the zone parts of the snapshot the sections need; users are read for Groups too (members by name).</summary>
        public async Task ReadAsync(OrgSnapshot snapshot, ICollection<ConfigurationSection> sections, bool deployments, Func<Task<string>> zoneId, CancellationToken ct)
        {
            bool users = sections.Contains(ConfigurationSection.Users) || sections.Contains(ConfigurationSection.Groups);
            bool groups = sections.Contains(ConfigurationSection.Groups);
            bool configurations = sections.Contains(ConfigurationSection.RoleConfigurations);
            if (!users && !groups && !configurations) return;
            string zone = await zoneId().ConfigureAwait(false);
            var reads = new List<Task>();
            if (users) reads.Add(ReadUsersAsync(snapshot, zone, ct));
            if (groups) reads.Add(ReadGroupsAsync(snapshot, zone, ct));
            if (configurations) reads.Add(ReadRoleConfigurationsAsync(snapshot, zone, ct));
            if (configurations && deployments) reads.Add(ReadDeploymentsAsync(snapshot, zone, ct));
            await Task.WhenAll(reads).ConfigureAwait(false);
        }

        private async Task ReadUsersAsync(OrgSnapshot snapshot, string zone, CancellationToken ct)
        {
            var users = new List<ConfigurationUser>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            int row = 0;
            await new DirectoryService(_session, _log).ListUsersAsync(new ListUsersRequest { ZoneId = zone }, u =>
            {
                string where = "row " + row++;
                if (string.IsNullOrEmpty(u.UserId)) throw Invalid("ListUsers", where + " has no UserId");
                if (string.IsNullOrEmpty(u.UserName)) throw Invalid("ListUsers", where + " (" + u.UserId + ") has no UserName");
                if (!seen.Add(u.UserId!)) return true;
                users.Add(new ConfigurationUser
                {
                    UserName = u.UserName, UserId = u.UserId, UserType = Canonical("ListUsers", where, "UserType", u.UserType, "Manual", "Synchronized"),
                    DisplayName = u.DisplayName, FirstName = u.FirstName, LastName = u.LastName, Email = u.Email, Description = u.Description,
                    UserStatus = Canonical("ListUsers", where, "UserStatus", u.UserStatus, "Enabled", "Disabled"),
                });
                return true;
            }, ct).ConfigureAwait(false);
            snapshot.Users = users;
        }

        private async Task ReadGroupsAsync(OrgSnapshot snapshot, string zone, CancellationToken ct)
        {
            var groups = new List<(ConfigurationGroup Group, long? Count)>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            int row = 0;
            await new DirectoryService(_session, _log).ListGroupsAsync(new ListGroupsRequest { ZoneId = zone }, g =>
            {
                string where = "row " + row++;
                if (string.IsNullOrEmpty(g.GroupId)) throw Invalid("ListGroups", where + " has no GroupId");
                if (string.IsNullOrEmpty(g.GroupName)) throw Invalid("ListGroups", where + " (" + g.GroupId + ") has no GroupName");
                if (!seen.Add(g.GroupId!)) return true;
                groups.Add((new ConfigurationGroup
                {
                    GroupName = g.GroupName, GroupId = g.GroupId, Description = g.Description, Members = new List<string>(),
                    GroupType = Canonical("ListGroups", where, "GroupType", g.GroupType, "Manual", "Synchronized"),
                }, g.MemberCount));
                return true;
            }, ct).ConfigureAwait(false);
            var service = new UserGroupService(_session, _log);
            // MemberCount 0 needs no listing (§10 row 4); a missing count is listed rather than guessed.
            await ConfigurationApplier.ForEachAsync(groups.Where(g => g.Count != 0).Select(g => g.Group), InFlight, group =>
            {
                var members = new HashSet<string>(StringComparer.Ordinal);
                return service.ListGroupMembersAsync(zone, group.GroupId!, null, m =>
                {
                    if (string.IsNullOrEmpty(m.UserId)) throw Invalid("ListGroupMembers", "a member of " + group.GroupId + " has no UserId");
                    if (members.Add(m.UserId!)) group.Members!.Add(m.UserId!);
                    return true;
                }, ct);
            }, ct).ConfigureAwait(false);
            snapshot.Groups = groups.Select(g => g.Group).ToList();
        }

        private async Task ReadRoleConfigurationsAsync(OrgSnapshot snapshot, string zone, CancellationToken ct)
        {
            var configurations = new List<ConfigurationRoleConfiguration>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            int row = 0;
            await new DirectoryService(_session, _log).ListRoleConfigurationsAsync(zone, null, c =>
            {
                string where = "row " + row++;
                if (string.IsNullOrEmpty(c.RoleConfigurationId)) throw Invalid("ListRoleConfigurations", where + " has no RoleConfigurationId");
                if (string.IsNullOrEmpty(c.RoleConfigurationName)) throw Invalid("ListRoleConfigurations", where + " (" + c.RoleConfigurationId + ") has no RoleConfigurationName");
                if (!seen.Add(c.RoleConfigurationId!)) return true;
                configurations.Add(new ConfigurationRoleConfiguration
                {
                    RoleConfigurationName = c.RoleConfigurationName, RoleConfigurationId = c.RoleConfigurationId,
                    Description = string.IsNullOrEmpty(c.Description) ? null : c.Description, SessionDuration = c.SessionDuration,
                    RelayState = string.IsNullOrEmpty(c.RelayState) ? null : c.RelayState,
                });
                return true;
            }, ct).ConfigureAwait(false);
            var service = new RoleConfigurationService(_session, _log);
            await ConfigurationApplier.ForEachAsync(configurations, InFlight, async c =>
            {
                var policies = await service.ListPoliciesAsync(zone, c.RoleConfigurationId!, ct).ConfigureAwait(false);
                c.Policies = policies.Select(p => new ConfigurationRolePolicy
                {
                    RolePolicyType = p.RolePolicyType, RolePolicyId = p.IsCustom ? null : p.RolePolicyId, RolePolicyName = p.RolePolicyName,
                    RolePolicyDocument = p.IsCustom ? p.RolePolicyDocument : null,
                }).ToList();
            }, ct).ConfigureAwait(false);
            snapshot.RoleConfigurations = configurations;
        }

        private async Task ReadDeploymentsAsync(OrgSnapshot snapshot, string zone, CancellationToken ct)
        {
            var rows = new List<RoleProvisioning>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            await new ProvisioningService(_session, _log).ListAsync(new ListRoleConfigurationProvisioningsRequest { ZoneId = zone }, p =>
            {
                if (string.IsNullOrEmpty(p.RoleConfigurationId) || p.TargetUin is null or <= 0)
                    throw Invalid("ListRoleConfigurationProvisionings", "a row (" + p + ") has no RoleConfigurationId or TargetUin");
                if (seen.Add(p.RoleConfigurationId + "|" + p.TargetType + "|" + p.TargetUin)) rows.Add(p);
                return true;
            }, ct).ConfigureAwait(false);
            snapshot.Deployments = rows;
        }

        private static string Canonical(string action, string where, string field, string? value, params string[] allowed) =>
            allowed.FirstOrDefault(a => string.Equals(a, value, StringComparison.OrdinalIgnoreCase))
            ?? throw Invalid(action, where + " has " + field + " '" + RoleConfigurationRules.Shown(value) + "', which is not " + string.Join(" or ", allowed));

        private static OrgTransportException Invalid(string action, string why) =>
            new OrgTransportException(action, InvalidRow, why + "; nothing was planned or written", mayHaveReachedServer: true, retryable: false);
    }
}

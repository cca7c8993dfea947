using System;
using System.Collections.Generic;
using System.Linq;

namespace TencentOrg.Services.Access
{
    /// <summary>
    /// Joins the listings of a zone into one <see cref="OrgAccess"/> per effective access path: an assignment to a
    /// user is one path (Direct), an assignment to a group is one path per member of that group. Pure: no I/O, so
    /// it is tested on in-memory snapshots. Rows the server gave without a key are reported, never guessed.
    /// </summary>
    internal static class AccessJoin
    {
        public static List<OrgAccess> Join(AccessSnapshot zone, AccessFilter filter, Action<string> warn)
        {
            var users = FirstById(zone.Users, u => u.UserId);
            var groups = FirstById(zone.Groups, g => g.GroupId);
            var configurations = FirstById(zone.Configurations, c => c.RoleConfigurationId);
            var deployments = DeploymentIndex(zone.Deployments);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var rows = new List<OrgAccess>();

            foreach (var a in zone.Assignments)
            {
                if (string.IsNullOrEmpty(a.RoleConfigurationId) || a.TargetUin == null || string.IsNullOrEmpty(a.PrincipalId))
                {
                    warn("An assignment was listed without its configuration, account or principal and is left out: " + a + ".");
                    continue;
                }
                long uin = a.TargetUin.Value;
                if (!filter.KeepsTarget(uin) || !filter.KeepsConfiguration(a.RoleConfigurationId)) continue;
                configurations.TryGetValue(a.RoleConfigurationId!, out var configuration);
                var template = new OrgAccess
                {
                    ZoneId = zone.ZoneId,
                    RoleConfigurationId = a.RoleConfigurationId,
                    RoleConfigurationName = configuration?.RoleConfigurationName ?? a.RoleConfigurationName,
                    Policies = zone.Policies.TryGetValue(a.RoleConfigurationId!, out var policies) ? new AccessPolicyList(policies) : AccessPolicyList.Empty,
                    TargetType = a.TargetType,
                    TargetUin = uin,
                    TargetName = a.TargetName,
                    DeploymentStatus = deployments.TryGetValue(DeploymentKey(a.RoleConfigurationId!, uin), out var status) ? status : AccessSources.NotDeployed,
                };

                if (string.Equals(a.PrincipalType, "User", StringComparison.OrdinalIgnoreCase))
                {
                    if (!filter.KeepsVia(null, null)) continue;
                    users.TryGetValue(a.PrincipalId!, out var user);
                    Add(rows, seen, template, a.PrincipalId!, user?.UserName ?? a.PrincipalName, user?.UserStatus, null, null, filter);
                }
                else if (string.Equals(a.PrincipalType, "Group", StringComparison.OrdinalIgnoreCase))
                {
                    groups.TryGetValue(a.PrincipalId!, out var group);
                    string? groupName = group?.GroupName ?? a.PrincipalName;
                    if (!filter.KeepsVia(a.PrincipalId, groupName)) continue;
                    if (!zone.GroupMembers.TryGetValue(a.PrincipalId!, out var members))
                    {
                        warn("The members of group " + groupName + " (" + a.PrincipalId + ") were not listed; its paths are left out.");
                        continue;
                    }
                    foreach (var member in members)
                    {
                        if (string.IsNullOrEmpty(member.UserId))
                        {
                            warn("Group " + a.PrincipalId + " listed a member without a UserId; it is left out.");
                            continue;
                        }
                        // ListUsers has the full record; a member it did not list (created since) keeps its own fields.
                        users.TryGetValue(member.UserId!, out var user);
                        Add(rows, seen, template, member.UserId!, user?.UserName ?? member.UserName, user?.UserStatus ?? member.UserStatus,
                            a.PrincipalId, groupName, filter);
                    }
                }
                else
                {
                    warn("An assignment of principal " + a.PrincipalId + " has the unknown PrincipalType '" + a.PrincipalType + "' and is left out.");
                }
            }

            rows.Sort(CompareCic);
            if (zone.Grants != null && filter.KeepsIdentities) rows.AddRange(IdentityRows(zone, filter));
            return rows;
        }

        private static void Add(List<OrgAccess> rows, HashSet<string> seen, OrgAccess template, string userId, string? userName, string? userStatus,
            string? groupId, string? groupName, AccessFilter filter)
        {
            if (!filter.KeepsUser(userId, userName)) return;
            // A row the server listed twice is one path.
            if (!seen.Add(userId + "\n" + groupId + "\n" + template.RoleConfigurationId + "\n" + template.TargetUin)) return;
            rows.Add(new OrgAccess
            {
                ZoneId = template.ZoneId,
                UserId = userId,
                UserName = userName,
                UserStatus = userStatus,
                UserDisabled = string.Equals(userStatus, "Disabled", StringComparison.OrdinalIgnoreCase),
                Via = groupId == null ? AccessSources.Direct : groupName + " (" + groupId + ")",
                GroupId = groupId,
                GroupName = groupName,
                RoleConfigurationId = template.RoleConfigurationId,
                RoleConfigurationName = template.RoleConfigurationName,
                Policies = template.Policies,
                TargetType = template.TargetType,
                TargetUin = template.TargetUin,
                TargetName = template.TargetName,
                DeploymentStatus = template.DeploymentStatus,
            });
        }

        private static IEnumerable<OrgAccess> IdentityRows(AccessSnapshot zone, AccessFilter filter)
        {
            var identities = new Dictionary<long, OrgIdentity>();
            foreach (var identity in zone.Identities ?? new List<OrgIdentity>())
                if (!identities.ContainsKey(identity.IdentityId)) identities.Add(identity.IdentityId, identity);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            return zone.Grants!
                .Where(g => g.MemberUin > 0 && filter.KeepsTarget(g.MemberUin) && seen.Add(g.MemberUin + "/" + g.IdentityId))
                .Select(g =>
                {
                    identities.TryGetValue(g.IdentityId, out var identity);
                    return new OrgAccess
                    {
                        Source = AccessSources.OrganizationIdentity,
                        Via = AccessSources.Identity,
                        IdentityId = g.IdentityId,
                        IdentityName = identity?.Name ?? g.IdentityRoleAliasName,
                        Policies = new AccessPolicyList((identity?.Policies ?? IdentityPolicyList.Empty).Select(p => new AccessPolicy
                        {
                            Name = p.PolicyName,
                            Type = p.IsCustom ? "Custom" : "System",
                            PolicyId = p.PolicyId,
                        })),
                        TargetType = "MemberUin",
                        TargetUin = g.MemberUin,
                        TargetName = g.MemberName,
                        GrantStatus = g.Status,
                    };
                })
                .OrderBy(r => r.TargetUin).ThenBy(r => r.IdentityName, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.IdentityId)
                .ToList();
        }

        private static int CompareCic(OrgAccess x, OrgAccess y)
        {
            int c = StringComparer.OrdinalIgnoreCase.Compare(x.UserName, y.UserName);
            if (c == 0) c = string.CompareOrdinal(x.UserId, y.UserId);
            if (c == 0) c = x.TargetUin.CompareTo(y.TargetUin);
            if (c == 0) c = StringComparer.OrdinalIgnoreCase.Compare(x.RoleConfigurationName, y.RoleConfigurationName);
            if (c == 0) c = string.CompareOrdinal(x.RoleConfigurationId, y.RoleConfigurationId);
            // Direct before groups, then groups by name.
            if (c == 0) c = (x.GroupId == null ? 0 : 1).CompareTo(y.GroupId == null ? 0 : 1);
            if (c == 0) c = StringComparer.OrdinalIgnoreCase.Compare(x.GroupName, y.GroupName);
            if (c == 0) c = string.CompareOrdinal(x.GroupId, y.GroupId);
            return c;
        }

        internal static string DeploymentKey(string configurationId, long uin) => configurationId + "\n" + uin;

        /// <summary>One status per configuration and account; rows that disagree give the worst one (an audit must not hide a failure).</summary>
        private static Dictionary<string, string> DeploymentIndex(IEnumerable<RoleProvisioning> deployments)
        {
            var index = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var d in deployments)
            {
                if (string.IsNullOrEmpty(d.RoleConfigurationId) || d.TargetUin == null) continue;
                string key = DeploymentKey(d.RoleConfigurationId!, d.TargetUin.Value);
                string status = Canonical(d.DeploymentStatus);
                if (!index.TryGetValue(key, out var known) || Rank(status) > Rank(known)) index[key] = status;
            }
            return index;
        }

        private static readonly string[] Statuses = { AccessSources.Deployed, "DeployedRequired", "DeployFailed" };

        /// <summary>The API's spelling of a known status whatever its case; an unknown one as given.</summary>
        private static string Canonical(string? status) =>
            Statuses.FirstOrDefault(s => string.Equals(s, status, StringComparison.OrdinalIgnoreCase)) ?? (string.IsNullOrEmpty(status) ? "Unknown" : status!);

        private static int Rank(string status) => status == AccessSources.Deployed ? 0 : status == "DeployedRequired" ? 1 : status == "DeployFailed" ? 3 : 2;

        private static Dictionary<string, T> FirstById<T>(IEnumerable<T> items, Func<T, string?> id)
        {
            var index = new Dictionary<string, T>(StringComparer.Ordinal);
            foreach (var item in items)
            {
                string? key = id(item);
                if (!string.IsNullOrEmpty(key) && !index.ContainsKey(key!)) index.Add(key!, item);
            }
            return index;
        }
    }
}

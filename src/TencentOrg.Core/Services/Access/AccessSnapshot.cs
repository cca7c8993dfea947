using System;
using System.Collections.Generic;
using System.Linq;

namespace TencentOrg.Services.Access
{
    /// <summary>
    /// The zone as the listings showed it, before the join: users, groups and their members, configurations and
    /// their policies, assignments, deployments and (optionally) organization identities with their grants.
    /// </summary>
    internal sealed class AccessSnapshot
    {
        public string ZoneId { get; set; } = "";
        public DateTimeOffset TakenAt { get; set; }
        public List<OrgUser> Users { get; } = new List<OrgUser>();
        public List<OrgGroup> Groups { get; } = new List<OrgGroup>();
        /// <summary>Members per group ID, for the groups that were listed; a group missing here was not listed.</summary>
        public Dictionary<string, List<AccessMember>> GroupMembers { get; } = new Dictionary<string, List<AccessMember>>(StringComparer.Ordinal);
        public List<RoleConfiguration> Configurations { get; } = new List<RoleConfiguration>();
        /// <summary>Policies per configuration ID.</summary>
        public Dictionary<string, List<AccessPolicy>> Policies { get; } = new Dictionary<string, List<AccessPolicy>>(StringComparer.Ordinal);
        public List<RoleAssignment> Assignments { get; } = new List<RoleAssignment>();
        public List<RoleProvisioning> Deployments { get; } = new List<RoleProvisioning>();
        /// <summary>Null when organization identities were not read.</summary>
        public List<OrgIdentity>? Identities { get; set; }
        public List<MemberAuthIdentity>? Grants { get; set; }
    }

    /// <summary>One member of a group as ListGroupMembers gives it (a reduced user record).</summary>
    internal sealed class AccessMember
    {
        public string? UserId { get; set; }
        public string? UserName { get; set; }
        public string? UserStatus { get; set; }
    }

    /// <summary>
    /// What Get-TcOrgAccess keeps. Values of one kind are alternatives (any of them matches); kinds combine (all must
    /// match). Names match without regard to case, IDs exactly. A user, group or configuration filter keeps only CIC
    /// paths; a target filter applies to organization identities too.
    /// </summary>
    internal sealed class AccessFilter
    {
        public HashSet<string> UserIds { get; } = new HashSet<string>(StringComparer.Ordinal);
        public HashSet<string> UserNames { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        public HashSet<string> GroupIds { get; } = new HashSet<string>(StringComparer.Ordinal);
        public HashSet<string> GroupNames { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        public HashSet<long> TargetUins { get; } = new HashSet<long>();
        public HashSet<string> RoleConfigurationIds { get; } = new HashSet<string>(StringComparer.Ordinal);

        public bool ByUser => UserIds.Count > 0 || UserNames.Count > 0;
        public bool ByGroup => GroupIds.Count > 0 || GroupNames.Count > 0;
        public bool ByTarget => TargetUins.Count > 0;
        public bool ByConfiguration => RoleConfigurationIds.Count > 0;

        public bool KeepsTarget(long uin) => !ByTarget || TargetUins.Contains(uin);

        public bool KeepsConfiguration(string? id) => !ByConfiguration || (id != null && RoleConfigurationIds.Contains(id));

        public bool KeepsUser(string? id, string? name) =>
            !ByUser || (id != null && UserIds.Contains(id)) || (name != null && UserNames.Contains(name));

        /// <summary>A direct path passes a group filter never; a group path when its group is one of those asked for.</summary>
        public bool KeepsVia(string? groupId, string? groupName) =>
            !ByGroup || (groupId != null && GroupIds.Contains(groupId)) || (groupName != null && GroupNames.Contains(groupName));

        /// <summary>Organization identities have no user, group or configuration: any such filter leaves them out.</summary>
        public bool KeepsIdentities => !ByUser && !ByGroup && !ByConfiguration;

        /// <summary>The filters given, in words ("UserName alice; TargetUin 100000000001"), or null for the whole zone.</summary>
        public string? Describe()
        {
            var parts = new List<string>();
            void Add(string name, IEnumerable<string> values)
            {
                var list = values.OrderBy(v => v, StringComparer.Ordinal).ToList();
                if (list.Count > 0) parts.Add(name + " " + string.Join(", ", list));
            }
            Add("UserName", UserNames);
            Add("UserId", UserIds);
            Add("GroupName", GroupNames);
            Add("GroupId", GroupIds);
            Add("TargetUin", TargetUins.Select(u => u.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            Add("RoleConfigurationId", RoleConfigurationIds);
            return parts.Count == 0 ? null : string.Join("; ", parts);
        }

        /// <summary>The user, group and configuration filters that name nothing in the zone (a typo, or a wildcard, which is not supported).</summary>
        public IEnumerable<string> Unmatched(AccessSnapshot zone)
        {
            var userNames = new HashSet<string>(zone.Users.Select(u => u.UserName ?? ""), StringComparer.OrdinalIgnoreCase);
            var userIds = new HashSet<string>(zone.Users.Select(u => u.UserId ?? ""), StringComparer.Ordinal);
            var groupNames = new HashSet<string>(zone.Groups.Select(g => g.GroupName ?? ""), StringComparer.OrdinalIgnoreCase);
            var groupIds = new HashSet<string>(zone.Groups.Select(g => g.GroupId ?? ""), StringComparer.Ordinal);
            var configurations = new HashSet<string>(zone.Configurations.Select(c => c.RoleConfigurationId ?? ""), StringComparer.Ordinal);
            foreach (var n in UserNames.Where(n => !userNames.Contains(n))) yield return "no user named '" + n + "'";
            foreach (var id in UserIds.Where(id => !userIds.Contains(id))) yield return "no user " + id;
            foreach (var n in GroupNames.Where(n => !groupNames.Contains(n))) yield return "no group named '" + n + "'";
            foreach (var id in GroupIds.Where(id => !groupIds.Contains(id))) yield return "no group " + id;
            foreach (var id in RoleConfigurationIds.Where(id => !configurations.Contains(id))) yield return "no permission configuration " + id;
        }
    }
}

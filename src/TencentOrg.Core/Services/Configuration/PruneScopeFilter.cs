using System;
using System.Collections.Generic;
using System.Globalization;

namespace TencentOrg.Services.Configuration
{
    /// <summary>
    /// A file's PruneScope with every entry resolved to an ID: the removals -Prune may send. An item is inside when
    /// it matches every list given; a list about something the item does not have (Principals for an identity,
    /// Members for a role assignment) leaves it outside, so a narrow scope never reaches another kind.
    /// </summary>
    internal sealed class PruneScopeFilter
    {
        private readonly bool _all;
        private readonly HashSet<string>? _principals, _targets, _roleConfigurations, _identities, _members, _users, _groups;

        public PruneScopeFilter(HashSet<string>? principals, HashSet<string>? targets, HashSet<string>? roleConfigurations,
            HashSet<string>? identities, HashSet<string>? members, HashSet<string>? users = null, HashSet<string>? groups = null)
        {
            _users = users;
            _groups = groups;
            _principals = principals;
            _targets = targets;
            _roleConfigurations = roleConfigurations;
            _identities = identities;
            _members = members;
        }

        private PruneScopeFilter() => _all = true;

        public static PruneScopeFilter Everything { get; } = new PruneScopeFilter();

        public bool Contains(ConfigurationPlanItem item)
        {
            if (_all) return true;
            bool noOrgLists = _identities == null && _members == null;
            bool noZoneLists = _users == null && _groups == null;
            bool noAssignmentLists = _principals == null && _targets == null;
            switch (item.Current ?? item.Desired)
            {
                // Zone kinds (issue 18): a user by Users, a group by Groups, a membership by both, a configuration and its
                // policies by RoleConfigurations; any list about another dimension leaves them outside.
                case ConfigurationUser u:
                    return noOrgLists && noAssignmentLists && _roleConfigurations == null && _groups == null && Matches(_users, u.UserId);
                case ConfigurationGroup g:
                    return noOrgLists && noAssignmentLists && _roleConfigurations == null && _users == null && Matches(_groups, g.GroupId);
                case ConfigurationGroupMember m:
                    return noOrgLists && noAssignmentLists && _roleConfigurations == null && !noZoneLists && Matches(_users, m.UserId) && Matches(_groups, m.GroupId);
                case ConfigurationRoleConfiguration c:
                    return noOrgLists && noAssignmentLists && noZoneLists && Matches(_roleConfigurations, c.RoleConfigurationId);
                case ConfigurationRoleConfigurationPolicy p:
                    return noOrgLists && noAssignmentLists && noZoneLists && Matches(_roleConfigurations, p.RoleConfigurationId);
                case ConfigurationRedeployment:
                    return true;
                case ConfigurationRoleAssignment a:
                    return noZoneLists && _identities == null && _members == null
                        && Matches(_principals, a.PrincipalId) && Matches(_targets, Text(a.TargetUin)) && Matches(_roleConfigurations, a.RoleConfigurationId);
                case ConfigurationMemberAuthIdentity g:
                    return noZoneLists && _principals == null && _targets == null && _roleConfigurations == null
                        && Matches(_members, Text(g.MemberUin)) && Matches(_identities, Text(g.IdentityId));
                case ConfigurationIdentity i:
                    return noZoneLists && _principals == null && _targets == null && _roleConfigurations == null && _members == null
                        && Matches(_identities, Text(i.IdentityId));
                default:
                    return false;
            }
        }

        private static bool Matches(HashSet<string>? list, string? id) => list == null || (id != null && list.Contains(id));

        private static string? Text(long? value) => value?.ToString(CultureInfo.InvariantCulture);
    }
}

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
        private readonly HashSet<string>? _principals, _targets, _roleConfigurations, _identities, _members;

        public PruneScopeFilter(HashSet<string>? principals, HashSet<string>? targets, HashSet<string>? roleConfigurations,
            HashSet<string>? identities, HashSet<string>? members)
        {
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
            switch (item.Current ?? item.Desired)
            {
                case ConfigurationRoleAssignment a:
                    return _identities == null && _members == null
                        && Matches(_principals, a.PrincipalId) && Matches(_targets, Text(a.TargetUin)) && Matches(_roleConfigurations, a.RoleConfigurationId);
                case ConfigurationMemberAuthIdentity g:
                    return _principals == null && _targets == null && _roleConfigurations == null
                        && Matches(_members, Text(g.MemberUin)) && Matches(_identities, Text(g.IdentityId));
                case ConfigurationIdentity i:
                    return _principals == null && _targets == null && _roleConfigurations == null && _members == null
                        && Matches(_identities, Text(i.IdentityId));
                default:
                    return false;
            }
        }

        private static bool Matches(HashSet<string>? list, string? id) => list == null || (id != null && list.Contains(id));

        private static string? Text(long? value) => value?.ToString(CultureInfo.InvariantCulture);
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace TencentOrg.Services.Configuration
{
    /// <summary>
    /// Turns the names of a configuration into IDs with the directory listings, and fills in readable names for
    /// entries given by ID. An ID given beside a name wins (a differing name is a warning); an unknown or
    /// ambiguous name is a problem, and any problem stops the command before a write.
    /// </summary>
    internal sealed class ConfigurationResolver
    {
        private readonly OrgDirectory _directory;
        private readonly List<string> _warnings = new List<string>();
        // One problem per unresolved name, however many entries use it.
        private readonly Dictionary<string, (string First, int Count)> _unresolved = new Dictionary<string, (string, int)>(StringComparer.Ordinal);
        private readonly Dictionary<string, Index> _indexes = new Dictionary<string, Index>(StringComparer.Ordinal);

        private ConfigurationResolver(OrgDirectory directory)
        {
            _directory = directory;
        }

        public IReadOnlyList<string> Warnings => _warnings;

        /// <summary>
        /// A resolved copy of the desired configuration. Grants may keep a null IdentityId only for identities the
        /// Identities section creates. Throws ConfigurationException listing every unresolved name.
        /// </summary>
        public static OrgConfiguration Resolve(OrgConfiguration desired, OrgDirectory directory, OrgSnapshot current, out IReadOnlyList<string> warnings)
        {
            var resolver = new ConfigurationResolver(directory);
            var resolved = new OrgConfiguration
            {
                Identities = desired.Identities?.Select(resolver.Identity).ToList(),
                MemberAuthIdentities = desired.MemberAuthIdentities?.Select((g, i) => resolver.Grant(g, i, desired, current)).ToList(),
                RoleAssignments = desired.RoleAssignments?.Select((a, i) => resolver.Assignment(a, i)).ToList(),
            };
            warnings = resolver.Warnings;
            if (resolver._unresolved.Count > 0)
            {
                var problems = resolver._unresolved.Select(u => u.Value.First + (u.Value.Count > 1 ? " (and " + (u.Value.Count - 1) + " more entries)" : "")).ToList();
                throw new ConfigurationException("ConfigurationNameNotResolved", "Names in the configuration do not resolve; nothing was sent", problems);
            }
            return resolved;
        }

        private ConfigurationIdentity Identity(ConfigurationIdentity identity) => new ConfigurationIdentity
        {
            Name = identity.Name,
            IdentityId = identity.IdentityId,
            IdentityType = identity.IdentityType,
            Description = identity.Description,
            Policies = identity.Policies,
        };

        private ConfigurationMemberAuthIdentity Grant(ConfigurationMemberAuthIdentity grant, int index, OrgConfiguration desired, OrgSnapshot current)
        {
            string at = "MemberAuthIdentities[" + index + "]";
            var result = new ConfigurationMemberAuthIdentity { Member = grant.Member, MemberUin = grant.MemberUin, Identity = grant.Identity, IdentityId = grant.IdentityId };

            string? member = Resolve("member", _directory.Members, grant.Member, Text(grant.MemberUin), at + ".Member");
            if (member != null) result.MemberUin = long.Parse(member, CultureInfo.InvariantCulture);
            result.Member ??= NameOf("member", _directory.Members, Text(result.MemberUin));

            if (grant.IdentityId == null && grant.Identity != null)
            {
                // A name the Identities section creates has no ID yet; Sync fills it in after the create.
                bool created = desired.Identities != null && desired.Identities.Any(i => i.Name == grant.Identity)
                    && (current.Identities == null || current.Identities.All(i => i.Name != grant.Identity));
                if (!created)
                {
                    string? id = Resolve("identity", _directory.Identities, grant.Identity, null, at + ".Identity");
                    if (id != null) result.IdentityId = long.Parse(id, CultureInfo.InvariantCulture);
                }
            }
            else
            {
                Resolve("identity", _directory.Identities, grant.Identity, Text(grant.IdentityId), at + ".Identity");
            }
            result.Identity ??= NameOf("identity", _directory.Identities, Text(result.IdentityId));
            return result;
        }

        private ConfigurationRoleAssignment Assignment(ConfigurationRoleAssignment a, int index)
        {
            string at = "RoleAssignments[" + index + "]";
            var result = new ConfigurationRoleAssignment
            {
                Principal = a.Principal,
                PrincipalId = a.PrincipalId,
                PrincipalType = a.PrincipalType ?? (a.PrincipalId != null ? ConfigurationValidator.PrincipalTypeOf(a.PrincipalId) : null),
                RoleConfiguration = a.RoleConfiguration,
                RoleConfigurationId = a.RoleConfigurationId,
                Target = a.Target,
                TargetType = a.TargetType ?? "MemberUin",
                TargetUin = a.TargetUin,
            };
            var principals = result.PrincipalType == "Group" ? _directory.Groups : _directory.Users;
            string kind = result.PrincipalType == "Group" ? "group" : "user";
            result.PrincipalId = Resolve(kind, principals, a.Principal, a.PrincipalId, at + ".Principal") ?? result.PrincipalId;
            result.RoleConfigurationId = Resolve("permission configuration", _directory.RoleConfigurations, a.RoleConfiguration, a.RoleConfigurationId, at + ".RoleConfiguration")
                ?? result.RoleConfigurationId;
            string? target = Resolve("member", _directory.Members, a.Target, Text(a.TargetUin), at + ".Target");
            if (target != null) result.TargetUin = long.Parse(target, CultureInfo.InvariantCulture);

            result.Principal ??= NameOf(kind, principals, result.PrincipalId);
            result.RoleConfiguration ??= NameOf("permission configuration", _directory.RoleConfigurations, result.RoleConfigurationId);
            result.Target ??= NameOf("member", _directory.Members, Text(result.TargetUin));
            return result;
        }

        /// <summary>The ID to use: the given ID, else the one entry the name matches; null (and a problem) when it does not resolve.</summary>
        private string? Resolve(string kind, IReadOnlyList<NamedId>? directory, string? name, string? id, string at)
        {
            if (id != null)
            {
                // Both given: the ID wins. When the kind was listed anyway, say if the name is stale.
                if (name != null && directory != null)
                {
                    string? listed = NameOf(kind, directory, id);
                    if (listed != null && listed != name)
                        _warnings.Add(at + ": " + kind + " " + id + " is named '" + listed + "' in the organization, not '" + name + "'; the ID is used.");
                }
                return id;
            }
            if (name == null) return null;
            if (directory == null)
            {
                Unresolved(kind + "|" + name, at + ": the " + kind + " name '" + name + "' cannot be resolved (no " + kind + " listing).");
                return null;
            }
            var index = IndexOf(kind, directory);
            if (!index.ByName.TryGetValue(name, out var ids))
            {
                Unresolved(kind + "|" + name, at + ": no " + kind + " is named '" + name + "'.");
                return null;
            }
            if (ids.Count > 1)
            {
                Unresolved(kind + "|" + name, at + ": the " + kind + " name '" + name + "' is ambiguous (" + string.Join(", ", ids) + "); give the ID.");
                return null;
            }
            return ids[0];
        }

        private string? NameOf(string kind, IReadOnlyList<NamedId>? directory, string? id)
        {
            if (directory == null || id == null) return null;
            return IndexOf(kind, directory).ById.TryGetValue(id, out var name) ? name : null;
        }

        private void Unresolved(string key, string problem)
        {
            _unresolved[key] = _unresolved.TryGetValue(key, out var seen) ? (seen.First, seen.Count + 1) : (problem, 1);
        }

        private Index IndexOf(string kind, IReadOnlyList<NamedId> directory)
        {
            if (_indexes.TryGetValue(kind, out var index)) return index;
            index = new Index();
            foreach (var entry in directory)
            {
                if (entry.Name != null)
                {
                    if (!index.ByName.TryGetValue(entry.Name, out var ids)) index.ByName[entry.Name] = ids = new List<string>();
                    if (!ids.Contains(entry.Id)) ids.Add(entry.Id);
                    index.ById[entry.Id] = entry.Name;
                }
            }
            return _indexes[kind] = index;
        }

        private static string? Text(long? value) => value?.ToString(CultureInfo.InvariantCulture);

        private sealed class Index
        {
            public Dictionary<string, List<string>> ByName { get; } = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            public Dictionary<string, string> ById { get; } = new Dictionary<string, string>(StringComparer.Ordinal);
        }
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;

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
        public static OrgConfiguration Resolve(OrgConfiguration desired, OrgDirectory directory, OrgSnapshot current, out IReadOnlyList<string> warnings) =>
            Resolve(desired, directory, current, out warnings, out _);

        /// <summary>As above, and the file's PruneScope as sets of IDs (null when the file declares none).</summary>
        public static OrgConfiguration Resolve(OrgConfiguration desired, OrgDirectory directory, OrgSnapshot current, out IReadOnlyList<string> warnings,
            out PruneScopeFilter? scope)
        {
            var resolver = new ConfigurationResolver(directory) { _desired = desired };
            var resolved = new OrgConfiguration
            {
                Identities = desired.Identities?.Select((identity, i) => resolver.Identity(identity, i, current)).ToList(),
                MemberAuthIdentities = desired.MemberAuthIdentities?.Select((g, i) => resolver.Grant(g, i, desired, current)).ToList(),
                RoleAssignments = desired.RoleAssignments?.Select((a, i) => resolver.Assignment(a, i)).ToList(),
                PruneScope = desired.PruneScope,
                Users = desired.Users,
                Groups = desired.Groups,
                RoleConfigurations = desired.RoleConfigurations,
            };
            scope = desired.PruneScope == null ? null : resolver.Scope(desired.PruneScope, desired);
            warnings = resolver.Warnings;
            if (resolver._unresolved.Count > 0)
            {
                var problems = resolver._unresolved.Select(u => u.Value.First + (u.Value.Count > 1 ? " (and " + (u.Value.Count - 1) + " more entries)" : "")).ToList();
                throw new ConfigurationException("ConfigurationNameNotResolved", "Names or IDs in the configuration do not match the organization; nothing was sent", problems);
            }
            return resolved;
        }

        /// <summary>An identity is matched by name; an IdentityId beside it must be that identity's ID.</summary>
        private ConfigurationIdentity Identity(ConfigurationIdentity identity, int index, OrgSnapshot current)
        {
            string at = "Identities[" + index + "].IdentityId";
            if (identity.IdentityId != null && current.Identities != null)
            {
                var byName = current.Identities.FirstOrDefault(c => c.Name == identity.Name);
                var byId = current.Identities.FirstOrDefault(c => c.IdentityId == identity.IdentityId);
                if (byName != null && byName.IdentityId != identity.IdentityId)
                    Unresolved("identity-id|" + index, at + ": the identity '" + identity.Name + "' has the ID " + byName.IdentityId + " in the organization, not "
                        + identity.IdentityId + "; correct the ID or the name.");
                else if (byName == null && byId != null)
                    Unresolved("identity-id|" + index, at + ": identity " + identity.IdentityId + " is named '" + byId.Name + "' in the organization, not '"
                        + identity.Name + "'; identities cannot be renamed: correct the name or the ID.");
                else if (byName == null)
                    Unresolved("identity-id|" + index, at + ": no identity has the ID " + identity.IdentityId + "; leave IdentityId out for an identity this file creates.");
            }
            return new ConfigurationIdentity
            {
                Name = identity.Name,
                IdentityId = identity.IdentityId,
                IdentityType = identity.IdentityType,
                Description = identity.Description,
                Policies = identity.Policies,
            };
        }

        private ConfigurationMemberAuthIdentity Grant(ConfigurationMemberAuthIdentity grant, int index, OrgConfiguration desired, OrgSnapshot current)
        {
            string at = "MemberAuthIdentities[" + index + "]";
            var result = new ConfigurationMemberAuthIdentity { Member = grant.Member, MemberUin = grant.MemberUin, Identity = grant.Identity, IdentityId = grant.IdentityId };

            string? member = Resolve("member", _directory.Members, grant.Member, Text(grant.MemberUin), at, "Member", "MemberUin");
            if (member != null) result.MemberUin = long.Parse(member, CultureInfo.InvariantCulture);
            result.Member ??= NameOf("member", _directory.Members, Text(result.MemberUin));

            if (grant.IdentityId == null && grant.Identity != null)
            {
                // A name the Identities section creates has no ID yet; Sync fills it in after the create.
                bool created = desired.Identities != null && desired.Identities.Any(i => i.Name == grant.Identity)
                    && (current.Identities == null || current.Identities.All(i => i.Name != grant.Identity));
                if (!created)
                {
                    string? id = Resolve("identity", _directory.Identities, grant.Identity, null, at, "Identity", "IdentityId");
                    if (id != null) result.IdentityId = long.Parse(id, CultureInfo.InvariantCulture);
                }
            }
            else
            {
                Resolve("identity", _directory.Identities, grant.Identity, Text(grant.IdentityId), at, "Identity", "IdentityId");
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
                PrincipalType = a.PrincipalType ?? (a.PrincipalId != null ? TencentOrg.Services.RoleAssignments.InferPrincipalType(a.PrincipalId) : null),
                RoleConfiguration = a.RoleConfiguration,
                RoleConfigurationId = a.RoleConfigurationId,
                Target = a.Target,
                TargetType = a.TargetType ?? "MemberUin",
                TargetUin = a.TargetUin,
            };
            var principals = result.PrincipalType == "Group" ? _directory.Groups : _directory.Users;
            string kind = result.PrincipalType == "Group" ? "group" : "user";
            // A user, group or configuration the file's zone sections create has no ID yet; Sync fills it in after the create.
            if (a.PrincipalId != null || !Creates(kind, principals, a.Principal))
                result.PrincipalId = Resolve(kind, principals, a.Principal, a.PrincipalId, at, "Principal", "PrincipalId") ?? result.PrincipalId;
            if (a.RoleConfigurationId != null || !Creates("permission configuration", _directory.RoleConfigurations, a.RoleConfiguration))
                result.RoleConfigurationId = Resolve("permission configuration", _directory.RoleConfigurations, a.RoleConfiguration, a.RoleConfigurationId, at,
                    "RoleConfiguration", "RoleConfigurationId") ?? result.RoleConfigurationId;
            string? target = Resolve("member", _directory.Members, a.Target, Text(a.TargetUin), at, "Target", "TargetUin");
            if (target != null) result.TargetUin = long.Parse(target, CultureInfo.InvariantCulture);

            result.Principal ??= NameOf(kind, principals, result.PrincipalId);
            result.RoleConfiguration ??= NameOf("permission configuration", _directory.RoleConfigurations, result.RoleConfigurationId);
            result.Target ??= NameOf("member", _directory.Members, Text(result.TargetUin));
            return result;
        }

        /// <summary>
        /// The ID to use: the given ID, else the one entry the name matches; null (and a problem) when it does not
        /// resolve. A given ID must be in the kind's listing, and a name beside it must be that ID's name: a doubt
        /// about what an entry means stops the command before any write.
        /// </summary>
        private string? Resolve(string kind, IReadOnlyList<NamedId>? directory, string? name, string? id, string at, string nameField, string idField)
        {
            if (id != null)
            {
                if (directory == null) return id;
                var byId = IndexOf(kind, directory);
                if (!byId.Ids.Contains(id))
                {
                    Unresolved(kind + "|id|" + id, Field(at, idField) + ": no " + kind + " has the ID '" + id + "'.");
                    return null;
                }
                if (name != null && byId.ById.TryGetValue(id, out var listed) && listed != name)
                {
                    Unresolved(kind + "|pair|" + id + "|" + name, at + ": " + nameField + " '" + name + "' and " + idField + " '" + id + "' disagree: " + kind + " "
                        + id + " is named '" + listed + "' in the organization; correct one of them.");
                    return null;
                }
                return id;
            }
            if (name == null) return null;
            at = Field(at, nameField);
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

        private static string Field(string at, string field) => field.Length == 0 ? at : at + "." + field;

        /// <summary>The scope's entries as IDs, each checked with the same listings as the entries' names and IDs.</summary>
        private PruneScopeFilter Scope(ConfigurationPruneScope scope, OrgConfiguration desired)
        {
            if (scope.All) return PruneScopeFilter.Everything;
            HashSet<string>? Ids(List<string>? entries, string list, Func<string, string, string?> resolve)
            {
                if (entries == null) return null;
                var ids = new HashSet<string>(StringComparer.Ordinal);
                for (int i = 0; i < entries.Count; i++)
                {
                    string? id = resolve(entries[i], "PruneScope." + list + "[" + i + "]");
                    if (id != null) ids.Add(id);
                }
                return ids;
            }
            return new PruneScopeFilter(
                Ids(scope.Principals, "Principals", Principal),
                Ids(scope.Targets, "Targets", (entry, at) => Account(entry, at)),
                Ids(scope.RoleConfigurations, "RoleConfigurations", (entry, at) => Regex.IsMatch(entry, Patterns.RoleConfigurationId)
                    ? Resolve("permission configuration", _directory.RoleConfigurations, null, entry, at, "", "")
                    : Resolve("permission configuration", _directory.RoleConfigurations, entry, null, at, "", "")),
                Ids(scope.Identities, "Identities", (entry, at) =>
                {
                    // Not read (the file has no identity sections): nothing of that kind can be inside anyway.
                    if (_directory.Identities == null) return entry;
                    if (long.TryParse(entry, NumberStyles.None, CultureInfo.InvariantCulture, out _)) return Resolve("identity", _directory.Identities, null, entry, at, "", "");
                    // An identity this file creates has no ID yet, and nothing of it to remove.
                    if (desired.Identities != null && desired.Identities.Any(d => d.Name == entry) && _directory.Identities.All(d => d.Name != entry)) return null;
                    return Resolve("identity", _directory.Identities, entry, null, at, "", "");
                }),
                Ids(scope.Members, "Members", (entry, at) => Account(entry, at)),
                Ids(scope.Users, "Users", (entry, at) => ZoneEntry("user", _directory.Users, Patterns.CicUserId, entry, at,
                    desired.Users?.Any(u => u.UserName == entry) == true)),
                Ids(scope.Groups, "Groups", (entry, at) => ZoneEntry("group", _directory.Groups, Patterns.CicGroupId, entry, at,
                    desired.Groups?.Any(g => g.GroupName == entry) == true)));

            string? Account(string entry, string at) => long.TryParse(entry, NumberStyles.None, CultureInfo.InvariantCulture, out _)
                ? Resolve("member", _directory.Members, null, entry, at, "", "")
                : Resolve("member", _directory.Members, entry, null, at, "", "");
        }

        /// <summary>A scope user or group: its ID, or its name; a name the file creates has nothing to remove yet.</summary>
        private string? ZoneEntry(string kind, IReadOnlyList<NamedId>? directory, string idPattern, string entry, string at, bool created)
        {
            if (Regex.IsMatch(entry, idPattern) && directory != null && IndexOf(kind, directory).Ids.Contains(entry)) return entry;
            if (created && directory != null && !IndexOf(kind, directory).ByName.ContainsKey(entry)) return null;
            return Resolve(kind, directory, entry, null, at, "", "");
        }

        /// <summary>A scope principal: a u-/g- ID, or a name that must be one user or one group.</summary>
        private string? Principal(string entry, string at)
        {
            string? type = Regex.IsMatch(entry, Patterns.PrincipalId) ? TencentOrg.Services.RoleAssignments.InferPrincipalType(entry) : null;
            if (type != null)
                return Resolve(type == "Group" ? "group" : "user", type == "Group" ? _directory.Groups : _directory.Users, null, entry, at, "", "");
            bool user = _directory.Users != null && IndexOf("user", _directory.Users).ByName.ContainsKey(entry);
            bool group = _directory.Groups != null && IndexOf("group", _directory.Groups).ByName.ContainsKey(entry);
            if (user == group)
            {
                Unresolved("principal|" + entry, at + (user ? ": '" + entry + "' names both a user and a group; give the ID." : ": no user or group is named '" + entry + "'."));
                return null;
            }
            return group ? Resolve("group", _directory.Groups, entry, null, at, "", "") : Resolve("user", _directory.Users, entry, null, at, "", "");
        }

        private OrgConfiguration? _desired;

        /// <summary>Whether the name is one the file's zone sections create (absent from the listing).</summary>
        private bool Creates(string kind, IReadOnlyList<NamedId>? directory, string? name)
        {
            if (name == null || _desired == null || directory == null || IndexOf(kind, directory).ByName.ContainsKey(name)) return false;
            return kind switch
            {
                "user" => _desired.Users?.Any(u => u.UserName == name) == true,
                "group" => _desired.Groups?.Any(g => g.GroupName == name) == true,
                _ => _desired.RoleConfigurations?.Any(c => c.RoleConfigurationName == name) == true,
            };
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
                index.Ids.Add(entry.Id);
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
            public HashSet<string> Ids { get; } = new HashSet<string>(StringComparer.Ordinal);
        }
    }
}

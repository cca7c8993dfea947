using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace TencentOrg.Services.Configuration
{
    /// <summary>
    /// Plans the zone sections (issue 18) against the listings: users by name, groups by ID (a rename) or name, their
    /// members, permission configurations by name with their policies (system by ID, custom by name), and a
    /// re-deployment of each configuration whose policies change on every account where it is deployed. Anything the
    /// file cannot mean is a problem, and any problem stops the command before a write: an unknown member or policy, a
    /// name that differs only in case from one in the zone, an ID beside a name that disagrees, and any change to a
    /// SCIM-synchronized user or group (those are listed for the record and never changed or removed).
    /// </summary>
    internal sealed class ZonePlanner
    {
        public const string ConflictId = "ConfigurationConflict";
        private const string Synchronized = "Synchronized";

        private readonly OrgConfiguration _desired;
        private readonly OrgSnapshot _current;
        private readonly List<string> _warnings;
        private readonly List<string> _problems = new List<string>();
        private readonly List<ConfigurationPlanItem> _plan = new List<ConfigurationPlanItem>();

        private ZonePlanner(OrgConfiguration desired, OrgSnapshot current, List<string> warnings)
        {
            _desired = desired;
            _current = current;
            _warnings = warnings;
        }

        /// <summary>The zone's plan items; throws ConfigurationException naming every problem.</summary>
        public static List<ConfigurationPlanItem> Plan(OrgConfiguration desired, OrgSnapshot current, List<string> warnings)
        {
            var planner = new ZonePlanner(desired, current, warnings);
            if (desired.Users != null) planner.PlanUsers(desired.Users, Need(current.Users, "users"));
            if (desired.Groups != null) planner.PlanGroups(desired.Groups, Need(current.Groups, "groups"), Need(current.Users, "users"));
            if (desired.RoleConfigurations != null) planner.PlanRoleConfigurations(desired.RoleConfigurations, Need(current.RoleConfigurations, "permission configurations"));
            if (planner._problems.Count > 0)
                throw new ConfigurationException(ConflictId, "The configuration cannot be applied to the zone as it is; nothing was sent", planner._problems);
            return planner._plan;
        }

        private static List<T> Need<T>(List<T>? list, string what) => list ?? throw new InvalidOperationException("The current " + what + " were not read.");

        // ---- users ----

        private void PlanUsers(List<ConfigurationUser> desired, List<ConfigurationUser> current)
        {
            var byName = current.Where(u => u.UserName != null).GroupBy(u => u.UserName!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            var byFold = current.Where(u => u.UserName != null).GroupBy(u => u.UserName!, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
            var wanted = new HashSet<string>(StringComparer.Ordinal);
            for (int i = 0; i < desired.Count; i++)
            {
                var want = desired[i];
                string at = "Users[" + i + "] (" + want.UserName + ")";
                wanted.Add(want.UserName!);
                if (!byName.TryGetValue(want.UserName!, out var have))
                {
                    if (byFold.TryGetValue(want.UserName!, out var other))
                        _problems.Add(at + ": the zone has the user '" + other.UserName + "' (" + other.UserId + "), which differs only in case; names differing only in case are refused.");
                    else if (want.UserId != null) _problems.Add(at + ".UserId: no user is named '" + want.UserName + "'; leave UserId out for a user this file creates.");
                    else if (want.IsSynchronized) _problems.Add(at + ": a SCIM-synchronized user cannot be created here; it comes from the identity provider.");
                    else Add(ConfigurationKind.User, want.ToString(), want, null);
                    continue;
                }
                if (want.UserId != null && want.UserId != have.UserId)
                    _problems.Add(at + ".UserId: the user '" + want.UserName + "' has the ID " + have.UserId + " in the zone, not " + want.UserId + "; correct the ID or the name.");
                var changes = new List<ConfigurationPropertyChange>();
                Compare(changes, "DisplayName", have.DisplayName, want.DisplayName, at);
                Compare(changes, "FirstName", have.FirstName, want.FirstName, at);
                Compare(changes, "LastName", have.LastName, want.LastName, at);
                Compare(changes, "Email", have.Email, want.Email, at);
                Compare(changes, "Description", have.Description, want.Description, at);
                Compare(changes, "UserStatus", have.UserStatus, want.UserStatus, at);
                if (want.UserType != null && want.UserType != have.UserType) changes.Add(new ConfigurationPropertyChange("UserType", have.UserType ?? "", want.UserType));
                if (changes.Count == 0) continue;
                if (have.IsSynchronized || want.UserType != null && want.UserType != have.UserType)
                {
                    _problems.Add(at + ": " + (have.IsSynchronized ? "the user is synchronized by SCIM and is never changed here" : "UserType cannot be changed")
                        + "; the file changes " + string.Join(", ", changes.Select(c => c.ToString())) + ". Change it in the identity provider, or write it as exported.");
                    continue;
                }
                var merged = new ConfigurationUser
                {
                    UserName = have.UserName, UserId = have.UserId, UserType = have.UserType,
                    DisplayName = want.DisplayName, FirstName = want.FirstName, LastName = want.LastName, Email = want.Email, Description = want.Description, UserStatus = want.UserStatus,
                };
                Change(ConfigurationKind.User, have.ToString(), merged, have, changes);
            }
            foreach (var gone in ConfigurationFile.SortUsers(current).Where(u => !wanted.Contains(u.UserName!)))
            {
                // SCIM users belong to the identity provider: never removed, like preset identities.
                if (gone.IsSynchronized) continue;
                Remove(ConfigurationKind.User, gone.ToString(), gone);
                foreach (var group in (_current.Groups ?? new List<ConfigurationGroup>()).Where(g => g.Members?.Contains(gone.UserId!) == true && !g.IsSynchronized))
                    RemoveMember(group, gone.UserId!, gone.UserName);
            }
        }

        // ---- groups and members ----

        private void PlanGroups(List<ConfigurationGroup> desired, List<ConfigurationGroup> current, List<ConfigurationUser> users)
        {
            var byId = current.ToDictionary(g => g.GroupId!, StringComparer.Ordinal);
            var byName = current.GroupBy(g => g.GroupName!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            var byFold = current.GroupBy(g => g.GroupName!, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
            var matched = new HashSet<string>(StringComparer.Ordinal);
            for (int i = 0; i < desired.Count; i++)
            {
                var want = desired[i];
                string at = "Groups[" + i + "] (" + want.GroupName + ")";
                ConfigurationGroup? have;
                if (want.GroupId != null)
                {
                    if (!byId.TryGetValue(want.GroupId, out have))
                    {
                        _problems.Add(at + ".GroupId: no group has the ID '" + want.GroupId + "'; leave GroupId out for a group this file creates.");
                        continue;
                    }
                }
                else if (!byName.TryGetValue(want.GroupName!, out have) && byFold.TryGetValue(want.GroupName!, out var other))
                {
                    _problems.Add(at + ": the zone has the group '" + other.GroupName + "' (" + other.GroupId + "), which differs only in case; names differing only in case are refused.");
                    continue;
                }
                var members = want.Members == null ? null : ResolveMembers(want, at, users);
                if (have == null)
                {
                    if (want.IsSynchronized)
                    {
                        _problems.Add(at + ": a SCIM-synchronized group cannot be created here; it comes from the identity provider.");
                        continue;
                    }
                    Add(ConfigurationKind.Group, want.ToString(), want, null);
                    foreach (var m in members ?? new List<(string?, string?)>()) AddMember(want, m.Id, m.Name);
                    continue;
                }
                matched.Add(have.GroupId!);
                var changes = new List<ConfigurationPropertyChange>();
                if (want.GroupName != have.GroupName)
                {
                    if (byName.TryGetValue(want.GroupName!, out var taken) && taken.GroupId != have.GroupId)
                        _problems.Add(at + ": renaming " + have + " to '" + want.GroupName + "' collides with " + taken + ".");
                    changes.Add(new ConfigurationPropertyChange("GroupName", Quote(have.GroupName), Quote(want.GroupName)));
                }
                Compare(changes, "Description", have.Description, want.Description, at);
                if (want.GroupType != null && want.GroupType != have.GroupType) changes.Add(new ConfigurationPropertyChange("GroupType", have.GroupType ?? "", want.GroupType));
                var currentMembers = new HashSet<string>(have.Members ?? new List<string>(), StringComparer.Ordinal);
                var adds = members?.Where(m => m.Id == null || !currentMembers.Contains(m.Id)).ToList() ?? new List<(string? Id, string? Name)>();
                var wantedIds = new HashSet<string>(members?.Where(m => m.Id != null).Select(m => m.Id!) ?? Enumerable.Empty<string>(), StringComparer.Ordinal);
                var removes = members == null ? new List<string>() : currentMembers.Where(id => !wantedIds.Contains(id)).OrderBy(id => id, StringComparer.Ordinal).ToList();
                if (have.IsSynchronized || want.GroupType != null && want.GroupType != have.GroupType)
                {
                    if (changes.Count + adds.Count + removes.Count > 0)
                        _problems.Add(at + ": " + (have.IsSynchronized ? "the group is synchronized by SCIM and is never changed here" : "GroupType cannot be changed")
                            + "; the file changes " + string.Join(", ", changes.Select(c => c.ToString()).Concat(adds.Select(a => "+member " + (a.Name ?? a.Id)))
                                .Concat(removes.Select(r => "-member " + r))) + ". Write it as exported.");
                    continue;
                }
                if (changes.Count > 0)
                {
                    var merged = new ConfigurationGroup { GroupId = have.GroupId, GroupName = want.GroupName, GroupType = have.GroupType, Description = want.Description };
                    Change(ConfigurationKind.Group, have.ToString(), merged, have, changes);
                }
                var target = new ConfigurationGroup { GroupId = have.GroupId, GroupName = want.GroupName };
                foreach (var m in adds) AddMember(target, m.Id, m.Name);
                var names = _current.UserNamesById();
                foreach (var id in removes) RemoveMember(have, id, names.TryGetValue(id, out var n) ? n : null);
            }
            var userNames = _current.UserNamesById();
            foreach (var gone in ConfigurationFile.SortGroups(current).Where(g => !matched.Contains(g.GroupId!) && !desired.Any(d => d.GroupId == null && d.GroupName == g.GroupName)))
            {
                if (gone.IsSynchronized) continue;
                // Nothing cascades: a group with members cannot be deleted, so its members are removed first.
                foreach (var id in gone.Members ?? new List<string>()) RemoveMember(gone, id, userNames.TryGetValue(id, out var n) ? n : null);
                Remove(ConfigurationKind.Group, gone.ToString(), gone);
            }
        }

        /// <summary>Each member as a user ID, or (for a user the file creates) a name only; unknown ones are problems.</summary>
        private List<(string? Id, string? Name)> ResolveMembers(ConfigurationGroup group, string at, List<ConfigurationUser> users)
        {
            var result = new List<(string?, string?)>();
            var byId = users.ToDictionary(u => u.UserId!, StringComparer.Ordinal);
            var byName = users.GroupBy(u => u.UserName!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            for (int i = 0; i < group.Members!.Count; i++)
            {
                string entry = group.Members[i];
                string here = at + ".Members[" + i + "]";
                bool isId = byId.TryGetValue(entry, out var userById);
                bool isName = byName.TryGetValue(entry, out var userByName);
                if (isId && isName && userById!.UserId != userByName!.UserId)
                {
                    _problems.Add(here + ": '" + entry + "' is the ID of " + userById + " and the name of " + userByName + "; give the other one's name.");
                    continue;
                }
                var user = userById ?? userByName;
                if (user == null)
                {
                    if (_desired.Users?.Any(u => u.UserName == entry) == true) result.Add((null, entry));
                    else _problems.Add(here + ": no user is named '" + entry + "' or has that ID" + (_desired.Users != null ? ", and the file's Users do not create it." : "."));
                    continue;
                }
                if (_desired.Users != null && !_desired.Users.Any(u => u.UserName == user.UserName))
                    _problems.Add(here + ": " + user + " is a member here but not in the file's Users, which would remove it; list it in Users or drop it from Members.");
                else if (user.IsSynchronized && !group.IsSynchronized)
                    _problems.Add(here + ": " + user + " is synchronized by SCIM and cannot join a manual group (a group's type must equal its members').");
                else result.Add((user.UserId, user.UserName));
            }
            return result;
        }

        private void AddMember(ConfigurationGroup group, string? userId, string? userName)
        {
            var m = new ConfigurationGroupMember { GroupId = group.GroupId, GroupName = group.GroupName, UserId = userId, UserName = userName };
            Add(ConfigurationKind.GroupMember, m.ToString(), m, null);
        }

        private readonly HashSet<string> _removedMembers = new HashSet<string>(StringComparer.Ordinal);

        private void RemoveMember(ConfigurationGroup group, string userId, string? userName)
        {
            if (!_removedMembers.Add(group.GroupId + "|" + userId)) return;
            var m = new ConfigurationGroupMember { GroupId = group.GroupId, GroupName = group.GroupName, UserId = userId, UserName = userName };
            Remove(ConfigurationKind.GroupMember, m.ToString(), m);
        }

        // ---- permission configurations, policies, re-deployment ----

        private void PlanRoleConfigurations(List<ConfigurationRoleConfiguration> desired, List<ConfigurationRoleConfiguration> current)
        {
            var byName = current.GroupBy(c => c.RoleConfigurationName!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            var byFold = current.GroupBy(c => c.RoleConfigurationName!, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
            var catalogue = new PolicyCatalogue(current, _current.Identities);
            var wanted = new HashSet<string>(StringComparer.Ordinal);
            var redeploy = new List<(ConfigurationRoleConfiguration Configuration, List<ConfigurationPlanItem> Triggers)>();
            for (int i = 0; i < desired.Count; i++)
            {
                var want = desired[i];
                string at = "RoleConfigurations[" + i + "] (" + want.RoleConfigurationName + ")";
                wanted.Add(want.RoleConfigurationName!);
                var policies = want.Policies == null ? null : want.Policies.Select((p, k) => catalogue.Resolve(p, at + ".Policies[" + k + "]", _problems)).ToList();
                if (!byName.TryGetValue(want.RoleConfigurationName!, out var have))
                {
                    if (byFold.TryGetValue(want.RoleConfigurationName!, out var other))
                        _problems.Add(at + ": the zone has the configuration '" + other.RoleConfigurationName + "' (" + other.RoleConfigurationId + "), which differs only in case; names differing only in case are refused.");
                    else if (want.RoleConfigurationId != null)
                        _problems.Add(at + ".RoleConfigurationId: no configuration is named '" + want.RoleConfigurationName + "'; leave the ID out for a configuration this file creates.");
                    else
                    {
                        Add(ConfigurationKind.RoleConfiguration, want.ToString(), want, null);
                        foreach (var p in ConfigurationFile.SortRolePolicies(policies ?? new List<ConfigurationRolePolicy>())) AddPolicy(want, p);
                    }
                    continue;
                }
                if (want.RoleConfigurationId != null && want.RoleConfigurationId != have.RoleConfigurationId)
                    _problems.Add(at + ".RoleConfigurationId: the configuration '" + want.RoleConfigurationName + "' has the ID " + have.RoleConfigurationId
                        + " in the zone, not " + want.RoleConfigurationId + "; configurations cannot be renamed: correct the ID or the name.");
                var changes = new List<ConfigurationPropertyChange>();
                Compare(changes, "Description", have.Description, want.Description, at);
                if (want.SessionDuration != null && want.SessionDuration != have.SessionDuration)
                    changes.Add(new ConfigurationPropertyChange("SessionDuration", Invariant(have.SessionDuration), Invariant(want.SessionDuration)));
                Compare(changes, "RelayState", have.RelayState, want.RelayState, at);
                if (changes.Count > 0)
                {
                    var merged = new ConfigurationRoleConfiguration
                    {
                        RoleConfigurationName = have.RoleConfigurationName, RoleConfigurationId = have.RoleConfigurationId,
                        Description = want.Description, SessionDuration = want.SessionDuration, RelayState = want.RelayState,
                    };
                    Change(ConfigurationKind.RoleConfiguration, have.ToString(), merged, have, changes);
                }
                if (policies == null) continue;
                var triggers = PlanPolicies(have, policies, have.Policies ?? new List<ConfigurationRolePolicy>());
                redeploy.Add((have, triggers));
            }
            foreach (var gone in ConfigurationFile.SortRoleConfigurations(current).Where(c => !wanted.Contains(c.RoleConfigurationName!)))
                Remove(ConfigurationKind.RoleConfiguration, gone.ToString(), gone);
            if (_current.Deployments != null) PlanRedeployments(redeploy);
        }

        /// <summary>Policy items of an existing configuration; returns them (a re-deployment follows when any is applied).</summary>
        private List<ConfigurationPlanItem> PlanPolicies(ConfigurationRoleConfiguration configuration, List<ConfigurationRolePolicy> desired, List<ConfigurationRolePolicy> current)
        {
            var items = new List<ConfigurationPlanItem>();
            static string Key(ConfigurationRolePolicy p) => p.IsCustom ? "C|" + p.RolePolicyName : "S|" + (p.RolePolicyId?.ToString(CultureInfo.InvariantCulture) ?? "name:" + p.RolePolicyName);
            var have = current.GroupBy(Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            var want = new HashSet<string>(StringComparer.Ordinal);
            foreach (var p in ConfigurationFile.SortRolePolicies(desired))
            {
                string key = Key(p);
                want.Add(key);
                if (!have.TryGetValue(key, out var listed)) items.Add(AddPolicy(configuration, p));
                else if (p.IsCustom && !IdentityPolicies.SameDocument(listed.RolePolicyDocument, p.RolePolicyDocument))
                {
                    var entry = Entry(configuration, p);
                    var change = Change(ConfigurationKind.RolePolicy, entry.ToString(), entry, Entry(configuration, listed),
                        new List<ConfigurationPropertyChange> { new ConfigurationPropertyChange("RolePolicyDocument", listed.RolePolicyDocument ?? "", p.RolePolicyDocument ?? "") });
                    items.Add(change);
                }
            }
            foreach (var p in ConfigurationFile.SortRolePolicies(current).Where(p => !want.Contains(Key(p))))
            {
                var entry = Entry(configuration, p);
                items.Add(Remove(ConfigurationKind.RolePolicy, entry.ToString(), entry));
            }
            return items;
        }

        private ConfigurationPlanItem AddPolicy(ConfigurationRoleConfiguration configuration, ConfigurationRolePolicy policy)
        {
            var entry = Entry(configuration, policy);
            return Add(ConfigurationKind.RolePolicy, entry.ToString(), entry, null);
        }

        private static ConfigurationRoleConfigurationPolicy Entry(ConfigurationRoleConfiguration c, ConfigurationRolePolicy p) =>
            new ConfigurationRoleConfigurationPolicy { RoleConfigurationName = c.RoleConfigurationName, RoleConfigurationId = c.RoleConfigurationId, Policy = p };

        /// <summary>
        /// Every account where a configuration whose policies change is deployed, and every deployment of a file's
        /// configuration already marked DeployedRequired or DeployFailed (drift), is re-deployed (CIC spec §6).
        /// </summary>
        private void PlanRedeployments(List<(ConfigurationRoleConfiguration Configuration, List<ConfigurationPlanItem> Triggers)> configurations)
        {
            foreach (var (configuration, triggers) in configurations.OrderBy(c => c.Configuration.RoleConfigurationName, StringComparer.Ordinal))
            {
                var rows = _current.Deployments!.Where(d => d.RoleConfigurationId == configuration.RoleConfigurationId)
                    .OrderBy(d => d.TargetType, StringComparer.Ordinal).ThenBy(d => d.TargetUin);
                foreach (var row in rows)
                {
                    bool stale = !string.Equals(row.DeploymentStatus, "Deployed", StringComparison.OrdinalIgnoreCase);
                    if (triggers.Count == 0 && !stale) continue;
                    var entry = new ConfigurationRedeployment
                    {
                        RoleConfigurationName = configuration.RoleConfigurationName, RoleConfigurationId = configuration.RoleConfigurationId,
                        TargetType = row.TargetType ?? "MemberUin", TargetUin = row.TargetUin, Target = string.IsNullOrEmpty(row.TargetName) ? null : row.TargetName,
                        DeploymentStatus = row.DeploymentStatus, Triggers = triggers,
                    };
                    var item = Item(ConfigurationAction.Change, ConfigurationKind.Redeployment, entry.ToString(), entry, null);
                    item.Difference = stale ? row.DeploymentStatus : "Policies";
                    _plan.Add(item);
                }
            }
        }

        // ---- helpers ----

        /// <summary>A managed attribute that differs; an empty value cannot clear one (unconfirmed, CIC spec §13.3), so it is a warning.</summary>
        private void Compare(List<ConfigurationPropertyChange> changes, string property, string? have, string? want, string at)
        {
            if (want == null || want == (have ?? "")) return;
            if (want.Length == 0)
            {
                _warnings.Add(at + "." + property + ": the file empties it, but the API has no documented way to clear a value; it stays '" + have + "'.");
                return;
            }
            changes.Add(new ConfigurationPropertyChange(property, Quote(have), Quote(want)));
        }

        private static string Quote(string? text) => "'" + (text ?? "") + "'";

        private static string Invariant(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "(default)";

        private ConfigurationPlanItem Item(ConfigurationAction action, ConfigurationKind kind, string key, object? desired, object? current) =>
            new ConfigurationPlanItem { Action = action, Kind = kind, Key = key, Desired = desired, Current = current };

        private ConfigurationPlanItem Add(ConfigurationKind kind, string key, object desired, object? current)
        {
            var item = Item(ConfigurationAction.Add, kind, key, desired, current);
            _plan.Add(item);
            return item;
        }

        private ConfigurationPlanItem Change(ConfigurationKind kind, string key, object desired, object current, List<ConfigurationPropertyChange> changes)
        {
            var item = Item(ConfigurationAction.Change, kind, key, desired, current);
            item.Difference = string.Join(", ", changes.Select(c => c.Property));
            item.Changes = changes.ToArray();
            _plan.Add(item);
            return item;
        }

        private ConfigurationPlanItem Remove(ConfigurationKind kind, string key, object current)
        {
            var item = Item(ConfigurationAction.Remove, kind, key, null, current);
            _plan.Add(item);
            return item;
        }

        /// <summary>The plan items a re-deployment waits on (null when it was planned for drift alone).</summary>
        public static IReadOnlyList<ConfigurationPlanItem> TriggersOf(ConfigurationPlanItem redeployment) =>
            redeployment.Desired is ConfigurationRedeployment r && r.Triggers != null ? r.Triggers : Array.Empty<ConfigurationPlanItem>();

        /// <summary>
        /// CAM system policies the zone already knows: every system policy of every configuration, and the preset policies
        /// of the organization's identities when they were read. The Organization API has no listing of CAM's system
        /// policies (CIC spec §1), so a system policy given by ID only or name only must be one of these; with both, it
        /// is taken as given unless the zone knows that ID or name with another partner.
        /// </summary>
        private sealed class PolicyCatalogue
        {
            private readonly Dictionary<long, string> _nameById = new Dictionary<long, string>();
            private readonly Dictionary<string, long> _idByName = new Dictionary<string, long>(StringComparer.Ordinal);

            public PolicyCatalogue(List<ConfigurationRoleConfiguration> configurations, List<ConfigurationIdentity>? identities)
            {
                foreach (var p in configurations.SelectMany(c => c.Policies ?? new List<ConfigurationRolePolicy>()).Where(p => !p.IsCustom))
                    Know(p.RolePolicyId, p.RolePolicyName);
                foreach (var p in (identities ?? new List<ConfigurationIdentity>()).SelectMany(i => i.Policies ?? Array.Empty<IdentityPolicy>()).Where(p => !p.IsCustom))
                    Know(p.PolicyId, p.PolicyName);
            }

            private void Know(long? id, string? name)
            {
                if (id is not > 0 || string.IsNullOrEmpty(name)) return;
                _nameById[id.Value] = name!;
                _idByName[name!] = id.Value;
            }

            public ConfigurationRolePolicy Resolve(ConfigurationRolePolicy p, string at, List<string> problems)
            {
                if (p.IsCustom) return p;
                if (p.RolePolicyId != null && p.RolePolicyName != null)
                {
                    if (_nameById.TryGetValue(p.RolePolicyId.Value, out var known) && known != p.RolePolicyName)
                        problems.Add(at + ": system policy " + p.RolePolicyId + " is named '" + known + "' in the zone, not '" + p.RolePolicyName + "'; correct one of them.");
                    else if (_idByName.TryGetValue(p.RolePolicyName, out var knownId) && knownId != p.RolePolicyId)
                        problems.Add(at + ": system policy '" + p.RolePolicyName + "' has the ID " + knownId + " in the zone, not " + p.RolePolicyId + "; correct one of them.");
                    return p;
                }
                if (p.RolePolicyId != null && _nameById.TryGetValue(p.RolePolicyId.Value, out var name))
                    return new ConfigurationRolePolicy { RolePolicyType = p.RolePolicyType, RolePolicyId = p.RolePolicyId, RolePolicyName = name };
                if (p.RolePolicyName != null && _idByName.TryGetValue(p.RolePolicyName, out var id))
                    return new ConfigurationRolePolicy { RolePolicyType = p.RolePolicyType, RolePolicyId = id, RolePolicyName = p.RolePolicyName };
                problems.Add(at + ": unknown system policy " + (p.RolePolicyId != null ? "ID " + p.RolePolicyId : "'" + p.RolePolicyName + "'")
                    + ": no configuration in the zone holds it, and the Organization API cannot list CAM's system policies. Give both RolePolicyId and RolePolicyName as CAM shows them.");
                return p;
            }
        }
    }
}

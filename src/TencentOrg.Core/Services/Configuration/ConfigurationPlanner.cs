using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace TencentOrg.Services.Configuration
{
    /// <summary>
    /// Desired (resolved) against current: one plan item per difference, in a fixed order (kind, then Add,
    /// Change, Remove, then the entry's IDs). Only sections present in the desired configuration are compared.
    /// </summary>
    internal static class ConfigurationPlanner
    {
        public const long PresetIdentityType = 1;
        public const long CustomIdentityType = 2;

        /// <param name="desired">The resolved configuration.</param>
        /// <param name="current">What the listings showed.</param>
        /// <param name="warnings">Receives what the plan leaves out on purpose (changes to preset identities).</param>
        public static List<ConfigurationPlanItem> Plan(OrgConfiguration desired, OrgSnapshot current, List<string>? warnings = null)
        {
            warnings ??= new List<string>();
            var plan = new List<ConfigurationPlanItem>();
            if (desired.Identities != null) plan.AddRange(PlanIdentities(desired.Identities, current.Identities ?? Missing<ConfigurationIdentity>("identities"), warnings));
            if (desired.MemberAuthIdentities != null)
                plan.AddRange(PlanGrants(desired.MemberAuthIdentities, current.MemberAuthIdentities ?? Missing<ConfigurationMemberAuthIdentity>("member authorizations"),
                    CustomIdentityIds(current.Identities)));
            if (desired.RoleAssignments != null)
                plan.AddRange(PlanAssignments(desired.RoleAssignments, current.RoleAssignments ?? Missing<ConfigurationRoleAssignment>("role assignments")));
            if (desired.Users != null || desired.Groups != null || desired.RoleConfigurations != null) plan.AddRange(ZonePlanner.Plan(desired, current, warnings));
            AssertNoRemoveOfAnAdd(plan);
            return plan;
        }

        /// <summary>
        /// A Remove and an Add of the same item mean the two sides were keyed differently (a case, a missing field): sending
        /// both would delete access the file wants. That is a bug to report, never a plan to run.
        /// </summary>
        internal static void AssertNoRemoveOfAnAdd(IEnumerable<ConfigurationPlanItem> plan)
        {
            var added = new HashSet<string>(StringComparer.Ordinal);
            var removed = new List<(string Key, ConfigurationPlanItem Item)>();
            foreach (var item in plan)
            {
                string? key = ItemKey(item);
                if (key == null) continue;
                if (item.Action == ConfigurationAction.Add) added.Add(key);
                else if (item.Action == ConfigurationAction.Remove) removed.Add((key, item));
            }
            foreach (var (key, item) in removed)
                if (added.Contains(key))
                    throw new InvalidOperationException("The plan both adds and removes " + item.Kind + " " + item.Key
                        + "; nothing was sent. This is a defect of the module: please report it with the file and the listings.");
        }

        private static string? ItemKey(ConfigurationPlanItem item)
        {
            var entry = item.Desired ?? item.Current;
            return entry switch
            {
                ConfigurationIdentity i => "I|" + i.Name,
                ConfigurationMemberAuthIdentity g => "G|" + GrantKey(g),
                ConfigurationRoleAssignment a => "A|" + AssignmentKey(a),
                ConfigurationUser u => "U|" + u.UserName,
                ConfigurationGroup g => "GR|" + (g.GroupId ?? "name:" + g.GroupName),
                ConfigurationGroupMember m => "M|" + (m.GroupId ?? "name:" + m.GroupName) + "|" + (m.UserId ?? "name:" + m.UserName),
                ConfigurationRoleConfiguration c => "C|" + c.RoleConfigurationName,
                ConfigurationRoleConfigurationPolicy p => "P|" + p.RoleConfigurationName + "|" + p.Policy.RolePolicyType + "|"
                    + (p.Policy.IsCustom ? p.Policy.RolePolicyName : p.Policy.RolePolicyId?.ToString(CultureInfo.InvariantCulture) ?? p.Policy.RolePolicyName),
                _ => null,
            };
        }

        private static List<T> Missing<T>(string what) => throw new InvalidOperationException("The current " + what + " were not read.");

        /// <summary>
        /// Identities a removal may touch: listed as custom (IdentityType 2). Preset ones, and rows whose type is
        /// missing or unknown, are never removed, nor are their grants.
        /// </summary>
        private static HashSet<long> CustomIdentityIds(List<ConfigurationIdentity>? identities) =>
            new HashSet<long>((identities ?? new List<ConfigurationIdentity>()).Where(i => i.IdentityType == CustomIdentityType && i.IdentityId != null)
                .Select(i => i.IdentityId!.Value));

        private static IEnumerable<ConfigurationPlanItem> PlanIdentities(List<ConfigurationIdentity> desired, List<ConfigurationIdentity> current, List<string> warnings)
        {
            var currentByName = new Dictionary<string, ConfigurationIdentity>(StringComparer.Ordinal);
            foreach (var identity in current) if (identity.Name != null) currentByName[identity.Name] = identity;
            var desiredNames = new HashSet<string>(desired.Select(d => d.Name!), StringComparer.Ordinal);
            var adds = new List<ConfigurationPlanItem>();
            var changeItems = new List<ConfigurationPlanItem>();
            foreach (var want in ConfigurationFile.SortIdentities(desired))
            {
                if (!currentByName.TryGetValue(want.Name!, out var have))
                {
                    adds.Add(Item(ConfigurationAction.Add, ConfigurationKind.Identity, want.Name!, want, null));
                    continue;
                }
                var changes = new List<ConfigurationPropertyChange>();
                if (want.Description != null && want.Description != (have.Description ?? ""))
                    changes.Add(new ConfigurationPropertyChange("Description", Quote(have.Description ?? ""), Quote(want.Description)));
                if (want.Policies != null && !SamePolicies(want.Policies, have.Policies ?? Array.Empty<IdentityPolicy>()))
                    changes.Add(new ConfigurationPropertyChange("Policies", Policies(have.Policies), Policies(want.Policies)));
                if (changes.Count == 0) continue;
                // Preset identities belong to the service: listed for the record, never changed.
                if (have.IdentityType != CustomIdentityType)
                {
                    warnings.Add("Identity '" + want.Name + "' is a preset identity: the file changes its " + string.Join(" and ", changes.Select(c => c.Property))
                        + ", but preset identities belong to the service and are never changed or removed.");
                    continue;
                }
                var differs = changes.Select(c => c.Property).ToList();
                var merged = new ConfigurationIdentity
                {
                    Name = want.Name,
                    IdentityId = have.IdentityId,
                    IdentityType = have.IdentityType,
                    Description = want.Description ?? have.Description,
                    Policies = want.Policies ?? have.Policies,
                };
                var change = Item(ConfigurationAction.Change, ConfigurationKind.Identity, want.Name!, merged, have);
                change.Difference = string.Join(", ", differs);
                change.Changes = changes.ToArray();
                changeItems.Add(change);
            }
            var removes = ConfigurationFile.SortIdentities(current)
                .Where(c => c.Name != null && !desiredNames.Contains(c.Name) && c.IdentityType == CustomIdentityType)
                .Select(c => Item(ConfigurationAction.Remove, ConfigurationKind.Identity, c.Name!, null, c));
            return adds.Concat(changeItems).Concat(removes);
        }

        private static IEnumerable<ConfigurationPlanItem> PlanGrants(List<ConfigurationMemberAuthIdentity> desired, List<ConfigurationMemberAuthIdentity> current,
            HashSet<long> removable)
        {
            var currentByKey = new Dictionary<string, ConfigurationMemberAuthIdentity>(StringComparer.Ordinal);
            foreach (var grant in current) currentByKey[GrantKey(grant)] = grant;
            var desiredKeys = new HashSet<string>(StringComparer.Ordinal);
            var adds = new List<ConfigurationPlanItem>();
            foreach (var want in ConfigurationFile.SortGrants(desired))
            {
                string key = GrantKey(want);
                if (!desiredKeys.Add(key) || currentByKey.ContainsKey(key)) continue;
                adds.Add(Item(ConfigurationAction.Add, ConfigurationKind.MemberAuthIdentity, want.ToString(), want, null));
            }
            var removes = ConfigurationFile.SortGrants(current)
                .Where(c => !desiredKeys.Contains(GrantKey(c)) && c.IdentityId != null && removable.Contains(c.IdentityId.Value))
                .Select(c => Item(ConfigurationAction.Remove, ConfigurationKind.MemberAuthIdentity, c.ToString(), null, c));
            return adds.Concat(removes);
        }

        private static IEnumerable<ConfigurationPlanItem> PlanAssignments(List<ConfigurationRoleAssignment> desired, List<ConfigurationRoleAssignment> current)
        {
            var currentKeys = new HashSet<string>(current.Select(AssignmentKey), StringComparer.Ordinal);
            var desiredKeys = new HashSet<string>(StringComparer.Ordinal);
            var adds = new List<ConfigurationPlanItem>();
            foreach (var want in ConfigurationFile.SortAssignments(desired))
            {
                string key = AssignmentKey(want);
                if (!desiredKeys.Add(key) || currentKeys.Contains(key)) continue;
                adds.Add(Item(ConfigurationAction.Add, ConfigurationKind.RoleAssignment, want.ToString(), want, null));
            }
            var removes = ConfigurationFile.SortAssignments(current).Where(c => !desiredKeys.Contains(AssignmentKey(c)))
                .Select(c => Item(ConfigurationAction.Remove, ConfigurationKind.RoleAssignment, c.ToString(), null, c));
            return adds.Concat(removes);
        }

        private static string Quote(string text) => "'" + text + "'";

        private static string Policies(IEnumerable<IdentityPolicy>? policies) =>
            policies == null ? "(none)" : "[" + string.Join("; ", ConfigurationFile.SortPolicies(policies).Select(p => p.ToString())) + "]";

        private static ConfigurationPlanItem Item(ConfigurationAction action, ConfigurationKind kind, string key, object? desired, object? current) =>
            new ConfigurationPlanItem { Action = action, Kind = kind, Key = key, Desired = desired, Current = current };

        /// <summary>A grant to an identity not created yet is keyed by the identity's name.</summary>
        internal static string GrantKey(ConfigurationMemberAuthIdentity g) =>
            g.MemberUin.GetValueOrDefault().ToString(CultureInfo.InvariantCulture) + "|"
            + (g.IdentityId != null ? g.IdentityId.Value.ToString(CultureInfo.InvariantCulture) : "name:" + g.Identity);

        /// <summary>The enum fields compare case-insensitively (their canonical case is enforced where rows and files are read).</summary>
        internal static string AssignmentKey(ConfigurationRoleAssignment a) =>
            (a.RoleConfigurationId ?? "name:" + a.RoleConfiguration) + "|" + (a.TargetType ?? "MemberUin").ToUpperInvariant() + "|"
            + a.TargetUin.GetValueOrDefault().ToString(CultureInfo.InvariantCulture) + "|" + a.PrincipalType?.ToUpperInvariant() + "|" + (a.PrincipalId ?? "name:" + a.Principal);

        /// <summary>
        /// The same policies in any order: presets by ID and name, custom ones by their document with whitespace
        /// ignored. When the organization lists a custom policy without its document, custom ones compare by count.
        /// </summary>
        internal static bool SamePolicies(IReadOnlyCollection<IdentityPolicy> desired, IReadOnlyCollection<IdentityPolicy> current) =>
            IdentityPolicies.Same(desired, current, compareDocuments: true);
    }
}

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

        public static List<ConfigurationPlanItem> Plan(OrgConfiguration desired, OrgSnapshot current)
        {
            var plan = new List<ConfigurationPlanItem>();
            if (desired.Identities != null) plan.AddRange(PlanIdentities(desired.Identities, current.Identities ?? Missing<ConfigurationIdentity>("identities")));
            if (desired.MemberAuthIdentities != null)
                plan.AddRange(PlanGrants(desired.MemberAuthIdentities, current.MemberAuthIdentities ?? Missing<ConfigurationMemberAuthIdentity>("member authorizations")));
            if (desired.RoleAssignments != null)
                plan.AddRange(PlanAssignments(desired.RoleAssignments, current.RoleAssignments ?? Missing<ConfigurationRoleAssignment>("role assignments")));
            return plan;
        }

        private static List<T> Missing<T>(string what) => throw new InvalidOperationException("The current " + what + " were not read.");

        private static IEnumerable<ConfigurationPlanItem> PlanIdentities(List<ConfigurationIdentity> desired, List<ConfigurationIdentity> current)
        {
            var currentByName = new Dictionary<string, ConfigurationIdentity>(StringComparer.Ordinal);
            foreach (var identity in current) if (identity.Name != null) currentByName[identity.Name] = identity;
            var desiredNames = new HashSet<string>(desired.Select(d => d.Name!), StringComparer.Ordinal);
            var adds = new List<ConfigurationPlanItem>();
            var changes = new List<ConfigurationPlanItem>();
            foreach (var want in ConfigurationFile.SortIdentities(desired))
            {
                if (!currentByName.TryGetValue(want.Name!, out var have))
                {
                    adds.Add(Item(ConfigurationAction.Add, ConfigurationKind.Identity, want.Name!, want, null));
                    continue;
                }
                // Preset identities belong to the service: listed for the record, never changed.
                if (have.IdentityType == PresetIdentityType) continue;
                var differs = new List<string>();
                if (want.Description != null && want.Description != (have.Description ?? "")) differs.Add("Description");
                if (want.Policies != null && !SamePolicies(want.Policies, have.Policies ?? Array.Empty<IdentityPolicy>())) differs.Add("Policies");
                if (differs.Count == 0) continue;
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
                changes.Add(change);
            }
            var removes = ConfigurationFile.SortIdentities(current)
                .Where(c => c.Name != null && !desiredNames.Contains(c.Name) && c.IdentityType != PresetIdentityType)
                .Select(c => Item(ConfigurationAction.Remove, ConfigurationKind.Identity, c.Name!, null, c));
            return adds.Concat(changes).Concat(removes);
        }

        private static IEnumerable<ConfigurationPlanItem> PlanGrants(List<ConfigurationMemberAuthIdentity> desired, List<ConfigurationMemberAuthIdentity> current)
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
            var removes = ConfigurationFile.SortGrants(current).Where(c => !desiredKeys.Contains(GrantKey(c)))
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

        private static ConfigurationPlanItem Item(ConfigurationAction action, ConfigurationKind kind, string key, object? desired, object? current) =>
            new ConfigurationPlanItem { Action = action, Kind = kind, Key = key, Desired = desired, Current = current };

        /// <summary>A grant to an identity not created yet is keyed by the identity's name.</summary>
        internal static string GrantKey(ConfigurationMemberAuthIdentity g) =>
            g.MemberUin.GetValueOrDefault().ToString(CultureInfo.InvariantCulture) + "|"
            + (g.IdentityId != null ? g.IdentityId.Value.ToString(CultureInfo.InvariantCulture) : "name:" + g.Identity);

        internal static string AssignmentKey(ConfigurationRoleAssignment a) =>
            a.RoleConfigurationId + "|" + (a.TargetType ?? "MemberUin") + "|" + a.TargetUin.GetValueOrDefault().ToString(CultureInfo.InvariantCulture)
            + "|" + a.PrincipalType + "|" + a.PrincipalId;

        /// <summary>
        /// The same policies in any order: presets by ID and name, custom ones by their document with whitespace
        /// ignored. When the organization lists a custom policy without its document, custom ones compare by count.
        /// </summary>
        internal static bool SamePolicies(IReadOnlyCollection<IdentityPolicy> desired, IReadOnlyCollection<IdentityPolicy> current) =>
            IdentityPolicies.Same(desired, current, compareDocuments: true);
    }
}

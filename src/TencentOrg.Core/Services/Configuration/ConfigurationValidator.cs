using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace TencentOrg.Services.Configuration
{
    /// <summary>Shape checks of a configuration that need no request: each entry names what it refers to, IDs look like IDs.</summary>
    internal static class ConfigurationValidator
    {
        // The formats the API documents (spec §4.6); checked here so a typo fails before any write.
        private static readonly Regex RoleConfigurationId = new Regex(Patterns.RoleConfigurationId, RegexOptions.CultureInvariant);
        private static readonly Regex PrincipalId = new Regex(Patterns.PrincipalId, RegexOptions.CultureInvariant);

        public static void Check(OrgConfiguration configuration, List<string> problems)
        {
            if (configuration.Identities != null) CheckIdentities(configuration.Identities, problems);
            if (configuration.MemberAuthIdentities != null) CheckGrants(configuration.MemberAuthIdentities, problems);
            if (configuration.RoleAssignments != null) CheckAssignments(configuration.RoleAssignments, problems);
            ZoneValidator.Check(configuration, problems);
        }

        private static void CheckIdentities(List<ConfigurationIdentity> identities, List<string> problems)
        {
            for (int i = 0; i < identities.Count; i++)
            {
                var identity = identities[i];
                string at = "Identities[" + i + "]";
                if (string.IsNullOrWhiteSpace(identity.Name)) problems.Add(at + ".Name: required (an identity is matched by its name).");
                if (identity.IdentityId is <= 0) problems.Add(at + ".IdentityId: must be positive.");
                if (identity.Policies != null)
                {
                    if (identity.Policies.Length == 0) problems.Add(at + ".Policies: give at least one policy, or leave Policies out to not manage them.");
                    for (int p = 0; p < identity.Policies.Length; p++)
                    {
                        string? problem = identity.Policies[p].Problem();
                        if (problem != null) problems.Add(at + ".Policies[" + p + "]: " + problem);
                    }
                }
            }
            foreach (var duplicate in identities.Where(i => !string.IsNullOrWhiteSpace(i.Name)).GroupBy(i => i.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
                problems.Add("Identities: the name '" + duplicate.Key + "' appears " + duplicate.Count() + " times.");
        }

        private static void CheckGrants(List<ConfigurationMemberAuthIdentity> grants, List<string> problems)
        {
            for (int i = 0; i < grants.Count; i++)
            {
                var grant = grants[i];
                string at = "MemberAuthIdentities[" + i + "]";
                if (grant.MemberUin == null && string.IsNullOrWhiteSpace(grant.Member)) problems.Add(at + ": give Member (a member account name) or MemberUin.");
                if (grant.MemberUin is <= 0) problems.Add(at + ".MemberUin: must be a positive account UIN.");
                if (grant.IdentityId == null && string.IsNullOrWhiteSpace(grant.Identity)) problems.Add(at + ": give Identity (an identity name) or IdentityId.");
                if (grant.IdentityId is <= 0) problems.Add(at + ".IdentityId: must be positive.");
            }
        }

        private static void CheckAssignments(List<ConfigurationRoleAssignment> assignments, List<string> problems)
        {
            for (int i = 0; i < assignments.Count; i++)
            {
                var a = assignments[i];
                string at = "RoleAssignments[" + i + "]";
                if (a.RoleConfigurationId == null && string.IsNullOrWhiteSpace(a.RoleConfiguration))
                    problems.Add(at + ": give RoleConfiguration (a permission configuration name) or RoleConfigurationId.");
                if (a.RoleConfigurationId != null && !RoleConfigurationId.IsMatch(a.RoleConfigurationId))
                    problems.Add(at + ".RoleConfigurationId: '" + a.RoleConfigurationId + "' is not a permission configuration ID (rc-...).");
                if (a.TargetType != null && a.TargetType != "MemberUin" && a.TargetType != "ManagerUin")
                    problems.Add(at + ".TargetType: '" + a.TargetType + "' must be MemberUin or ManagerUin.");
                if (a.TargetUin == null && string.IsNullOrWhiteSpace(a.Target)) problems.Add(at + ": give Target (an account name) or TargetUin.");
                if (a.TargetUin is <= 0) problems.Add(at + ".TargetUin: must be a positive account UIN.");
                if (a.PrincipalType != null && a.PrincipalType != "User" && a.PrincipalType != "Group")
                    problems.Add(at + ".PrincipalType: '" + a.PrincipalType + "' must be User or Group.");
                if (a.PrincipalId != null)
                {
                    if (!PrincipalId.IsMatch(a.PrincipalId))
                        problems.Add(at + ".PrincipalId: '" + a.PrincipalId + "' is not a CIC user (u-...) or group (g-...) ID.");
                    else if (a.PrincipalType != null && a.PrincipalType != TencentOrg.Services.RoleAssignments.InferPrincipalType(a.PrincipalId))
                        problems.Add(at + ": PrincipalType " + a.PrincipalType + " does not match PrincipalId " + a.PrincipalId + " (u- is a User, g- a Group).");
                }
                else if (string.IsNullOrWhiteSpace(a.Principal)) problems.Add(at + ": give Principal (a user or group name) or PrincipalId.");
                else if (a.PrincipalType == null) problems.Add(at + ".PrincipalType: required with a Principal name (User or Group).");
            }
        }
    }
}

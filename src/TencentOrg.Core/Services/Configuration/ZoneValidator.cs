using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace TencentOrg.Services.Configuration
{
    /// <summary>
    /// Shape checks of the zone sections that need no request (CIC spec §9.2, §11): name alphabets and lengths, enum
    /// values, policy types, custom documents at most 4096 characters, quotas per configuration, and no name given twice
    /// or in two letter cases (whether the service treats names case-insensitively is unconfirmed, §13.2).
    /// </summary>
    internal static class ZoneValidator
    {
        private static readonly Regex UserName = new Regex(Patterns.CicUserName, RegexOptions.CultureInvariant);
        private static readonly Regex GroupName = new Regex(Patterns.CicGroupName, RegexOptions.CultureInvariant);
        private static readonly Regex UserId = new Regex(Patterns.CicUserId, RegexOptions.CultureInvariant);
        private static readonly Regex GroupId = new Regex(Patterns.CicGroupId, RegexOptions.CultureInvariant);
        private static readonly Regex RoleConfigurationId = new Regex(Patterns.RoleConfigurationId, RegexOptions.CultureInvariant);

        /// <summary>Default quotas per configuration (doc 1031/64685): 20 system policies, 1 custom.</summary>
        public const int MaxSystemPolicies = 20;
        public const int MaxCustomPolicies = 1;

        public static void Check(OrgConfiguration c, List<string> problems)
        {
            if (c.Users != null) CheckUsers(c.Users, problems);
            if (c.Groups != null) CheckGroups(c.Groups, problems);
            if (c.RoleConfigurations != null) CheckRoleConfigurations(c.RoleConfigurations, problems);
        }

        private static void CheckUsers(List<ConfigurationUser> users, List<string> problems)
        {
            for (int i = 0; i < users.Count; i++)
            {
                var u = users[i];
                string at = "Users[" + i + "]";
                if (string.IsNullOrEmpty(u.UserName)) problems.Add(at + ".UserName: required (a user is matched by its name, which cannot change).");
                else if (!UserName.IsMatch(u.UserName)) problems.Add(at + ".UserName: '" + Shown(u.UserName) + "' is not a valid user name (1-64 letters, digits and + = , . @ - _).");
                if (u.UserId != null && !UserId.IsMatch(u.UserId)) problems.Add(at + ".UserId: '" + Shown(u.UserId) + "' is not a CIC user ID (u-...).");
                OneOf(at + ".UserType", u.UserType, problems, "Manual", "Synchronized");
                OneOf(at + ".UserStatus", u.UserStatus, problems, "Enabled", "Disabled");
                Length(at + ".FirstName", u.FirstName, Patterns.MaxCicPersonNameLength, problems);
                Length(at + ".LastName", u.LastName, Patterns.MaxCicPersonNameLength, problems);
                Length(at + ".DisplayName", u.DisplayName, Patterns.MaxCicDisplayNameLength, problems);
                Length(at + ".Email", u.Email, Patterns.MaxCicEmailLength, problems);
                Length(at + ".Description", u.Description, Patterns.MaxDescriptionLength, problems);
            }
            Duplicates("Users", "user name", users.Select(u => u.UserName), problems);
            Duplicates("Users", "UserId", users.Select(u => u.UserId), problems);
            // E-mail addresses are unique in the zone (spec CIC §2.1).
            Duplicates("Users", "Email", users.Select(u => string.IsNullOrEmpty(u.Email) ? null : u.Email), problems);
        }

        private static void CheckGroups(List<ConfigurationGroup> groups, List<string> problems)
        {
            for (int i = 0; i < groups.Count; i++)
            {
                var g = groups[i];
                string at = "Groups[" + i + "]";
                if (string.IsNullOrEmpty(g.GroupName)) problems.Add(at + ".GroupName: required.");
                else if (!GroupName.IsMatch(g.GroupName))
                    problems.Add(at + ".GroupName: '" + Shown(g.GroupName) + "' is not a valid group name (1-128 English letters, digits and hyphens; no underscore, dot or space).");
                if (g.GroupId != null && !GroupId.IsMatch(g.GroupId)) problems.Add(at + ".GroupId: '" + Shown(g.GroupId) + "' is not a CIC group ID (g-...).");
                OneOf(at + ".GroupType", g.GroupType, problems, "Manual", "Synchronized");
                Length(at + ".Description", g.Description, Patterns.MaxDescriptionLength, problems);
                if (g.Members != null) Duplicates(at + ".Members", "member", g.Members, problems, ignoreCase: false);
            }
            Duplicates("Groups", "group name", groups.Select(g => g.GroupName), problems);
            Duplicates("Groups", "GroupId", groups.Select(g => g.GroupId), problems);
        }

        private static void CheckRoleConfigurations(List<ConfigurationRoleConfiguration> configurations, List<string> problems)
        {
            for (int i = 0; i < configurations.Count; i++)
            {
                var c = configurations[i];
                string at = "RoleConfigurations[" + i + "]";
                if (string.IsNullOrEmpty(c.RoleConfigurationName)) problems.Add(at + ".RoleConfigurationName: required (a configuration is matched by its name, which cannot change).");
                else Add(problems, at + ".RoleConfigurationName", RoleConfigurationRules.NameProblem(c.RoleConfigurationName));
                if (c.RoleConfigurationId != null && !RoleConfigurationId.IsMatch(c.RoleConfigurationId))
                    problems.Add(at + ".RoleConfigurationId: '" + Shown(c.RoleConfigurationId) + "' is not a permission configuration ID (rc-...).");
                Add(problems, at + ".Description", RoleConfigurationRules.DescriptionProblem(c.Description));
                Add(problems, at + ".SessionDuration", RoleConfigurationRules.SessionDurationProblem(c.SessionDuration));
                Add(problems, at + ".RelayState", RoleConfigurationRules.RelayStateProblem(c.RelayState));
                if (c.Policies != null) CheckPolicies(c.Policies, at + ".Policies", problems);
            }
            Duplicates("RoleConfigurations", "configuration name", configurations.Select(c => c.RoleConfigurationName), problems);
            Duplicates("RoleConfigurations", "RoleConfigurationId", configurations.Select(c => c.RoleConfigurationId), problems);
        }

        private static void CheckPolicies(List<ConfigurationRolePolicy> policies, string at, List<string> problems)
        {
            for (int p = 0; p < policies.Count; p++)
            {
                var policy = policies[p];
                string here = at + "[" + p + "]";
                if (policy.RolePolicyType != RoleConfigurationPolicy.SystemType && policy.RolePolicyType != RoleConfigurationPolicy.CustomType)
                {
                    problems.Add(here + ".RolePolicyType: " + (policy.RolePolicyType == null ? "required" : "'" + Shown(policy.RolePolicyType) + "' is not a policy type")
                        + " (System for a CAM system policy, Custom for a policy document).");
                    continue;
                }
                if (policy.IsCustom)
                {
                    if (policy.RolePolicyId != null) problems.Add(here + ".RolePolicyId: a custom policy has no policy ID; leave it out.");
                    Add(problems, here, RoleConfigurationRules.PolicyNameProblem(policy.RolePolicyName)
                        ?? RoleConfigurationRules.DocumentProblem(policy.RolePolicyName!, policy.RolePolicyDocument));
                    continue;
                }
                if (policy.RolePolicyDocument != null) problems.Add(here + ".RolePolicyDocument: a system policy takes no document.");
                if (policy.RolePolicyId is < 1) problems.Add(here + ".RolePolicyId: " + policy.RolePolicyId + " is not a CAM policy ID (1 or more).");
                if (policy.RolePolicyId == null && policy.RolePolicyName == null) problems.Add(here + ": a system policy needs its RolePolicyId, its RolePolicyName, or both.");
                if (policy.RolePolicyName != null) Add(problems, here + ".RolePolicyName", RoleConfigurationRules.PolicyNameProblem(policy.RolePolicyName));
            }
            var system = policies.Where(p => p.RolePolicyType == RoleConfigurationPolicy.SystemType).ToList();
            var custom = policies.Where(p => p.IsCustom).ToList();
            if (system.Count > MaxSystemPolicies) problems.Add(at + ": " + system.Count + " system policies; a configuration holds at most " + MaxSystemPolicies + ".");
            if (custom.Count > MaxCustomPolicies) problems.Add(at + ": " + custom.Count + " custom policies; a configuration holds at most " + MaxCustomPolicies + ".");
            Duplicates(at, "system policy ID", system.Select(p => p.RolePolicyId?.ToString(System.Globalization.CultureInfo.InvariantCulture)), problems);
            Duplicates(at, "policy name", policies.Select(p => p.RolePolicyName), problems);
        }

        private static void OneOf(string at, string? value, List<string> problems, params string[] allowed)
        {
            if (value != null && !allowed.Contains(value, StringComparer.Ordinal))
                problems.Add(at + ": '" + Shown(value) + "' must be " + string.Join(" or ", allowed) + ".");
        }

        private static void Length(string at, string? value, int max, List<string> problems)
        {
            if (value == null) return;
            if (value.Length > max) problems.Add(at + ": " + value.Length + " characters; at most " + max + " are allowed.");
            else if (value.Any(char.IsControl)) problems.Add(at + ": contains control characters.");
        }

        private static void Add(List<string> problems, string at, string? problem)
        {
            if (problem != null) problems.Add(at + ": " + problem);
        }

        /// <summary>A value given twice, or in two letter cases, is a problem naming both spellings.</summary>
        private static void Duplicates(string at, string what, IEnumerable<string?> values, List<string> problems, bool ignoreCase = true)
        {
            foreach (var group in values.Where(v => !string.IsNullOrEmpty(v)).GroupBy(v => v!, ignoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal)
                         .Where(g => g.Count() > 1))
            {
                var spellings = group.Distinct(StringComparer.Ordinal).ToList();
                problems.Add(at + ": the " + what + " '" + Shown(group.Key) + "' appears " + group.Count() + " times"
                    + (spellings.Count > 1 ? " (as " + string.Join(", ", spellings.Select(s => "'" + Shown(s) + "'")) + "; names differing only in case are refused)" : "") + ".");
            }
        }

        private static string Shown(string? text) => RoleConfigurationRules.Shown(text);
    }
}

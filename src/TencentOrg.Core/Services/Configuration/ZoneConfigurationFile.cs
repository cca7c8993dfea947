using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace TencentOrg.Services.Configuration
{
    // The CIC zone sections of the file (issue 18): Users, Groups (with Members) and RoleConfigurations (with Policies).
    // Written canonically like the rest: keys in ordinal order, entries sorted by name, members sorted, system policies
    // (by ID) before custom ones (by name); a SCIM-synchronized user or group carries "UserType"/"GroupType": "Synchronized".
    internal static partial class ConfigurationFile
    {
        public static IEnumerable<ConfigurationUser> SortUsers(IEnumerable<ConfigurationUser> items) =>
            items.OrderBy(u => u.UserName, StringComparer.Ordinal).ThenBy(u => u.UserId, StringComparer.Ordinal);

        public static IEnumerable<ConfigurationGroup> SortGroups(IEnumerable<ConfigurationGroup> items) =>
            items.OrderBy(g => g.GroupName, StringComparer.Ordinal).ThenBy(g => g.GroupId, StringComparer.Ordinal);

        public static IEnumerable<ConfigurationRoleConfiguration> SortRoleConfigurations(IEnumerable<ConfigurationRoleConfiguration> items) =>
            items.OrderBy(c => c.RoleConfigurationName, StringComparer.Ordinal).ThenBy(c => c.RoleConfigurationId, StringComparer.Ordinal);

        public static IEnumerable<ConfigurationRolePolicy> SortRolePolicies(IEnumerable<ConfigurationRolePolicy> items) =>
            items.OrderBy(p => p.IsCustom ? 1 : 0).ThenBy(p => p.RolePolicyId ?? long.MaxValue).ThenBy(p => p.RolePolicyName, StringComparer.Ordinal)
                .ThenBy(p => p.RolePolicyDocument, StringComparer.Ordinal);

        private static void WriteUsers(Utf8JsonWriter w, List<ConfigurationUser>? users)
        {
            if (users == null) return;
            w.WriteStartArray("Users");
            foreach (var u in SortUsers(users))
            {
                w.WriteStartObject();
                String(w, "Description", u.Description);
                String(w, "DisplayName", u.DisplayName);
                String(w, "Email", u.Email);
                String(w, "FirstName", u.FirstName);
                String(w, "LastName", u.LastName);
                String(w, "UserId", u.UserId);
                String(w, "UserName", u.UserName);
                String(w, "UserStatus", u.UserStatus);
                // Only the exception is marked: a user with no UserType is a Manual one.
                if (u.IsSynchronized) w.WriteString("UserType", u.UserType);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }

        private static void WriteGroups(Utf8JsonWriter w, List<ConfigurationGroup>? groups)
        {
            if (groups == null) return;
            w.WriteStartArray("Groups");
            foreach (var g in SortGroups(groups))
            {
                w.WriteStartObject();
                String(w, "Description", g.Description);
                String(w, "GroupId", g.GroupId);
                String(w, "GroupName", g.GroupName);
                if (g.IsSynchronized) w.WriteString("GroupType", g.GroupType);
                if (g.Members != null)
                {
                    w.WriteStartArray("Members");
                    foreach (var m in g.Members.Distinct(StringComparer.Ordinal).OrderBy(m => m, StringComparer.Ordinal)) w.WriteStringValue(m);
                    w.WriteEndArray();
                }
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }

        private static void WriteRoleConfigurations(Utf8JsonWriter w, List<ConfigurationRoleConfiguration>? configurations)
        {
            if (configurations == null) return;
            w.WriteStartArray("RoleConfigurations");
            foreach (var c in SortRoleConfigurations(configurations))
            {
                w.WriteStartObject();
                String(w, "Description", c.Description);
                if (c.Policies != null)
                {
                    w.WriteStartArray("Policies");
                    foreach (var p in SortRolePolicies(c.Policies))
                    {
                        w.WriteStartObject();
                        String(w, "RolePolicyDocument", p.IsCustom ? p.RolePolicyDocument : null);
                        Number(w, "RolePolicyId", p.IsCustom ? null : p.RolePolicyId);
                        String(w, "RolePolicyName", p.RolePolicyName);
                        String(w, "RolePolicyType", p.RolePolicyType);
                        w.WriteEndObject();
                    }
                    w.WriteEndArray();
                }
                String(w, "RelayState", c.RelayState);
                String(w, "RoleConfigurationId", c.RoleConfigurationId);
                String(w, "RoleConfigurationName", c.RoleConfigurationName);
                Number(w, "SessionDuration", c.SessionDuration);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }

        private static void ReadZone(Dictionary<string, JsonElement> keys, OrgConfiguration configuration, List<string> problems)
        {
            if (keys.TryGetValue("Users", out var users)) configuration.Users = Array(users, "Users", problems, UserEntry.Read);
            if (keys.TryGetValue("Groups", out var groups)) configuration.Groups = Array(groups, "Groups", problems, GroupEntry.Read);
            if (keys.TryGetValue("RoleConfigurations", out var configurations))
                configuration.RoleConfigurations = Array(configurations, "RoleConfigurations", problems, RoleConfigurationEntry.Read);
        }

        private static List<string>? MemberList(JsonElement value, string path, List<string> problems) =>
            Items<string>(value, path, problems, nullIsAbsent: true, "an array of user names or u- IDs", (element, at) =>
            {
                if (element.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(element.GetString())) return element.GetString();
                problems.Add(at + ": must be a user name or a u- ID (got " + element.GetRawText() + ").");
                return null;
            });
    }
}

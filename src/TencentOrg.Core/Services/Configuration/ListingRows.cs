using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using TencentOrg.Api;
using TencentOrg.Models;

namespace TencentOrg.Services.Configuration
{
    /// <summary>
    /// The listing rows Export, Compare and Sync plan from, checked and normalized first: a row missing a key field is an
    /// error naming the action and the field (never 0 or an empty string taken as a value); enum values are matched
    /// case-insensitively and written in their canonical case; each row is credited to its own IDs, and a row that does
    /// not match the listing's filter is an error (the server ignored the filter, so none of its rows can be trusted);
    /// the same row twice counts once. Every doubt is an error before any write, never a guess that could plan a delete.
    /// The services' listings outside Sync (grants, assignments, identities, members, users, groups) check their filters here too.
    /// </summary>
    internal static class ListingRows
    {
        public const string InvalidRowCode = "ClientError.InvalidListingRow";

        private static readonly string[] PrincipalTypes = { "User", "Group" };
        private static readonly string[] TargetTypes = { "MemberUin", "ManagerUin" };

        /// <summary>One ListRoleAssignments row, checked; null when it repeats a row already taken.</summary>
        public static ConfigurationRoleAssignment? Assignment(ConfigurationRoleAssignment row, int index, HashSet<string> seen)
        {
            const string action = "ListRoleAssignments";
            string where = "row " + index + " (" + row + ")";
            Require(action, where, "RoleConfigurationId", row.RoleConfigurationId);
            Require(action, where, "PrincipalId", row.PrincipalId);
            row.PrincipalType = Canonical(action, where, "PrincipalType", row.PrincipalType, PrincipalTypes);
            row.TargetType = Canonical(action, where, "TargetType", row.TargetType, TargetTypes);
            if (TencentOrg.Services.RoleAssignments.InferPrincipalType(row.PrincipalId!) is { } byPrefix && byPrefix != row.PrincipalType)
                throw Invalid(action, where + " has PrincipalType " + row.PrincipalType + " for the " + byPrefix + " ID " + row.PrincipalId);
            if (row.TargetUin == null || row.TargetUin.Value <= 0) throw Missing(action, where, "TargetUin");
            return seen.Add(ConfigurationPlanner.AssignmentKey(row)) ? row : null;
        }

        /// <summary>One ListOrganizationIdentity row, checked; null when it repeats a row already taken.</summary>
        public static ConfigurationIdentity? Identity(ConfigurationIdentity row, int index, Dictionary<string, long> idByName)
        {
            const string action = "ListOrganizationIdentity";
            string where = "row " + index + " (" + row + ")";
            if (row.IdentityId == null || row.IdentityId.Value <= 0) throw Missing(action, where, "IdentityId");
            Require(action, where, "IdentityAliasName", row.Name);
            // Without its type a preset identity looks like a custom one, and would be planned for removal.
            if (row.IdentityType == null) throw Missing(action, where, "IdentityType");
            if (row.IdentityType != ConfigurationPlanner.PresetIdentityType && row.IdentityType != 2)
                throw Invalid(action, where + " has IdentityType " + row.IdentityType.Value.ToString(CultureInfo.InvariantCulture) + ", which is neither 1 (preset) nor 2 (custom)");
            if (idByName.TryGetValue(row.Name!, out long id))
            {
                if (id == row.IdentityId.Value) return null;
                throw Invalid(action, where + " has the name of identity " + id.ToString(CultureInfo.InvariantCulture) + " too; names are unique");
            }
            idByName[row.Name!] = row.IdentityId.Value;
            return row;
        }

        /// <summary>
        /// One DescribeOrganizationMemberAuthIdentities row, from a listing filtered by member, by identity or by both: it must
        /// name its own member and identity (never credited to the filter) and match every filter sent. Returns its member.
        /// </summary>
        public static long Grant(long? memberUin, long rowIdentityId, long? memberFilter, long? identityFilter, int index)
        {
            const string action = "DescribeOrganizationMemberAuthIdentities";
            string where = "row " + index + " of " + string.Join(" and ", new[]
            {
                memberFilter is long m ? "member " + m.ToString(CultureInfo.InvariantCulture) : null,
                identityFilter is long i ? "identity " + i.ToString(CultureInfo.InvariantCulture) : null,
            }.Where(f => f != null));
            if (memberUin == null || memberUin.Value <= 0) throw Missing(action, where, "MemberUin");
            if (rowIdentityId <= 0) throw Missing(action, where, "IdentityId");
            string what = "a grant of identity " + rowIdentityId.ToString(CultureInfo.InvariantCulture) + " to member " + memberUin.Value.ToString(CultureInfo.InvariantCulture);
            InFilter(action, where, what, "IdentityId", identityFilter, rowIdentityId);
            InFilter(action, where, what, "MemberUin", memberFilter, memberUin);
            return memberUin.Value;
        }

        /// <summary>
        /// One ListRoleAssignments row against the filters the listing was sent with: a filtered field missing from the row is
        /// an error naming it, a different value means the server ignored that filter (enum values compared case-insensitively).
        /// </summary>
        public static void AssignmentInFilter(ListRoleAssignmentsRequest filter, string? roleConfigurationId, string? targetType, long? targetUin,
            string? principalType, string? principalId, int index)
        {
            const string action = "ListRoleAssignments";
            string where = "row " + index;
            string what = "an assignment of " + principalType + " " + principalId + " to " + roleConfigurationId + " on " + targetType + " "
                + (targetUin?.ToString(CultureInfo.InvariantCulture) ?? "");
            InFilter(action, where, what, "RoleConfigurationId", filter.RoleConfigurationId, roleConfigurationId, StringComparison.Ordinal);
            InFilter(action, where, what, "TargetType", filter.TargetType, targetType, StringComparison.OrdinalIgnoreCase);
            InFilter(action, where, what, "TargetUin", filter.TargetUin, targetUin);
            InFilter(action, where, what, "PrincipalType", filter.PrincipalType, principalType, StringComparison.OrdinalIgnoreCase);
            InFilter(action, where, what, "PrincipalId", filter.PrincipalId, principalId, StringComparison.Ordinal);
        }

        /// <summary>
        /// The one filter check: a row of a listing sent with this filter must carry the field (else it is missing, never taken
        /// as the filter's value) and match it; a row that does not was not filtered, so nothing in the listing is trusted.
        /// </summary>
        public static void InFilter(string action, string where, string what, string field, long? filter, long? value)
        {
            if (filter == null) return;
            if (value == null || value.Value <= 0) throw Missing(action, where, field);
            if (value.Value != filter.Value) throw Ignored(action, where, what, field);
        }

        /// <inheritdoc cref="InFilter(string, string, string, string, long?, long?)"/>
        public static void InFilter(string action, string where, string what, string field, string? filter, string? value, StringComparison comparison)
        {
            if (filter == null) return;
            if (string.IsNullOrEmpty(value)) throw Missing(action, where, field);
            if (!string.Equals(filter, value, comparison)) throw Ignored(action, where, what, field);
        }

        private static OrgTransportException Ignored(string action, string where, string what, string field) =>
            Invalid(action, where + " is " + what + ": the server ignored the " + field + " filter");

        private static void Require(string action, string where, string field, string? value)
        {
            if (string.IsNullOrEmpty(value)) throw Missing(action, where, field);
        }

        private static string Canonical(string action, string where, string field, string? value, string[] allowed)
        {
            if (string.IsNullOrEmpty(value)) throw Missing(action, where, field);
            return allowed.FirstOrDefault(a => string.Equals(a, value, StringComparison.OrdinalIgnoreCase))
                ?? throw Invalid(action, where + " has " + field + " '" + value + "', which is not " + string.Join(" or ", allowed));
        }

        private static OrgTransportException Missing(string action, string where, string field) =>
            Invalid(action, where + " has no " + field);

        private static OrgTransportException Invalid(string action, string why) =>
            new OrgTransportException(action, InvalidRowCode, why + "; nothing was planned or written", mayHaveReachedServer: true, retryable: false);
    }
}

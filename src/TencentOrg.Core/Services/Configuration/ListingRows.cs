using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using TencentOrg.Api;

namespace TencentOrg.Services.Configuration
{
    /// <summary>
    /// The listing rows Export, Compare and Sync plan from, checked and normalized first: a row missing a key field is an
    /// error naming the action and the field (never 0 or an empty string taken as a value); enum values are matched
    /// case-insensitively and written in their canonical case; each row is credited to its own IDs, and a row that does
    /// not match the listing's filter is an error (the server ignored the filter, so none of its rows can be trusted);
    /// the same row twice counts once. Every doubt is an error before any write, never a guess that could plan a delete.
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

        /// <summary>One DescribeOrganizationMemberAuthIdentities row of the listing filtered by identityId; null when it repeats a row.</summary>
        public static bool Grant(long memberUin, long rowIdentityId, long identityId, int index, HashSet<long> seenMembers)
        {
            const string action = "DescribeOrganizationMemberAuthIdentities";
            string where = "row " + index + " of identity " + identityId.ToString(CultureInfo.InvariantCulture);
            if (memberUin <= 0) throw Missing(action, where, "MemberUin");
            if (rowIdentityId <= 0) throw Missing(action, where, "IdentityId");
            if (rowIdentityId != identityId)
                throw Invalid(action, where + " is a grant of identity " + rowIdentityId.ToString(CultureInfo.InvariantCulture)
                    + " to member " + memberUin.ToString(CultureInfo.InvariantCulture) + ": the server ignored the IdentityId filter");
            return seenMembers.Add(memberUin);
        }

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

using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace TencentOrg.Services
{
    /// <summary>
    /// What makes a role assignment valid and how the cmdlets' arguments become assignments: shared by New- and
    /// Remove-TcRoleAssignment, and testable without PowerShell.
    /// </summary>
    internal static class RoleAssignments
    {
        public const string MemberUin = "MemberUin";
        public const string ManagerUin = "ManagerUin";

        /// <summary>User for a u- ID, Group for a g- ID, else null.</summary>
        public static string? InferPrincipalType(string? principalId) =>
            principalId == null ? null
            : principalId.StartsWith("u-", StringComparison.Ordinal) ? "User"
            : principalId.StartsWith("g-", StringComparison.Ordinal) ? "Group" : null;

        /// <summary>A copy with the defaults filled in (MemberUin, the principal type from the ID); the caller's object stays as it is.</summary>
        public static RoleAssignmentInfo Normalize(RoleAssignmentInfo item) => new RoleAssignmentInfo
        {
            RoleConfigurationId = item.RoleConfigurationId,
            TargetType = Patterns.Canonical(item.TargetType, MemberUin, ManagerUin) ?? MemberUin,
            TargetUin = item.TargetUin,
            PrincipalType = Patterns.Canonical(item.PrincipalType, "User", "Group") ?? InferPrincipalType(item.PrincipalId),
            PrincipalId = item.PrincipalId,
        };

        /// <summary>Every principal on every account, in that order.</summary>
        public static IEnumerable<RoleAssignmentInfo> Expand(string roleConfigurationId, string? targetType, IEnumerable<long> targetUins,
            string? principalType, IEnumerable<string> principalIds)
        {
            foreach (var principal in principalIds)
                foreach (var uin in targetUins)
                    yield return new RoleAssignmentInfo
                    {
                        RoleConfigurationId = roleConfigurationId,
                        TargetType = Patterns.Canonical(targetType, MemberUin, ManagerUin) ?? MemberUin,
                        TargetUin = uin,
                        PrincipalType = Patterns.Canonical(principalType, "User", "Group") ?? InferPrincipalType(principal),
                        PrincipalId = principal,
                    };
        }

        /// <summary>Why the assignment cannot be sent, in words; null when it is valid. As strict as the parameter attributes.</summary>
        public static string? Problem(RoleAssignmentInfo item)
        {
            if (item.RoleConfigurationId == null || !Regex.IsMatch(item.RoleConfigurationId, Patterns.RoleConfigurationId))
                return "RoleConfigurationId '" + item.RoleConfigurationId + "' is not a permission configuration ID (rc-...).";
            if (item.TargetType != MemberUin && item.TargetType != ManagerUin)
                return "TargetType '" + item.TargetType + "' must be MemberUin or ManagerUin.";
            if (item.TargetUin == null || item.TargetUin <= 0)
                return "TargetUin must be a positive account UIN.";
            if (item.PrincipalId == null || !Regex.IsMatch(item.PrincipalId, Patterns.PrincipalId))
                return "PrincipalId '" + item.PrincipalId + "' is not a CIC user (u-...) or group (g-...) ID.";
            if (item.PrincipalType != "User" && item.PrincipalType != "Group")
                return "PrincipalType '" + item.PrincipalType + "' must be User or Group.";
            if (InferPrincipalType(item.PrincipalId) != item.PrincipalType)
                return "PrincipalType " + item.PrincipalType + " does not match PrincipalId " + item.PrincipalId + " (u- is a User, g- a Group).";
            return null;
        }
    }
}

using System;
using System.Management.Automation;

namespace TencentOrg
{
    /// <summary>The checks Sync-TcOrgConfiguration makes on a plan before it sends anything, and their errors.</summary>
    internal static class SyncGate
    {
        public const int DefaultMaxRemove = 25;

        /// <summary>-Prune on a file that does not say what it owns.</summary>
        public static ErrorRecord NoPruneScope(string path) => new ErrorRecord(new InvalidOperationException(
            "'" + path + "' has no \"PruneScope\", so -Prune cannot tell which of the organization's items the file owns; nothing was sent. "
            + "Add \"PruneScope\": \"All\" at the top level to let -Prune remove everything the file's sections do not list, or "
            + "\"PruneScope\": { \"Principals\": [\"g-...\"] } (any of " + string.Join(", ", Services.Configuration.ConfigurationFile.PruneScopeKeys) + "; IDs or names) to remove only "
            + "items that match every list given. Export-TcOrgConfiguration writes \"All\" for a whole export and a narrower scope with -PrincipalId, "
            + "-TargetUin or -RoleConfigurationId."), "PruneScopeMissing", ErrorCategory.InvalidData, path);

        /// <summary>The removal guard: a mass removal is more often a cut or emptied file than a decision.</summary>
        public static ErrorRecord TooManyRemovals(string path, int removes, int maxRemove) => new ErrorRecord(new InvalidOperationException(
            "The plan for '" + path + "' removes " + removes + " items, more than -MaxRemove " + maxRemove + "; nothing was sent. "
            + "Review the removals with Compare-TcOrgConfiguration -Path '" + path + "' | Where-Object Action -eq Remove, then run again with -MaxRemove "
            + removes + " if they are meant."), "TooManyRemovals", ErrorCategory.LimitsExceeded, removes);

        public static string NotPruned(int removes) =>
            removes + " item(s) in the organization are not in the file and were not removed (NotPruned); Compare-TcOrgConfiguration lists them, "
            + "and -Prune removes them.";

        /// <summary>The ShouldProcess text of a plan item: its action, what it is and the change.</summary>
        public static string Describe(ConfigurationPlanItem item)
        {
            string what = item.Kind switch
            {
                ConfigurationKind.Identity => "organization identity",
                ConfigurationKind.MemberAuthIdentity => "member authorization",
                ConfigurationKind.User => "CIC user",
                ConfigurationKind.Group => "CIC group",
                ConfigurationKind.GroupMember => "group membership",
                ConfigurationKind.RoleConfiguration => "permission configuration",
                ConfigurationKind.RolePolicy => "permission configuration policy",
                ConfigurationKind.Redeployment => "re-deployment of a permission configuration",
                _ => "role assignment",
            };
            return item.Action + " " + what + (item.Difference != null ? " (" + item.Difference + ")" : "");
        }
    }
}

namespace TencentOrg
{
    /// <summary>Patterns and limits shared by parameters and validators, so every cmdlet and service checks the same way.</summary>
    internal static class Patterns
    {
        // (?-i): ValidatePattern matches case-insensitively by default, and the service rejects upper-case IDs.
        public const string ZoneId = "(?-i)^z-[a-z0-9]{12}$";
        public const string RoleConfigurationId = "(?-i)^rc-[a-z0-9]{1,64}$";
        public const string PrincipalId = "(?-i)^(u|g)-[a-z0-9]{1,64}$";
        public const string TaskId = "(?-i)^t-[a-z0-9]{1,64}$";
        /// <summary>Printable text: no control characters (tabs and newlines included).</summary>
        public const string PrintableName = @"^[^\p{C}]+$";
        public const int MaxNameLength = 64;
        public const int MaxDescriptionLength = 1024;

        // CIC users and groups (spec CIC §2, §3, §9.2). ID formats beyond the prefix are unconfirmed (§13.1).
        public const string CicUserId = "(?-i)^u-[a-z0-9]{1,64}$";
        public const string CicGroupId = "(?-i)^g-[a-z0-9]{1,64}$";
        /// <summary>Letters, digits and + = , . @ - _; at most 64.</summary>
        public const string CicUserName = "(?-i)^[A-Za-z0-9+=,.@_-]{1,64}$";
        /// <summary>English letters, digits and hyphens only (no underscore, dot or space); at most 128. Also for renames (unconfirmed, §3.3).</summary>
        public const string CicGroupName = "(?-i)^[A-Za-z0-9-]{1,128}$";
        public const int MaxCicPersonNameLength = 64;
        public const int MaxCicDisplayNameLength = 256;
        public const int MaxCicEmailLength = 128;

        // Permission configurations and their policies (CIC spec §4, §9.2).
        /// <summary>English letters, digits and hyphens, at most 128 (no underscore, dot or space).</summary>
        public const string RoleConfigurationName = "^[A-Za-z0-9-]{1,128}$";
        public const int MaxRoleConfigurationNameLength = 128;
        public const int MinSessionDuration = 900;
        public const int MaxSessionDuration = 43200;
        /// <summary>UNCONFIRMED rule ("a Tencent Cloud console page"): https on the CN or intl console host.</summary>
        public const string RelayState = @"^https://console\.(cloud\.tencent|tencentcloud)\.com(/\S*)?$";
        public const int MaxPolicyNameLength = 32;
        /// <summary>The API's 4096, not the console guide's 6,144: the smaller satisfies both.</summary>
        public const int MaxPolicyDocumentLength = 4096;
        public const int MaxSystemPoliciesPerCall = 20;
    }
}

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
        /// <summary>Descriptions: empty, or text without control characters.</summary>
        public const string PrintableDescription = @"^[^\p{Cc}]*$";
        public const int MaxNameLength = 64;
        public const int MaxDescriptionLength = 1024;
    }
}

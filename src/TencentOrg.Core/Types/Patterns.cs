using System;

namespace TencentOrg
{
    /// <summary>Patterns and limits shared by parameters and validators, so every cmdlet and service checks the same way.</summary>
    internal static class Patterns
    {
        // (?-i): ValidatePattern matches case-insensitively by default, and the service rejects upper-case IDs.
        // \z, not $: in .NET $ also matches before a final line feed, so 'rc-x\n' would pass.
        public const string ZoneId = @"(?-i)^z-[a-z0-9]{12}\z";
        public const string RoleConfigurationId = @"(?-i)^rc-[a-z0-9]{1,64}\z";
        public const string PrincipalId = @"(?-i)^(u|g)-[a-z0-9]{1,64}\z";
        public const string TaskId = @"(?-i)^t-[a-z0-9]{1,64}\z";
        /// <summary>Printable text: no control characters (tabs and newlines included). Names are checked by <see cref="NameProblem"/>.</summary>
        public const string PrintableName = @"^[^\p{C}]+\z";
        public const int MaxNameLength = 64;
        public const int MaxDescriptionLength = 1024;

        // CIC users and groups (spec CIC §2, §3, §9.2). ID formats beyond the prefix are unconfirmed (§13.1).
        public const string CicUserId = @"(?-i)^u-[a-z0-9]{1,64}\z";
        public const string CicGroupId = @"(?-i)^g-[a-z0-9]{1,64}\z";
        /// <summary>Letters, digits and + = , . @ - _; at most 64.</summary>
        public const string CicUserName = @"(?-i)^[A-Za-z0-9+=,.@_-]{1,64}\z";
        /// <summary>English letters, digits and hyphens only (no underscore, dot or space); at most 128. Also for renames (unconfirmed, §3.3).</summary>
        public const string CicGroupName = @"(?-i)^[A-Za-z0-9-]{1,128}\z";
        /// <summary>CIC text fields: empty, or text without control characters (line feeds included: \z, not $).</summary>
        public const string CicText = @"^[^\p{Cc}]*\z";
        /// <summary>An e-mail address in its simplest form, or empty.</summary>
        public const string CicEmail = @"^\z|^[^\s@]+@[^\s@]+\z";
        public const int MaxCicPersonNameLength = 64;
        public const int MaxCicDisplayNameLength = 256;
        public const int MaxCicEmailLength = 128;
        /// <summary>
        /// Why a name cannot be used, in words naming it; null when it can. Any printable text the API accepts is allowed,
        /// emoji and other characters outside the BMP included; refused: empty or blank (only spaces, no-break spaces or
        /// invisible characters), control characters, line and paragraph separators, bidirectional overrides, broken surrogates.
        /// </summary>
        public static string? NameProblem(string? name, string what = "The name")
        {
            if (string.IsNullOrEmpty(name)) return what + " is empty.";
            string shown = what + " '" + Api.ServerText.Clean(name) + "'";
            if (name!.Length > MaxNameLength) return shown + " is " + name.Length + " characters long; at most " + MaxNameLength + " are allowed.";
            string? bad = BadCharacter(name);
            if (bad != null) return shown + " contains " + bad + "; use printable characters only.";
            bool visible = false;
            foreach (char c in name)
            {
                if (!char.IsWhiteSpace(c) && char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.Format) visible = true;
            }
            if (!visible) return shown + " is blank: it has only spaces or invisible characters; give a name with at least one letter, digit or symbol.";
            return null;
        }

        /// <summary>Why a description cannot be used; null when it can (null itself means no description).</summary>
        public static string? DescriptionProblem(string? description)
        {
            if (description == null) return null;
            if (description.Length > MaxDescriptionLength)
                return "The description is " + description.Length + " characters long; at most " + MaxDescriptionLength + " are allowed.";
            string? bad = BadCharacter(description);
            return bad == null ? null : "The description '" + Api.ServerText.Clean(description) + "' contains " + bad + "; use printable characters on one line.";
        }

        /// <summary>The first character a name or description may not hold, in words (with its position); null when none.</summary>
        private static string? BadCharacter(string text)
        {
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                string at = " at position " + (i + 1);
                string code = "U+" + ((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture);
                if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    i++;
                    continue;
                }
                if (char.IsSurrogate(c)) return "a broken character (unpaired surrogate " + code + ")" + at;
                if (c == '\n') return "a line feed" + at;
                if (c == '\r') return "a carriage return" + at;
                if (c == '\t') return "a tab" + at;
                if (char.IsControl(c)) return "a control character (" + code + ")" + at;
                if (c == '\u2028') return "a line separator (U+2028)" + at;
                if (c == '\u2029') return "a paragraph separator (U+2029)" + at;
                if (Api.ServerText.IsUnsafe(c)) return "a text-direction control (" + code + ")" + at;
            }
            return null;
        }

        /// <summary>The allowed value that equals <paramref name="value"/> ignoring case (sent in the API's case); the value itself when none does.</summary>
        public static string? Canonical(string? value, params string[] allowed)
        {
            if (value == null) return null;
            foreach (var candidate in allowed)
                if (string.Equals(candidate, value, StringComparison.OrdinalIgnoreCase)) return candidate;
            return value;
        }
        // Permission configurations and their policies (CIC spec §4, §9.2).
        /// <summary>English letters, digits and hyphens, at most 128 (no underscore, dot or space).</summary>
        public const string RoleConfigurationName = @"(?-i)^[A-Za-z0-9-]{1,128}\z";
        public const int MaxRoleConfigurationNameLength = 128;
        public const int MinSessionDuration = 900;
        public const int MaxSessionDuration = 43200;
        /// <summary>UNCONFIRMED rule ("a Tencent Cloud console page"): https on the CN or intl console host.</summary>
        public const string RelayState = @"^https://console\.(cloud\.tencent|tencentcloud)\.com(/\S*)?\z";
        public const int MaxPolicyNameLength = 32;
        /// <summary>The API's 4096, not the console guide's 6,144: the smaller satisfies both.</summary>
        public const int MaxPolicyDocumentLength = 4096;
        public const int MaxSystemPoliciesPerCall = 20;
    }
}

using System;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace TencentOrg.Services
{
    /// <summary>
    /// The input rules of permission configurations and their policies (CIC spec §4, §9.2), checked before any request.
    /// Each returns null when the value is fine, else a sentence naming it.
    /// </summary>
    internal static class RoleConfigurationRules
    {
        private static readonly Regex Name = new Regex(Patterns.RoleConfigurationName, RegexOptions.CultureInvariant);
        private static readonly Regex Relay = new Regex(Patterns.RelayState, RegexOptions.CultureInvariant);

        public static string? NameProblem(string? name) =>
            name != null && Name.IsMatch(name) ? null
                : "The permission configuration name '" + Shown(name) + "' is not valid: use 1-" + Patterns.MaxRoleConfigurationNameLength
                  + " English letters, digits and hyphens (no underscore, dot or space).";

        public static string? DescriptionProblem(string? description) =>
            description == null ? null
            : description.Length > Patterns.MaxDescriptionLength ? "The description has " + description.Length + " characters; at most " + Patterns.MaxDescriptionLength + " are allowed."
            : description.Any(char.IsControl) ? "The description contains control characters." : null;

        public static string? SessionDurationProblem(long? seconds) =>
            seconds == null || (seconds >= Patterns.MinSessionDuration && seconds <= Patterns.MaxSessionDuration) ? null
                : "The session duration " + seconds + " is out of range: " + Patterns.MinSessionDuration + "-" + Patterns.MaxSessionDuration + " seconds.";

        public static string? RelayStateProblem(string? relayState) =>
            string.IsNullOrEmpty(relayState) || Relay.IsMatch(relayState) ? null
                : "The relay state '" + Shown(relayState) + "' is not a Tencent Cloud console page (https://console.cloud.tencent.com/... or https://console.tencentcloud.com/...).";

        public static string? PolicyNameProblem(string? name) =>
            string.IsNullOrEmpty(name) ? "A policy name is empty."
            : name!.Length > Patterns.MaxPolicyNameLength ? "The policy name '" + Shown(name) + "' has " + name.Length + " characters; at most " + Patterns.MaxPolicyNameLength + " are allowed."
            : name.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)) ? "The policy name '" + Shown(name) + "' contains spaces or control characters." : null;

        /// <summary>Non-empty, at most 4096 characters, a JSON object (CAM policy syntax).</summary>
        public static string? DocumentProblem(string policyName, string? document)
        {
            if (string.IsNullOrWhiteSpace(document)) return "The custom policy document of '" + Shown(policyName) + "' is empty.";
            if (document!.Length > Patterns.MaxPolicyDocumentLength)
                return "The custom policy document of '" + Shown(policyName) + "' has " + document.Length + " characters; at most " + Patterns.MaxPolicyDocumentLength + " are allowed.";
            try
            {
                using (var parsed = JsonDocument.Parse(document))
                {
                    if (parsed.RootElement.ValueKind != JsonValueKind.Object)
                        return "The custom policy document of '" + Shown(policyName) + "' is not a JSON object.";
                }
            }
            catch (JsonException error)
            {
                return "The custom policy document of '" + Shown(policyName) + "' is not valid JSON: " + error.Message;
            }
            return null;
        }

        /// <summary>A policy to attach or detach: a known type; a system policy by ID (1 or more) or name; a custom one by name with its document when attaching.</summary>
        public static string? PolicyProblem(RoleConfigurationPolicy? policy, bool attaching)
        {
            if (policy == null) return "A policy is empty.";
            if (policy.RolePolicyType != RoleConfigurationPolicy.SystemType && policy.RolePolicyType != RoleConfigurationPolicy.CustomType)
                return "The policy type '" + Shown(policy.RolePolicyType) + "' is unknown: use System or Custom.";
            if (policy.IsCustom)
            {
                if (policy.RolePolicyId.HasValue && policy.RolePolicyId != 0) return "A custom policy has no policy ID (got " + policy.RolePolicyId + ").";
                return PolicyNameProblem(policy.RolePolicyName) ?? (attaching ? DocumentProblem(policy.RolePolicyName!, policy.RolePolicyDocument) : null);
            }
            if (policy.RolePolicyDocument != null) return "The system policy '" + Shown(policy.RolePolicyName ?? policy.RolePolicyId?.ToString()) + "' takes no document.";
            if (policy.RolePolicyId.HasValue && policy.RolePolicyId < 1) return "The system policy ID " + policy.RolePolicyId + " is not valid: CAM policy IDs are 1 or more.";
            if (!policy.RolePolicyId.HasValue && policy.RolePolicyName == null) return "A system policy needs its ID or its name.";
            return policy.RolePolicyName != null ? PolicyNameProblem(policy.RolePolicyName) : null;
        }

        /// <summary>A value inside a message: control characters dropped, at most 64 characters.</summary>
        internal static string Shown(string? text)
        {
            var clean = new string((text ?? "").Where(c => !char.IsControl(c)).ToArray());
            return clean.Length > 64 ? clean.Substring(0, 64) + "..." : clean;
        }
    }
}

using System;
using System.Globalization;

namespace TencentOrg
{
    /// <summary>
    /// A policy of an organization identity: a preset CAM policy (PolicyId + PolicyName, PolicyType 2)
    /// or a custom one (PolicyType 1 + PolicyDocument). Used on the wire and as cmdlet input.
    /// </summary>
    public sealed class IdentityPolicy
    {
        public const long PresetPolicyType = 2;
        public const long CustomPolicyType = 1;

        public IdentityPolicy() { }

        /// <summary>"1:AdministratorAccess" (preset id:name), so CSV cells and plain strings bind.</summary>
        public IdentityPolicy(string text)
        {
            if (text == null) throw new ArgumentNullException(nameof(text));
            string trimmed = text.Trim();
            int colon = trimmed.IndexOf(':');
            if (colon <= 0 || !long.TryParse(trimmed.Substring(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out long id))
                throw new FormatException("A policy given as text must be 'PolicyId:PolicyName', e.g. '1:AdministratorAccess'; got '" + text + "'.");
            PolicyId = id;
            PolicyName = trimmed.Substring(colon + 1).Trim();
        }

        public long? PolicyId { get; set; }
        public string? PolicyName { get; set; }
        public long? PolicyType { get; set; }
        public string? PolicyDocument { get; set; }

        [System.Text.Json.Serialization.JsonIgnore]
        public bool IsCustom => PolicyType == CustomPolicyType;

        /// <summary>Null when usable; otherwise why not, in words an admin can act on.</summary>
        public string? Problem()
        {
            if (PolicyType != null && PolicyType != PresetPolicyType && PolicyType != CustomPolicyType)
                return "PolicyType must be 1 (custom) or 2 (preset); got " + PolicyType + ".";
            if (IsCustom)
            {
                if (string.IsNullOrWhiteSpace(PolicyDocument)) return "a custom policy (PolicyType 1) needs a PolicyDocument.";
                try { using (System.Text.Json.JsonDocument.Parse(PolicyDocument!)) { } }
                catch (System.Text.Json.JsonException) { return "PolicyDocument is not valid JSON."; }
                return null;
            }
            if (PolicyId == null || PolicyId <= 0) return "a preset policy needs a positive PolicyId.";
            if (string.IsNullOrWhiteSpace(PolicyName)) return "a preset policy needs a PolicyName.";
            return null;
        }

        public override string ToString() => IsCustom ? "Custom" + (PolicyName != null ? ":" + PolicyName : "") : PolicyId + ":" + PolicyName;
    }
}

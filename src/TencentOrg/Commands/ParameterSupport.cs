using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Threading;

namespace TencentOrg
{
    /// <summary>Patterns and limits shared by parameters, so every cmdlet validates the same way.</summary>
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
    }

    /// <summary>
    /// Case-sensitive ID check with a message that names the expected form (ValidatePattern is
    /// case-insensitive and only repeats the regex).
    /// </summary>
    public abstract class ValidateIdPatternAttribute : ValidateEnumeratedArgumentsAttribute
    {
        private readonly System.Text.RegularExpressions.Regex _pattern;
        private readonly string _expected;

        protected ValidateIdPatternAttribute(string pattern, string expected)
        {
            _pattern = new System.Text.RegularExpressions.Regex(pattern, System.Text.RegularExpressions.RegexOptions.CultureInvariant);
            _expected = expected;
        }

        protected override void ValidateElement(object element)
        {
            string text = (element is PSObject ps ? ps.BaseObject : element)?.ToString() ?? "";
            if (!_pattern.IsMatch(text)) throw new ValidationMetadataException("'" + text + "' is not " + _expected + ".");
        }
    }

    public sealed class ValidateZoneIdAttribute : ValidateIdPatternAttribute
    {
        public ValidateZoneIdAttribute() : base(Patterns.ZoneId, "a CIC zone ID: z- followed by 12 lowercase letters or digits, e.g. z-emulator0001") { }
    }

    public sealed class ValidateRoleConfigurationIdAttribute : ValidateIdPatternAttribute
    {
        public ValidateRoleConfigurationIdAttribute() : base(Patterns.RoleConfigurationId, "a permission configuration ID: rc- followed by lowercase letters or digits, e.g. rc-emuconfig001") { }
    }

    public sealed class ValidatePrincipalIdAttribute : ValidateIdPatternAttribute
    {
        public ValidatePrincipalIdAttribute() : base(Patterns.PrincipalId, "a CIC user ID (u-...) or group ID (g-...), e.g. u-emuuser00001 or g-emugroup0001") { }
    }

    public sealed class ValidateTaskIdAttribute : ValidateIdPatternAttribute
    {
        public ValidateTaskIdAttribute() : base(Patterns.TaskId, "a CIC task ID: t- followed by lowercase letters or digits") { }
    }

    /// <summary>Account UINs are positive; says so instead of ValidateRange's generic range text.</summary>
    public sealed class ValidateUinAttribute : ValidateEnumeratedArgumentsAttribute
    {
        protected override void ValidateElement(object element)
        {
            object value = element is PSObject ps ? ps.BaseObject : element;
            long uin;
            try { uin = Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture); }
            catch (Exception ex) when (ex is FormatException || ex is InvalidCastException || ex is OverflowException)
            {
                throw new ValidationMetadataException("'" + value + "' is not an account UIN (a positive number).");
            }
            if (uin <= 0) throw new ValidationMetadataException("Account UIN " + uin + " is not valid: a UIN is a positive number, e.g. 100000000001.");
        }
    }

    /// <summary>Turns hashtables, "1:AdministratorAccess;2:ReadOnlyAccess" strings (CSV cells) and objects into IdentityPolicy[].</summary>
    internal sealed class IdentityPolicyTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            var policies = new List<IdentityPolicy>();
            foreach (var item in Flatten(inputData))
            {
                try
                {
                    switch (item)
                    {
                        case IdentityPolicy policy:
                            policies.Add(policy);
                            break;
                        case string text:
                            policies.AddRange(text.Split(new[] { ';' }, StringSplitOptions.RemoveEmptyEntries).Select(part => new IdentityPolicy(part)));
                            break;
                        case IDictionary table:
                            policies.Add(FromTable(table));
                            break;
                        default:
                            policies.Add(LanguagePrimitives.ConvertTo<IdentityPolicy>(item));
                            break;
                    }
                }
                catch (Exception ex) when (!(ex is ArgumentTransformationMetadataException))
                {
                    throw new ArgumentTransformationMetadataException(
                        "Cannot use '" + item + "' as a policy: " + ex.Message
                        + " Give @{PolicyId=1; PolicyName='AdministratorAccess'}, @{PolicyType=1; PolicyDocument='{...}'} or '1:AdministratorAccess'.", ex);
                }
            }
            return policies.ToArray();
        }

        private static IdentityPolicy FromTable(IDictionary table)
        {
            var policy = new IdentityPolicy();
            foreach (DictionaryEntry entry in table)
            {
                string key = entry.Key?.ToString() ?? "";
                if (key.Equals(nameof(IdentityPolicy.PolicyId), StringComparison.OrdinalIgnoreCase)) policy.PolicyId = LanguagePrimitives.ConvertTo<long>(entry.Value);
                else if (key.Equals(nameof(IdentityPolicy.PolicyName), StringComparison.OrdinalIgnoreCase)) policy.PolicyName = entry.Value?.ToString();
                else if (key.Equals(nameof(IdentityPolicy.PolicyType), StringComparison.OrdinalIgnoreCase)) policy.PolicyType = LanguagePrimitives.ConvertTo<long>(entry.Value);
                else if (key.Equals(nameof(IdentityPolicy.PolicyDocument), StringComparison.OrdinalIgnoreCase)) policy.PolicyDocument = entry.Value?.ToString();
                else throw new ArgumentException("unknown key '" + key + "' (use PolicyId, PolicyName, PolicyType, PolicyDocument).");
            }
            return policy;
        }

        private static IEnumerable<object> Flatten(object input)
        {
            object value = input is PSObject ps ? ps.BaseObject : input;
            if (value is string || value is IDictionary || !(value is IEnumerable list))
            {
                if (value != null) yield return value;
                yield break;
            }
            foreach (var element in list)
            {
                object inner = element is PSObject p ? p.BaseObject : element;
                if (inner != null) yield return inner;
            }
        }
    }

    /// <summary>Completes -ZoneId with the session's zone (discovered once, then cached).</summary>
    public sealed class ZoneIdCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            string? zone = SessionStore.Current?.CachedZoneId;
            if (zone == null && SessionStore.Current is { } session)
            {
                try
                {
                    using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                    zone = session.GetZoneIdAsync(Api.NullOrgLog.Instance, timeout.Token).GetAwaiter().GetResult();
                }
                catch (Exception)
                {
                    // Completion must never throw at the prompt.
                }
            }
            if (zone != null && zone.StartsWith(wordToComplete ?? "", StringComparison.OrdinalIgnoreCase))
                yield return new CompletionResult(zone, zone, CompletionResultType.ParameterValue, "CIC zone " + zone);
        }
    }
}

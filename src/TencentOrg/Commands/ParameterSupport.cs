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
        public const long MaxUin = long.MaxValue;
        public const int MaxNameLength = 64;
        public const int MaxDescriptionLength = 1024;
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

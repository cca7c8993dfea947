using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Threading;
using TencentOrg.Services;

namespace TencentOrg
{
    /// <summary>
    /// Case-sensitive ID check with a message that names the expected form (ValidatePattern is
    /// case-insensitive and only repeats the regex).
    /// </summary>
    internal abstract class ValidateIdPatternAttribute : ValidateEnumeratedArgumentsAttribute
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
            if (!_pattern.IsMatch(text)) throw new ValidationMetadataException("'" + Api.ServerText.Clean(text) + "' is not " + _expected + ".");
        }
    }

    internal sealed class ValidateZoneIdAttribute : ValidateIdPatternAttribute
    {
        public ValidateZoneIdAttribute() : base(Patterns.ZoneId, "a CIC zone ID: z- followed by 12 lowercase letters or digits, e.g. z-emulator0001") { }
    }

    internal sealed class ValidateRoleConfigurationIdAttribute : ValidateIdPatternAttribute
    {
        public ValidateRoleConfigurationIdAttribute() : base(Patterns.RoleConfigurationId, "a permission configuration ID: rc- followed by lowercase letters or digits, e.g. rc-emuconfig001") { }
    }

    internal sealed class ValidatePrincipalIdAttribute : ValidateIdPatternAttribute
    {
        public ValidatePrincipalIdAttribute() : base(Patterns.PrincipalId, "a CIC user ID (u-...) or group ID (g-...), e.g. u-emuuser00001 or g-emugroup0001") { }
    }

    internal sealed class ValidateTaskIdAttribute : ValidateIdPatternAttribute
    {
        public ValidateTaskIdAttribute() : base(Patterns.TaskId, "a CIC task ID: t- followed by lowercase letters or digits") { }
    }

    /// <summary>An identity name: <see cref="Patterns.NameProblem"/> in words, not a regular expression.</summary>
    internal sealed class ValidateIdentityNameAttribute : ValidateArgumentsAttribute
    {
        protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
        {
            string? problem = Patterns.NameProblem((arguments is PSObject ps ? ps.BaseObject : arguments)?.ToString(), "The identity name");
            if (problem != null) throw new ValidationMetadataException(problem);
        }
    }

    /// <summary>A description: <see cref="Patterns.DescriptionProblem"/>. $null (an empty trailing CSV cell) is no description.</summary>
    internal sealed class ValidateDescriptionAttribute : ValidateArgumentsAttribute
    {
        protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
        {
            string? problem = Patterns.DescriptionProblem((arguments is PSObject ps ? ps.BaseObject : arguments)?.ToString());
            if (problem != null) throw new ValidationMetadataException(problem);
        }
    }

    /// <summary>
    /// Next to a ValidateSet: a value given in any case ('memberuin') becomes the API's spelling ('MemberUin') before it is
    /// validated and sent. ValidateSet alone accepts any case and passes the user's spelling through.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    internal sealed class ApiCaseAttribute : ArgumentTransformationAttribute
    {
        public ApiCaseAttribute(params string[] values) { Values = values; }

        /// <summary>The API's spellings.</summary>
        public string[] Values { get; }

        public override object? Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            object? value = inputData is PSObject ps ? ps.BaseObject : inputData;
            if (value is string text) return Patterns.Canonical(text, Values);
            if (value is IEnumerable list && !(value is IDictionary))
                return list.Cast<object?>().Select(e => (e is PSObject p ? p.BaseObject : e) is string t ? Patterns.Canonical(t, Values) : e).ToArray();
            return inputData;
        }
    }

    /// <summary>
    /// Account UIN lists (-TargetUin (Get-Content uins.txt)): every element is checked on its own, so one blank line, 0 or
    /// fraction is one error (see <see cref="UinArguments.Take"/>) and the other accounts still go. When no element is
    /// usable the binding fails as a whole, naming the values. Bad elements travel as reserved negative placeholders.
    /// </summary>
    internal sealed class UinElementsAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            object? value = inputData is PSObject ps ? ps.BaseObject : inputData;
            if (value == null) return null;
            var elements = value is string || !(value is IEnumerable list) ? new List<object?> { value } : list.Cast<object?>().ToList();
            // A piped object binds by property name after this by-value attempt fails in PowerShell's own conversion.
            if (!elements.All(e => e == null || WholeNumber.Applies(e))) return inputData;
            var uins = new long[elements.Count];
            var problems = new List<string>();
            for (int i = 0; i < elements.Count; i++)
            {
                string? problem = UinArguments.Problem(elements[i], out uins[i]);
                if (problem != null) problems.Add(problem);
            }
            if (problems.Count == elements.Count)
            {
                // Nothing usable: numbers (0, -5) go on to ValidateUin's own error; anything else fails here, naming it.
                if (elements.All(e => e != null && !(e is string s && s.Trim().Length == 0) && WholeNumberOrNull(e) != null)) return uins;
                throw new ArgumentTransformationMetadataException(string.Join(" ", problems));
            }
            for (int i = 0; i < elements.Count; i++)
                if (uins[i] <= 0) uins[i] = UinArguments.Reject(UinArguments.Problem(elements[i], out _)!, elements[i]);
            return uins;
        }

        private static long? WholeNumberOrNull(object? element)
        {
            try { return WholeNumber.Convert(element, "an account UIN"); }
            catch (ArgumentException) { return null; }
        }
    }

    /// <summary>The usable, distinct UINs of a list bound through <see cref="UinElementsAttribute"/>.</summary>
    internal static class UinArguments
    {
        // Placeholders for refused elements: far below any number a user gives, each naming its own message.
        private const long RejectBase = long.MinValue / 2;
        private static long _nextReject = RejectBase;
        private static readonly System.Collections.Concurrent.ConcurrentDictionary<long, (string Message, object? Value)> Rejected =
            new System.Collections.Concurrent.ConcurrentDictionary<long, (string, object?)>();

        /// <summary>Why the element is not an account UIN (null when it is; the UIN in <paramref name="uin"/>).</summary>
        public static string? Problem(object? element, out long uin)
        {
            uin = 0;
            object? value = element is PSObject ps ? ps.BaseObject : element;
            if (value == null || value is string blank && blank.Trim().Length == 0)
                return (value == null ? "$null" : "'" + value + "'") + " is not an account UIN: the element is blank; give a positive number, e.g. 100000000001.";
            try
            {
                uin = WholeNumber.Convert(value, "an account UIN");
            }
            catch (ArgumentException ex)
            {
                return ex.Message;
            }
            return uin > 0 ? null : "Account UIN " + uin + " is not valid: a UIN is a positive number, e.g. 100000000001.";
        }

        /// <summary>A placeholder for a refused element, remembered with its message and value until <see cref="Take"/> reports it.</summary>
        /// <summary>True for a placeholder of a refused element (validation leaves it to <see cref="Take"/>).</summary>
        public static bool IsPlaceholder(long uin) => uin > RejectBase && uin < RejectBase + int.MaxValue;

        public static long Reject(string message, object? value)
        {
            long key = System.Threading.Interlocked.Increment(ref _nextReject);
            Rejected[key] = (message, value is PSObject ps ? ps.BaseObject : value);
            return key;
        }

        /// <summary>
        /// The UINs to send, in order, each once: a refused element becomes one error for itself, a repeated UIN one warning
        /// for the whole list (sending it twice would start two tasks or fail as "already exists").
        /// </summary>
        public static List<long> Take(TcOrgCmdlet cmdlet, IEnumerable<long> uins, string parameter)
        {
            var seen = new HashSet<long>();
            var repeated = new List<long>();
            var usable = new List<long>();
            foreach (var uin in uins)
            {
                if (uin <= 0)
                {
                    var (message, value) = Rejected.TryRemove(uin, out var rejected) ? rejected
                        : ("Account UIN " + uin + " is not valid: a UIN is a positive number, e.g. 100000000001.", (object?)uin);
                    cmdlet.WriteItemError(new ArgumentException("-" + parameter + ": " + message), value);
                    continue;
                }
                if (seen.Add(uin)) usable.Add(uin);
                else if (!repeated.Contains(uin)) repeated.Add(uin);
            }
            if (repeated.Count > 0)
                cmdlet.WriteWarning("-" + parameter + " lists " + string.Join(", ", repeated) + " more than once; each account is sent once.");
            return usable;
        }

        /// <summary>IDs in order, each once, with one warning naming the repeated ones.</summary>
        public static List<string> Distinct(TcOrgCmdlet cmdlet, IEnumerable<string> ids, string parameter)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var repeated = new List<string>();
            var usable = new List<string>();
            foreach (var id in ids)
            {
                if (seen.Add(id)) usable.Add(id);
                else if (!repeated.Contains(id)) repeated.Add(id);
            }
            if (repeated.Count > 0)
                cmdlet.WriteWarning("-" + parameter + " lists " + string.Join(", ", repeated.Select(r => Api.ServerText.Clean(r))) + " more than once; each is sent once.");
            return usable;
        }
    }

    /// <summary>Account UINs are positive; says so instead of ValidateRange's generic range text.</summary>
    internal sealed class ValidateUinAttribute : ValidateEnumeratedArgumentsAttribute
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
            if (uin <= 0 && !UinArguments.IsPlaceholder(uin)) throw new ValidationMetadataException("Account UIN " + uin + " is not valid: a UIN is a positive number, e.g. 100000000001.");
        }
    }

    /// <summary>
    /// Whole numbers only, for UINs and IDs: integer types, integral floating values, or digit strings. PowerShell
    /// would round '100000000002.6' to the neighbouring account, so anything else is refused before conversion.
    /// </summary>
    internal static class WholeNumber
    {
        // Beyond 2^53 a double no longer holds every integer exactly.
        private const double MaxExactDouble = 9007199254740992d;

        /// <summary>The value as a long, or an exception naming the value.</summary>
        public static long Convert(object? input, string what)
        {
            object? value = input is PSObject ps ? ps.BaseObject : input;
            switch (value)
            {
                case long l: return l;
                case int i: return i;
                case short s: return s;
                case byte b: return b;
                case sbyte sb: return sb;
                case ushort us: return us;
                case uint ui: return ui;
                case ulong ul when ul <= long.MaxValue: return (long)ul;
                case double d when !double.IsNaN(d) && Math.Abs(d) <= MaxExactDouble && Math.Floor(d) == d: return (long)d;
                case float f when !float.IsNaN(f) && Math.Abs(f) <= 16777216f && Math.Floor(f) == f: return (long)f;
                case decimal m when decimal.Truncate(m) == m && m >= long.MinValue && m <= long.MaxValue: return (long)m;
                case string text when IsDigits(text) && long.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out long parsed):
                    return parsed;
            }
            throw new ArgumentException("'" + Describe(value) + "' is not " + what + ": give a whole number (digits only, e.g. 100000000001); it is not rounded.");
        }

        /// <summary>Numbers and text: what this check decides on. Other objects are left to PowerShell's binding (by property name).</summary>
        public static bool Applies(object? input)
        {
            object? value = input is PSObject ps ? ps.BaseObject : input;
            return value is string || value is IConvertible && !(value is bool) && !(value is char) && !(value is DateTime) && !(value is DBNull);
        }

        private static bool IsDigits(string text)
        {
            int start = text.Length > 0 && text[0] == '-' ? 1 : 0;
            if (text.Length == start) return false;
            for (int i = start; i < text.Length; i++) if (text[i] < '0' || text[i] > '9') return false;
            return true;
        }

        private static string Describe(object? value) =>
            value == null ? "$null" : value is IFormattable f ? f.ToString(null, System.Globalization.CultureInfo.InvariantCulture) : value.ToString() ?? "";
    }

    /// <summary>Applies <see cref="WholeNumber"/> to an integer parameter, element by element for arrays.</summary>
    internal sealed class ExactIntegerAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            object? value = inputData is PSObject ps ? ps.BaseObject : inputData;
            if (value == null) return null;
            try
            {
                if (value is string || !(value is IEnumerable list))
                    return WholeNumber.Applies(value) ? WholeNumber.Convert(value, "a whole number") : inputData;
                var elements = list.Cast<object?>().ToList();
                // A piped object binds by property name after this by-value attempt fails in PowerShell's own conversion.
                if (!elements.All(WholeNumber.Applies)) return inputData;
                return elements.Select(element => WholeNumber.Convert(element, "a whole number")).ToArray();
            }
            catch (ArgumentException ex)
            {
                throw new ArgumentTransformationMetadataException(ex.Message, ex);
            }
        }
    }

    /// <summary>
    /// A hashtable given as -InputObject becomes a RoleAssignmentInfo with TargetUin checked by <see cref="WholeNumber"/>
    /// (PowerShell's own conversion would round it); other values bind as before.
    /// </summary>
    internal sealed class RoleAssignmentInfoTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            object? value = inputData is PSObject ps ? ps.BaseObject : inputData;
            if (!(value is IDictionary table)) return inputData;
            var info = new RoleAssignmentInfo();
            foreach (DictionaryEntry entry in table)
            {
                string key = entry.Key?.ToString() ?? "";
                object? item = entry.Value is PSObject p ? p.BaseObject : entry.Value;
                try
                {
                    if (key.Equals(nameof(RoleAssignmentInfo.TargetUin), StringComparison.OrdinalIgnoreCase))
                        info.TargetUin = item == null ? (long?)null : WholeNumber.Convert(item, "an account UIN");
                    else if (key.Equals(nameof(RoleAssignmentInfo.RoleConfigurationId), StringComparison.OrdinalIgnoreCase)) info.RoleConfigurationId = item?.ToString();
                    else if (key.Equals(nameof(RoleAssignmentInfo.TargetType), StringComparison.OrdinalIgnoreCase)) info.TargetType = item?.ToString();
                    else if (key.Equals(nameof(RoleAssignmentInfo.PrincipalType), StringComparison.OrdinalIgnoreCase)) info.PrincipalType = item?.ToString();
                    else if (key.Equals(nameof(RoleAssignmentInfo.PrincipalId), StringComparison.OrdinalIgnoreCase)) info.PrincipalId = item?.ToString();
                    else throw new ArgumentException("unknown key '" + key + "' (use RoleConfigurationId, TargetType, TargetUin, PrincipalType, PrincipalId).");
                }
                catch (ArgumentException ex)
                {
                    throw new ArgumentTransformationMetadataException("Cannot use the hashtable as a role assignment: " + ex.Message, ex);
                }
            }
            return info;
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
                        case PSObject properties:
                            // [pscustomobject]@{PolicyId=2; PolicyName='ReadOnlyAccess'}, or a policy read back by ConvertFrom-Json.
                            policies.Add(FromTable(Properties(properties)));
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
                if (key.Equals(nameof(IdentityPolicy.PolicyId), StringComparison.OrdinalIgnoreCase)) policy.PolicyId = WholeNumber.Convert(entry.Value, "a PolicyId");
                else if (key.Equals(nameof(IdentityPolicy.PolicyName), StringComparison.OrdinalIgnoreCase)) policy.PolicyName = entry.Value?.ToString();
                else if (key.Equals(nameof(IdentityPolicy.PolicyType), StringComparison.OrdinalIgnoreCase)) policy.PolicyType = WholeNumber.Convert(entry.Value, "a PolicyType");
                else if (key.Equals(nameof(IdentityPolicy.PolicyDocument), StringComparison.OrdinalIgnoreCase)) policy.PolicyDocument = entry.Value?.ToString();
                else throw new ArgumentException("unknown key '" + key + "' (use PolicyId, PolicyName, PolicyType, PolicyDocument).");
            }
            return policy;
        }

        // Property bags: a PSCustomObject's notes, minus nulls and the read-only IsCustom that ConvertTo-Json adds.
        private static IDictionary Properties(PSObject bag)
        {
            var table = new Hashtable(StringComparer.OrdinalIgnoreCase);
            foreach (var property in bag.Properties)
            {
                if (property.Name.Equals(nameof(IdentityPolicy.IsCustom), StringComparison.OrdinalIgnoreCase)) continue;
                object? value = property.Value is PSObject p ? p.BaseObject : property.Value;
                if (value != null) table[property.Name] = value;
            }
            return table;
        }

        private static IEnumerable<object> Flatten(object input)
        {
            object value = Unwrap(input);
            if (value is string || value is IDictionary || value is PSObject || !(value is IEnumerable list))
            {
                if (value != null) yield return value;
                yield break;
            }
            foreach (var element in list)
            {
                object inner = Unwrap(element);
                if (inner != null) yield return inner;
            }
        }

        // A PSCustomObject is only its PSObject wrapper; anything else is its base object.
        internal static object Unwrap(object input) =>
            input is PSObject ps && !(ps.BaseObject is PSCustomObject) ? ps.BaseObject : input;
    }

    /// <summary>
    /// Identity IDs for granting: whole numbers, digit strings, OrgMember.Identities objects or their CSV text
    /// "101:Ops;102:Auditor", and objects with an IdentityId property (ConvertFrom-Json).
    /// </summary>
    internal sealed class IdentityIdTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            object? value = inputData is PSObject ps && !(ps.BaseObject is PSCustomObject) ? ps.BaseObject : inputData;
            if (value == null) return null;
            var ids = new List<long>();
            try
            {
                if (value is string || !(value is IEnumerable list)) Add(ids, value);
                else foreach (var element in list) Add(ids, element);
            }
            catch (ArgumentException ex)
            {
                throw new ArgumentTransformationMetadataException(ex.Message, ex);
            }
            return ids.ToArray();
        }

        private static void Add(List<long> ids, object? element)
        {
            object? value = element is PSObject ps && !(ps.BaseObject is PSCustomObject) ? ps.BaseObject : element;
            switch (value)
            {
                case OrgMemberIdentity held:
                    ids.Add(held.IdentityId);
                    return;
                case PSObject bag when bag.Properties[nameof(OrgMemberIdentity.IdentityId)] is { } property:
                    ids.Add(WholeNumber.Convert(property.Value, "an identity ID"));
                    return;
                case string text when text.IndexOf(':') >= 0 || text.IndexOf(';') >= 0:
                    foreach (var part in text.Split(new[] { ';' }, StringSplitOptions.RemoveEmptyEntries))
                    {
                        int colon = part.IndexOf(':');
                        ids.Add(WholeNumber.Convert(colon >= 0 ? part.Substring(0, colon) : part, "an identity ID"));
                    }
                    return;
                default:
                    ids.Add(WholeNumber.Convert(value, "an identity ID"));
                    return;
            }
        }
    }

    /// <summary>
    /// Completion values from a listing, per session, zone and kind, kept for a minute so repeated Tab presses send
    /// nothing. Uses Connect-TcOrg's session or the environment/profile credential; with none, or on any failure,
    /// it completes nothing and says nothing (completion must never throw or print at the prompt).
    /// </summary>
    internal static class ListingCompletion
    {
        private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);
        private static readonly TimeSpan Budget = TimeSpan.FromSeconds(5);
        private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, (DateTime At, List<(string Value, string Tip)> Items)> Cache =
            new System.Collections.Concurrent.ConcurrentDictionary<string, (DateTime, List<(string, string)>)>();
        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<OrgSession, object> SessionKeys =
            new System.Runtime.CompilerServices.ConditionalWeakTable<OrgSession, object>();

        public static IEnumerable<CompletionResult> Complete(string kind, string? wordToComplete, IDictionary? fakeBoundParameters, bool needsZone,
            Func<OrgSession, string?, CancellationToken, System.Threading.Tasks.Task<List<(string Value, string Tip)>>> load)
        {
            List<(string Value, string Tip)> items;
            try
            {
                items = Load(kind, fakeBoundParameters, needsZone, load);
            }
            catch (Exception)
            {
                items = new List<(string, string)>();
            }
            string word = (wordToComplete ?? "").Trim('\'', '"');
            return items.Where(i => i.Value.StartsWith(word, StringComparison.OrdinalIgnoreCase))
                .Select(i => new CompletionResult(i.Value, i.Value, CompletionResultType.ParameterValue, string.IsNullOrEmpty(i.Tip) ? i.Value : i.Tip))
                .ToList();
        }

        private static List<(string Value, string Tip)> Load(string kind, IDictionary? fakeBoundParameters, bool needsZone,
            Func<OrgSession, string?, CancellationToken, System.Threading.Tasks.Task<List<(string Value, string Tip)>>> load)
        {
            var session = SessionStore.TryCurrentOrImplicit();
            if (session == null) return new List<(string, string)>();
            using var timeout = new CancellationTokenSource(Budget);
            string? zone = null;
            if (needsZone)
            {
                zone = fakeBoundParameters?["ZoneId"] as string;
                if (string.IsNullOrEmpty(zone)) zone = session.GetZoneIdAsync(Api.NullOrgLog.Instance, timeout.Token).GetAwaiter().GetResult();
            }
            string key = kind + "|" + SessionKeys.GetValue(session, _ => new object()).GetHashCode() + "|" + zone;
            if (Cache.TryGetValue(key, out var cached) && DateTime.UtcNow - cached.At < Lifetime) return cached.Items;
            var items = load(session, zone, timeout.Token).GetAwaiter().GetResult();
            Cache[key] = (DateTime.UtcNow, items);
            return items;
        }
    }

    /// <summary>Completes -RoleConfigurationId from ListRoleConfigurations in the zone.</summary>
    internal sealed class RoleConfigurationIdCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
            ListingCompletion.Complete("rc", wordToComplete, fakeBoundParameters, true, async (session, zone, ct) =>
            {
                var items = new List<(string, string)>();
                await new Services.DirectoryService(session, Api.NullOrgLog.Instance).ListRoleConfigurationsAsync(zone!, null, c =>
                {
                    if (c.RoleConfigurationId != null) items.Add((c.RoleConfigurationId, c.RoleConfigurationName + " (" + c.RoleConfigurationId + ")"));
                    return items.Count < 1000;
                }, ct).ConfigureAwait(false);
                return items;
            });
    }

    /// <summary>Completes -PrincipalId with CIC users (u-) and groups (g-).</summary>
    internal sealed class PrincipalIdCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
            ListingCompletion.Complete("principal", wordToComplete, fakeBoundParameters, true, async (session, zone, ct) =>
            {
                var items = new List<(string, string)>();
                var directory = new Services.DirectoryService(session, Api.NullOrgLog.Instance);
                await directory.ListUsersAsync(new Models.ListUsersRequest { ZoneId = zone }, u =>
                {
                    if (u.UserId != null) items.Add((u.UserId, "User " + u.UserName + " (" + u.UserId + ")"));
                    return items.Count < 1000;
                }, ct).ConfigureAwait(false);
                await directory.ListGroupsAsync(new Models.ListGroupsRequest { ZoneId = zone }, g =>
                {
                    if (g.GroupId != null) items.Add((g.GroupId, "Group " + g.GroupName + " (" + g.GroupId + ")"));
                    return items.Count < 2000;
                }, ct).ConfigureAwait(false);
                return items;
            });
    }

    /// <summary>Completes -IdentityId from ListOrganizationIdentity (the tooltip names the identity).</summary>
    internal sealed class IdentityIdCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
            ListingCompletion.Complete("identity", wordToComplete, fakeBoundParameters, false, async (session, zone, ct) =>
            {
                var items = new List<(string, string)>();
                await new Services.OrganizationIdentityService(session, Api.NullOrgLog.Instance).ListAsync(new Models.ListOrganizationIdentityRequest(), i =>
                {
                    items.Add((i.IdentityId.ToString(System.Globalization.CultureInfo.InvariantCulture), i.Name + " (" + i.IdentityId + ")"));
                    return items.Count < 1000;
                }, ct).ConfigureAwait(false);
                return items;
            });
    }

    /// <summary>Completes -TaskId from ListTasks in the zone.</summary>
    internal sealed class TaskIdCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
            ListingCompletion.Complete("task", wordToComplete, fakeBoundParameters, true, async (session, zone, ct) =>
            {
                var items = new List<(string, string)>();
                await new Services.TaskService(session, Api.NullOrgLog.Instance).ListAsync(new Models.ListTasksRequest { ZoneId = zone }, t =>
                {
                    if (t.TaskId != null) items.Add((t.TaskId, t.TaskType + " " + t.Status + " (" + t.TaskId + ")"));
                    return items.Count < 1000;
                }, ct).ConfigureAwait(false);
                return items;
            });
    }

    /// <summary>Completes -ZoneId with the zone of the session or of the environment/profile credential (discovered once, then cached).</summary>
    internal sealed class ZoneIdCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            string? zone = null;
            var session = SessionStore.TryCurrentOrImplicit();
            if (session != null)
            {
                try
                {
                    using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                    zone = session.CachedZoneId ?? session.GetZoneIdAsync(Api.NullOrgLog.Instance, timeout.Token).GetAwaiter().GetResult();
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

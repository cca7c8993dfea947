using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace TencentOrg.Services.Configuration
{
    /// <summary>A configuration file or its names are unusable; Problems lists every fault found, each with its place.</summary>
    public sealed class ConfigurationException : Exception
    {
        public ConfigurationException(string errorId, string what, IReadOnlyList<string> problems)
            : base(what + (problems.Count == 1 ? ": " : " (" + problems.Count + " problems):" + Environment.NewLine + "  ")
                + string.Join(Environment.NewLine + "  ", problems.Take(20))
                + (problems.Count > 20 ? Environment.NewLine + "  ... and " + (problems.Count - 20) + " more." : ""))
        {
            ErrorId = errorId;
            Problems = problems;
        }

        /// <summary>InvalidConfigurationFile or ConfigurationNameNotResolved.</summary>
        public string ErrorId { get; }
        public IReadOnlyList<string> Problems { get; }
    }

    /// <summary>
    /// Reads and writes the configuration JSON (docs/configuration-schema.json). Writing is canonical so two
    /// exports of the same state are byte-identical: keys in ordinal order, entries sorted by their IDs,
    /// two-space indentation, LF line ends, UTF-8 without BOM, a final newline, no timestamps.
    /// </summary>
    internal static partial class ConfigurationFile
    {
        public const string InvalidFileId = "InvalidConfigurationFile";

        private static readonly JsonWriterOptions WriterOptions = new JsonWriterOptions
        {
            Indented = true,
            // Names in Chinese stay readable in diffs instead of becoming \uXXXX.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };

        // ---- writing ----

        public static string Write(OrgConfiguration configuration)
        {
            using var buffer = new MemoryStream();
            using (var w = new Utf8JsonWriter(buffer, WriterOptions))
            {
                w.WriteStartObject();
                WriteGroups(w, configuration.Groups);
                if (configuration.Identities != null)
                {
                    w.WriteStartArray("Identities");
                    foreach (var identity in SortIdentities(configuration.Identities)) WriteIdentity(w, identity);
                    w.WriteEndArray();
                }
                if (configuration.MemberAuthIdentities != null)
                {
                    w.WriteStartArray("MemberAuthIdentities");
                    foreach (var grant in SortGrants(configuration.MemberAuthIdentities)) WriteGrant(w, grant);
                    w.WriteEndArray();
                }
                if (configuration.PruneScope != null) WritePruneScope(w, configuration.PruneScope);
                if (configuration.RoleAssignments != null)
                {
                    w.WriteStartArray("RoleAssignments");
                    foreach (var assignment in SortAssignments(configuration.RoleAssignments)) WriteAssignment(w, assignment);
                    w.WriteEndArray();
                }
                WriteRoleConfigurations(w, configuration.RoleConfigurations);
                w.WriteNumber("SchemaVersion", configuration.SchemaVersion);
                WriteUsers(w, configuration.Users);
                w.WriteEndObject();
            }
            // System.Text.Json 8 indents with Environment.NewLine; the file is LF everywhere.
            return Encoding.UTF8.GetString(buffer.ToArray()).Replace("\r\n", "\n") + "\n";
        }

        /// <summary>
        /// Writes a temporary file beside the target, flushed to disk, then renames it over the target: a failure at
        /// any point leaves the old file as it was. Missing folders are created.
        /// </summary>
        public static void WriteFile(string path, OrgConfiguration configuration)
        {
            byte[] bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(Write(configuration));
            string target = Path.GetFullPath(path);
            string folder = Path.GetDirectoryName(target)!;
            Directory.CreateDirectory(folder);
            string temporary = Path.Combine(folder, "." + Path.GetFileName(target) + "." + Guid.NewGuid().ToString("N").Substring(0, 12) + ".tmp");
            try
            {
                using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                {
                    stream.Write(bytes, 0, bytes.Length);
                    stream.Flush(flushToDisk: true);
                }
                if (File.Exists(target)) File.Replace(temporary, target, null);
                else File.Move(temporary, target);
            }
            finally
            {
                if (File.Exists(temporary)) File.Delete(temporary);
            }
        }

        public static IEnumerable<ConfigurationIdentity> SortIdentities(IEnumerable<ConfigurationIdentity> items) =>
            items.OrderBy(i => i.Name, StringComparer.Ordinal).ThenBy(i => i.IdentityId);

        public static IEnumerable<ConfigurationMemberAuthIdentity> SortGrants(IEnumerable<ConfigurationMemberAuthIdentity> items) =>
            items.OrderBy(g => g.MemberUin).ThenBy(g => g.Member, StringComparer.Ordinal)
                .ThenBy(g => g.IdentityId).ThenBy(g => g.Identity, StringComparer.Ordinal);

        public static IEnumerable<ConfigurationRoleAssignment> SortAssignments(IEnumerable<ConfigurationRoleAssignment> items) =>
            items.OrderBy(a => a.RoleConfigurationId, StringComparer.Ordinal).ThenBy(a => a.RoleConfiguration, StringComparer.Ordinal)
                .ThenBy(a => a.TargetType, StringComparer.Ordinal).ThenBy(a => a.TargetUin).ThenBy(a => a.Target, StringComparer.Ordinal)
                .ThenBy(a => a.PrincipalType, StringComparer.Ordinal).ThenBy(a => a.PrincipalId, StringComparer.Ordinal)
                .ThenBy(a => a.Principal, StringComparer.Ordinal);

        // Keys in ordinal order; null values are left out.
        private static void WriteIdentity(Utf8JsonWriter w, ConfigurationIdentity identity)
        {
            w.WriteStartObject();
            String(w, "Description", identity.Description);
            Number(w, "IdentityId", identity.IdentityId);
            Number(w, "IdentityType", identity.IdentityType);
            String(w, "Name", identity.Name);
            if (identity.Policies != null)
            {
                w.WriteStartArray("Policies");
                foreach (var policy in SortPolicies(identity.Policies))
                {
                    w.WriteStartObject();
                    String(w, "PolicyDocument", policy.PolicyDocument);
                    // Custom policies come back with PolicyId 0: that is no ID, so it is not written.
                    Number(w, "PolicyId", policy.IsCustom && policy.PolicyId == 0 ? null : policy.PolicyId);
                    String(w, "PolicyName", policy.PolicyName);
                    Number(w, "PolicyType", policy.PolicyType ?? IdentityPolicy.PresetPolicyType);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            }
            w.WriteEndObject();
        }

        internal static IEnumerable<IdentityPolicy> SortPolicies(IEnumerable<IdentityPolicy> policies) =>
            policies.OrderBy(p => p.IsCustom ? 1 : 0).ThenBy(p => p.PolicyId).ThenBy(p => p.PolicyName, StringComparer.Ordinal)
                .ThenBy(p => p.PolicyDocument, StringComparer.Ordinal);

        private static void WriteGrant(Utf8JsonWriter w, ConfigurationMemberAuthIdentity grant)
        {
            w.WriteStartObject();
            String(w, "Identity", grant.Identity);
            Number(w, "IdentityId", grant.IdentityId);
            String(w, "Member", grant.Member);
            Number(w, "MemberUin", grant.MemberUin);
            w.WriteEndObject();
        }

        private static void WritePruneScope(Utf8JsonWriter w, ConfigurationPruneScope scope)
        {
            if (scope.All)
            {
                w.WriteString("PruneScope", "All");
                return;
            }
            w.WriteStartObject("PruneScope");
            ScopeList(w, "Groups", scope.Groups);
            ScopeList(w, "Identities", scope.Identities);
            ScopeList(w, "Members", scope.Members);
            ScopeList(w, "Principals", scope.Principals);
            ScopeList(w, "RoleConfigurations", scope.RoleConfigurations);
            ScopeList(w, "Targets", scope.Targets);
            ScopeList(w, "Users", scope.Users);
            w.WriteEndObject();
        }

        // UINs and identity IDs as numbers, everything else as strings; sorted so exports stay byte-identical.
        private static void ScopeList(Utf8JsonWriter w, string name, List<string>? items)
        {
            if (items == null) return;
            w.WriteStartArray(name);
            foreach (var item in items.Distinct(StringComparer.Ordinal).OrderBy(i => i.Length).ThenBy(i => i, StringComparer.Ordinal))
            {
                if (long.TryParse(item, NumberStyles.None, CultureInfo.InvariantCulture, out long number)) w.WriteNumberValue(number);
                else w.WriteStringValue(item);
            }
            w.WriteEndArray();
        }

        private static void WriteAssignment(Utf8JsonWriter w, ConfigurationRoleAssignment a)
        {
            w.WriteStartObject();
            String(w, "Principal", a.Principal);
            String(w, "PrincipalId", a.PrincipalId);
            String(w, "PrincipalType", a.PrincipalType);
            String(w, "RoleConfiguration", a.RoleConfiguration);
            String(w, "RoleConfigurationId", a.RoleConfigurationId);
            String(w, "Target", a.Target);
            String(w, "TargetType", a.TargetType);
            Number(w, "TargetUin", a.TargetUin);
            w.WriteEndObject();
        }

        private static void String(Utf8JsonWriter w, string name, string? value)
        {
            if (value != null) w.WriteString(name, value);
        }

        private static void Number(Utf8JsonWriter w, string name, long? value)
        {
            if (value != null) w.WriteNumber(name, value.Value);
        }

        // ---- reading ----

        public static OrgConfiguration ReadFile(string path)
        {
            string text;
            try
            {
                text = File.ReadAllText(path);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                throw new ConfigurationException(InvalidFileId, "Cannot read the configuration file '" + path + "'", new[] { ex.Message });
            }
            return Read(text, path);
        }

        /// <summary>
        /// Parses and checks the whole file; every problem is collected, then reported at once. Keys are strict
        /// (ConfigurationKeys): JsonDocument keeps every property of an object, repeats included, so a repeated key
        /// or a case variant is found here instead of being read last-key-wins.
        /// </summary>
        public static OrgConfiguration Read(string json, string source = "configuration")
        {
            var problems = new List<string>();
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            }
            catch (JsonException ex)
            {
                throw new ConfigurationException(InvalidFileId, "'" + source + "' is not valid JSON", new[] { ex.Message });
            }
            var configuration = new OrgConfiguration();
            using (document)
            {
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                    throw new ConfigurationException(InvalidFileId, "'" + source + "' is not a configuration", new[] { "the top level must be a JSON object." });
                var keys = ConfigurationKeys.Check(root, "", ConfigurationKeys.Root, problems);
                if (keys.TryGetValue("SchemaVersion", out var versionValue))
                {
                    var version = Long(versionValue, "SchemaVersion", problems);
                    if (version != null && version != OrgConfiguration.CurrentSchemaVersion)
                        problems.Add("SchemaVersion: " + version + " is not supported; this module reads version " + OrgConfiguration.CurrentSchemaVersion + ".");
                }
                else if (!ConfigurationKeys.Mentions(root, "SchemaVersion"))
                {
                    problems.Add("SchemaVersion: missing (write \"SchemaVersion\": " + OrgConfiguration.CurrentSchemaVersion + ").");
                }
                if (keys.TryGetValue("PruneScope", out var scope)) configuration.PruneScope = ReadPruneScope(scope, problems);
                if (keys.TryGetValue("Identities", out var identities))
                    configuration.Identities = Array(identities, "Identities", problems, IdentityEntry.Read);
                if (keys.TryGetValue("MemberAuthIdentities", out var grants))
                    configuration.MemberAuthIdentities = Array(grants, "MemberAuthIdentities", problems, GrantEntry.Read);
                if (keys.TryGetValue("RoleAssignments", out var assignments))
                    configuration.RoleAssignments = Array(assignments, "RoleAssignments", problems, AssignmentEntry.Read);
                ReadZone(keys, configuration, problems);
            }
            if (problems.Count == 0) ConfigurationValidator.Check(configuration, problems);
            if (problems.Count > 0) throw new ConfigurationException(InvalidFileId, "'" + source + "' is not a valid configuration", problems);
            return configuration;
        }

        /// <summary>
        /// The items of an array value, each element read at its path (path[i]); an element read returns null for an unusable
        /// element, having added its problem. A JSON null is "not given" (null, no problem) where nullIsAbsent; any other
        /// value that is not an array is the problem "path: must be expected".
        /// </summary>
        private static List<T>? Items<T>(JsonElement value, string path, List<string> problems, bool nullIsAbsent, string expected,
            Func<JsonElement, string, T?> read)
            where T : class
        {
            if (nullIsAbsent && value.ValueKind == JsonValueKind.Null) return null;
            if (value.ValueKind != JsonValueKind.Array)
            {
                problems.Add(path + ": must be " + expected + ".");
                return null;
            }
            var items = new List<T>();
            int index = 0;
            foreach (var element in value.EnumerateArray())
            {
                var item = read(element, path + "[" + index++ + "]");
                if (item != null) items.Add(item);
            }
            return items;
        }

        private static List<T>? Array<T>(JsonElement value, string path, List<string> problems, Func<JsonElement, string, List<string>, T?> read)
            where T : class =>
            Items<T>(value, path, problems, nullIsAbsent: true, "an array", (element, at) =>
            {
                if (element.ValueKind == JsonValueKind.Object) return read(element, at, problems);
                problems.Add(at + ": must be an object.");
                return null;
            });

        /// <summary>"All", or an object of non-empty lists of IDs or names (UINs may be numbers).</summary>
        private static ConfigurationPruneScope? ReadPruneScope(JsonElement value, List<string> problems)
        {
            string how = " (write \"PruneScope\": \"All\", or an object with any of " + string.Join(", ", PruneScopeEntry.Keys) + ").";
            if (value.ValueKind == JsonValueKind.String)
            {
                if (value.GetString() == "All") return ConfigurationPruneScope.Everything;
                problems.Add("PruneScope: '" + value.GetString() + "' is not a scope" + how);
                return null;
            }
            if (value.ValueKind != JsonValueKind.Object)
            {
                problems.Add("PruneScope: must be \"All\" or an object, not " + value.ValueKind.ToString().ToLowerInvariant() + how);
                return null;
            }
            var scope = PruneScopeEntry.Read(value, "PruneScope", problems);
            if (!value.EnumerateObject().Any()) problems.Add("PruneScope: the object is empty" + how);
            return scope;
        }

        private static List<string>? ScopeList(JsonElement value, string path, List<string> problems)
        {
            var items = Items<string>(value, path, problems, nullIsAbsent: false, "an array of IDs or names", (element, at) =>
            {
                if (element.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(element.GetString())) return element.GetString();
                if (element.ValueKind == JsonValueKind.Number && element.TryGetInt64(out long number) && number > 0) return Invariant(number);
                problems.Add(at + ": must be an ID or a name (got " + element.GetRawText() + ").");
                return null;
            });
            if (items != null && value.GetArrayLength() == 0) problems.Add(path + ": is empty; give at least one ID or name, or leave the list out.");
            return items;
        }

        private static string? Str(JsonElement value, string path, List<string> problems)
        {
            if (value.ValueKind == JsonValueKind.Null) return null;
            if (value.ValueKind == JsonValueKind.String) return value.GetString();
            problems.Add(path + ": must be a string.");
            return null;
        }

        private static long? Long(JsonElement value, string path, List<string> problems)
        {
            if (value.ValueKind == JsonValueKind.Null) return null;
            if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out long number)) return number;
            problems.Add(path + ": must be a whole number (got " + value.GetRawText() + ").");
            return null;
        }

        internal static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
    }
}

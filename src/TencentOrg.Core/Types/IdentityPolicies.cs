using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace TencentOrg
{
    /// <summary>The one rule for "the same policies", used by the create read-back and by the desired-state plan.</summary>
    internal static class IdentityPolicies
    {
        /// <summary>
        /// The same policies in any order: presets by ID and name; custom ones by count, and with
        /// <paramref name="compareDocuments"/> also by document with whitespace ignored, unless
        /// <paramref name="current"/> lists a custom policy without its document (then by count only).
        /// </summary>
        public static bool Same(IReadOnlyCollection<IdentityPolicy> desired, IReadOnlyCollection<IdentityPolicy> current, bool compareDocuments)
        {
            static string Preset(IdentityPolicy p) => p.PolicyId.GetValueOrDefault().ToString(CultureInfo.InvariantCulture) + ":" + p.PolicyName;
            var wantPresets = desired.Where(p => !p.IsCustom).Select(Preset).OrderBy(k => k, StringComparer.Ordinal);
            var havePresets = current.Where(p => !p.IsCustom).Select(Preset).OrderBy(k => k, StringComparer.Ordinal);
            if (!wantPresets.SequenceEqual(havePresets)) return false;
            var wantCustom = desired.Where(p => p.IsCustom).ToList();
            var haveCustom = current.Where(p => p.IsCustom).ToList();
            if (wantCustom.Count != haveCustom.Count) return false;
            if (!compareDocuments || haveCustom.Any(p => string.IsNullOrEmpty(p.PolicyDocument))) return true;
            return wantCustom.Select(p => CompactJson(p.PolicyDocument)).OrderBy(k => k, StringComparer.Ordinal)
                .SequenceEqual(haveCustom.Select(p => CompactJson(p.PolicyDocument)).OrderBy(k => k, StringComparer.Ordinal));
        }

        private static string CompactJson(string? document)
        {
            if (string.IsNullOrEmpty(document)) return "";
            try
            {
                using var parsed = JsonDocument.Parse(document!);
                using var buffer = new MemoryStream();
                using (var writer = new Utf8JsonWriter(buffer)) parsed.WriteTo(writer);
                return Encoding.UTF8.GetString(buffer.ToArray());
            }
            catch (JsonException)
            {
                return document!;
            }
        }
    }
}

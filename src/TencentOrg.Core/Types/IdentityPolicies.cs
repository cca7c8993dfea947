using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;

namespace TencentOrg
{
    /// <summary>The one rule for "the same policies" and "the same policy document", used by the create read-backs and the desired-state plans.</summary>
    internal static class IdentityPolicies
    {
        /// <summary>
        /// The same policies in any order: presets by ID and name; custom ones by count, and with
        /// <paramref name="compareDocuments"/> also by document (<see cref="SameDocument"/>), unless
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
            // Each wanted document pairs off with one listed document that is the same.
            foreach (var want in wantCustom)
            {
                int match = haveCustom.FindIndex(have => SameDocument(want.PolicyDocument, have.PolicyDocument));
                if (match < 0) return false;
                haveCustom.RemoveAt(match);
            }
            return true;
        }

        /// <summary>The one rule for "the same policy document" (organization identities and CIC configurations): parsed JSON, since the service may return another key order, spacing or key case (spec §4.6); text that is not JSON compares as it is.</summary>
        public static bool SameDocument(string? a, string? b)
        {
            if (a == null || b == null) return a == b;
            try
            {
                using (var x = JsonDocument.Parse(a))
                using (var y = JsonDocument.Parse(b))
                    return SameJson(x.RootElement, y.RootElement);
            }
            catch (JsonException)
            {
                return string.Equals(a, b, StringComparison.Ordinal);
            }
        }

        // Keys compare case-insensitively: the spec's examples send "statement" and read back "Statement" (UNCONFIRMED, §4.6).
        private static bool SameJson(JsonElement x, JsonElement y)
        {
            if (x.ValueKind != y.ValueKind) return false;
            switch (x.ValueKind)
            {
                case JsonValueKind.Object:
                    var xs = x.EnumerateObject().OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase).ToList();
                    var ys = y.EnumerateObject().OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase).ToList();
                    return xs.Count == ys.Count && xs.Zip(ys, (p, q) => string.Equals(p.Name, q.Name, StringComparison.OrdinalIgnoreCase) && SameJson(p.Value, q.Value)).All(same => same);
                case JsonValueKind.Array:
                    var xa = x.EnumerateArray().ToList();
                    var ya = y.EnumerateArray().ToList();
                    return xa.Count == ya.Count && xa.Zip(ya, SameJson).All(same => same);
                case JsonValueKind.String:
                    return x.GetString() == y.GetString();
                case JsonValueKind.Number:
                    return x.GetRawText() == y.GetRawText() || (x.TryGetDecimal(out var dx) && y.TryGetDecimal(out var dy) && dx == dy);
                default:
                    return true;
            }
        }

    }
}

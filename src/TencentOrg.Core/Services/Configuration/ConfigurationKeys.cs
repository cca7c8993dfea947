using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace TencentOrg.Services.Configuration
{
    /// <summary>
    /// The keys each object of a configuration file may hold, spelled exactly, and the strict check of them. A key
    /// repeated in one object (an appended block, a bad merge) or differing only in case from another key or from a
    /// known key is refused: JSON readers disagree on which copy wins, so no copy is trusted. A new section adds
    /// its key to Root and an EntryReader table for its entries (ConfigurationEntries).
    /// </summary>
    internal static class ConfigurationKeys
    {
        public static readonly string[] Root = { "$schema", "SchemaVersion", "PruneScope", "Identities", "MemberAuthIdentities", "RoleAssignments",
            "Users", "Groups", "RoleConfigurations" };

        /// <summary>
        /// The values of the object's keys that are known, spelled exactly and given once, in file order; every
        /// other key is a problem naming it and its path (at is the object's path, "" for the top level).
        /// </summary>
        public static Dictionary<string, JsonElement> Check(JsonElement obj, string at, IReadOnlyList<string> known, List<string> problems)
        {
            var good = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            string where = at.Length == 0 ? "the top level" : at;
            foreach (var group in obj.EnumerateObject().GroupBy(p => p.Name, StringComparer.OrdinalIgnoreCase))
            {
                var copies = group.ToList();
                string name = copies[0].Name;
                string path = at.Length == 0 ? name : at + "." + name;
                string? spelling = known.FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));
                if (copies.Count > 1)
                {
                    var spellings = copies.Select(p => p.Name).Distinct(StringComparer.Ordinal).ToList();
                    problems.Add(spellings.Count == 1
                        ? path + ": the key \"" + name + "\" appears " + copies.Count + " times in " + where + "; a file must give each key once."
                        : path + ": the keys " + string.Join(", ", spellings.Select(s => "\"" + s + "\"")) + " in " + where
                            + " differ only in case; a file must give each key once" + (spelling != null ? ", spelled \"" + spelling + "\"." : "."));
                    continue;
                }
                if (spelling == null)
                    problems.Add(path + ": unknown property (expected " + string.Join(", ", known.Where(k => k != "$schema")) + ").");
                else if (spelling != name)
                    problems.Add(path + ": the key \"" + name + "\" differs only in case from \"" + spelling + "\"; write \"" + spelling + "\".");
                else
                    good[name] = copies[0].Value;
            }
            return good;
        }

        /// <summary>Whether the object has the key in any spelling (a misspelt one is reported already).</summary>
        public static bool Mentions(JsonElement obj, string key) =>
            obj.EnumerateObject().Any(p => string.Equals(p.Name, key, StringComparison.OrdinalIgnoreCase));
    }
}

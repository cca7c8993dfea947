using System;
using System.Collections.Generic;
using System.Text.Json;

namespace TencentOrg.Services.Configuration
{
    /// <summary>Reads one value of a configuration file; an unusable value adds a problem naming its path.</summary>
    internal delegate TValue ValueReader<out TValue>(JsonElement value, string path, List<string> problems);

    /// <summary>
    /// The one strict reader of an object in a configuration file (an identity, a grant, a user, the PruneScope...):
    /// a table of its keys, spelled exactly and in the order an "unknown property" problem lists them, each with how
    /// its value is read and where it is stored. ConfigurationKeys.Check refuses a repeated key, a case variant and an
    /// unknown key, naming the key and its path, before any value is read.
    /// </summary>
    internal sealed class EntryReader<T> where T : new()
    {
        private readonly List<string> keys = new List<string>();
        private readonly Dictionary<string, Action<T, JsonElement, string, List<string>>> fields =
            new Dictionary<string, Action<T, JsonElement, string, List<string>>>(StringComparer.Ordinal);

        public IReadOnlyList<string> Keys => keys;

        public EntryReader<T> Field<TValue>(string key, ValueReader<TValue> read, Action<T, TValue> store)
        {
            keys.Add(key);
            fields.Add(key, (entry, value, path, problems) => store(entry, read(value, path, problems)));
            return this;
        }

        /// <summary>The object at path at, read; every problem found is added, the entry is returned as far as it could be read.</summary>
        public T Read(JsonElement obj, string at, List<string> problems)
        {
            var entry = new T();
            foreach (var p in ConfigurationKeys.Check(obj, at, keys, problems))
                fields[p.Key](entry, p.Value, at + "." + p.Key, problems);
            return entry;
        }
    }
}

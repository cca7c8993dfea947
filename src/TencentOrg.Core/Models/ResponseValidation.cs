using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;

namespace TencentOrg.Models
{
    /// <summary>
    /// A response field the API always returns on success (spec: Presence "always"), or one the module cannot do
    /// without. A success answer lacking it (absent, null, or an empty string) is a parse error, not an empty result.
    /// Checked in one place, by the client, for every response and the model objects nested in it.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property)]
    internal sealed class AlwaysPresentAttribute : Attribute
    {
    }

    /// <summary>Walks a parsed response for [AlwaysPresent] fields that are missing.</summary>
    internal static class ResponseValidator
    {
        private static readonly ConcurrentDictionary<Type, Rule[]> Rules = new ConcurrentDictionary<Type, Rule[]>();

        /// <summary>The path of the first missing field (e.g. "Tasks[0].TaskId"), or null when everything is there.</summary>
        public static string? FirstMissing(object response) => Check(response, "");

        private static string? Check(object value, string path)
        {
            foreach (var rule in Rules.GetOrAdd(value.GetType(), Build))
            {
                object? field = rule.Property.GetValue(value);
                string here = path.Length == 0 ? rule.Property.Name : path + "." + rule.Property.Name;
                if (field == null || (field is string text && text.Length == 0))
                {
                    if (rule.Required) return here;
                    continue;
                }
                if (!rule.Nested) continue;
                if (field is IList list)
                {
                    for (int i = 0; i < list.Count; i++)
                    {
                        if (list[i] == null) return here + "[" + i + "]";
                        if (Check(list[i]!, here + "[" + i + "]") is { } inner) return inner;
                    }
                }
                else if (Check(field, here) is { } inner)
                {
                    return inner;
                }
            }
            return null;
        }

        /// <summary>Required fields, and fields holding model objects (or lists of them) that have required fields of their own.</summary>
        private static Rule[] Build(Type type) =>
            type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Select(p => new Rule(p, p.GetCustomAttribute<AlwaysPresentAttribute>() != null, HasRules(ElementType(p.PropertyType))))
                .Where(r => r.Required || r.Nested)
                .ToArray();

        private static Type ElementType(Type type) =>
            type.IsGenericType && typeof(IList).IsAssignableFrom(type) ? type.GetGenericArguments()[0] : type;

        private static bool HasRules(Type type) =>
            type.IsClass && type != typeof(string) && type.Namespace == typeof(ResponseValidator).Namespace
            && (Rules.GetOrAdd(type, Build).Length > 0);

        private sealed class Rule
        {
            public Rule(PropertyInfo property, bool required, bool nested)
            {
                Property = property;
                Required = required;
                Nested = nested;
            }

            public PropertyInfo Property { get; }
            public bool Required { get; }
            public bool Nested { get; }
        }
    }
}

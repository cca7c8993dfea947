using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace TencentOrg
{
    /// <summary>Export-TcOrgConfiguration's role assignment filters as the PruneScope the exported file carries.</summary>
    internal static class ExportFilter
    {
        /// <summary>Null when no filter is given (a whole export, PruneScope "All").</summary>
        public static ConfigurationPruneScope? Of(string[]? principalIds, long[]? targetUins, string[]? roleConfigurationIds)
        {
            if (principalIds == null && targetUins == null && roleConfigurationIds == null) return null;
            return new ConfigurationPruneScope
            {
                Principals = List(principalIds),
                Targets = targetUins == null ? null : List(targetUins.Select(u => u.ToString(CultureInfo.InvariantCulture))),
                RoleConfigurations = List(roleConfigurationIds),
            };
        }

        private static List<string>? List(IEnumerable<string>? items) =>
            items?.Distinct(System.StringComparer.Ordinal).OrderBy(i => i, System.StringComparer.Ordinal).ToList();
    }
}

using System;
using System.Management.Automation;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using TencentOrg.Api;

namespace TencentOrg
{
    /// <summary>
    /// Base of the Get- cmdlets over paged actions. Paging is hidden: every page is read unless -First
    /// stops it, and then no further page is requested.
    /// </summary>
    public abstract class TcOrgListCmdlet : TcOrgCmdlet
    {
        private int _emitted;

        /// <summary>Stop after this many objects (over the whole pipeline run).</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int First { get; set; } = int.MaxValue;

        internal bool LimitReached => _emitted >= First;

        /// <summary>Runs one paged listing, emitting what passes the filter; an API failure becomes a non-terminating error for target.</summary>
        internal int List<T>(Func<Func<T, bool>, Task> list, Func<T, bool>? keep, object target) where T : class
        {
            int matched = 0;
            if (LimitReached) return 0;
            try
            {
                Await(list(item =>
                {
                    if (keep != null && !keep(item)) return true;
                    matched++;
                    PostObject(item);
                    return ++_emitted < First;
                }));
            }
            catch (OrgException error)
            {
                WriteItemError(error, target);
                return -1;
            }
            return matched;
        }

        /// <summary>Emits one object fetched by key, or the error naming the key.</summary>
        internal void Single<T>(Task<T> fetch, object target) where T : class
        {
            if (LimitReached) return;
            try
            {
                WriteObject(Await(fetch));
                _emitted++;
            }
            catch (OrgException error)
            {
                WriteItemError(error, target);
            }
        }

        /// <summary>A not-found error for a literal key the listing did not return, with the API's code as FQID.</summary>
        internal void WriteNotFound(string action, string code, string what, object target) =>
            WriteItemError(new OrgApiException(action, code, what + " does not exist.", null), target);

        /// <summary>Keyword to send the server for a -Name pattern: its longest literal run (server filters are substring matches).</summary>
        internal static string? SearchKeyFor(string pattern)
        {
            if (!WildcardPattern.ContainsWildcardCharacters(pattern)) return pattern;
            if (pattern.IndexOf('`') >= 0) return null;
            string longest = "";
            foreach (var part in Regex.Replace(pattern, @"\[[^\]]*\]", "*").Split('*', '?'))
                if (part.Length > longest.Length) longest = part;
            return longest.Length == 0 ? null : longest;
        }
    }
}

using System;
using System.Management.Automation;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using TencentOrg.Api;

namespace TencentOrg
{
    /// <summary>
    /// Base of the Get- cmdlets over paged actions (each declares SupportsPaging). Paging is hidden: every page is read
    /// unless -First stops it, and then no further page is requested; -Skip passes over the first objects;
    /// -IncludeTotalCount reports how many there were when the listing ran to its end.
    /// </summary>
    public abstract class TcOrgListCmdlet : TcOrgCmdlet
    {
        private ulong _matched;
        private ulong _emitted;
        private bool _cutShort;

        internal bool LimitReached => _emitted >= PagingParameters.First;

        /// <summary>Counts the object against -Skip and -First and writes it if it is due; false when -First is reached.</summary>
        internal bool Emit(object item, bool queued)
        {
            if (_matched++ < PagingParameters.Skip) return true;
            if (queued) PostObject(item);
            else WriteObject(item);
            if (++_emitted < PagingParameters.First) return true;
            _cutShort = true;
            return false;
        }

        /// <inheritdoc />
        protected override void EndProcessing()
        {
            base.EndProcessing();
            // The total is exact only when no listing was stopped early by -First.
            if (PagingParameters.IncludeTotalCount) WriteObject(PagingParameters.NewTotalCount(_matched, _cutShort ? 0.0 : 1.0));
        }

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
                    return Emit(item, queued: true);
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
                Emit(Await(fetch), queued: false);
            }
            catch (OrgException error)
            {
                WriteItemError(error, target);
            }
        }

        /// <summary>A not-found error for a literal key the listing did not return: the module's own finding, not a service error.</summary>
        internal void WriteNotFound(string what, object target) =>
            WriteItemError(new OrgNotFoundException(what + " was not found."), target);

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

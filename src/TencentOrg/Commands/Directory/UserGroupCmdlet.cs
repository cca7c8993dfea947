using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using TencentOrg.Services;

namespace TencentOrg
{
    internal sealed class ValidateCicUserIdAttribute : ValidateIdPatternAttribute
    {
        public ValidateCicUserIdAttribute() : base(Patterns.CicUserId, "a CIC user ID: u- followed by lowercase letters or digits, e.g. u-emuuser00001") { }
    }

    internal sealed class ValidateCicGroupIdAttribute : ValidateIdPatternAttribute
    {
        public ValidateCicGroupIdAttribute() : base(Patterns.CicGroupId, "a CIC group ID: g- followed by lowercase letters or digits, e.g. g-emugroup0001") { }
    }

    internal sealed class ValidateCicUserNameAttribute : ValidateIdPatternAttribute
    {
        public ValidateCicUserNameAttribute() : base(Patterns.CicUserName, "a valid CIC user name: 1 to 64 letters, digits and + = , . @ - _") { }
    }

    internal sealed class ValidateCicGroupNameAttribute : ValidateIdPatternAttribute
    {
        public ValidateCicGroupNameAttribute()
            : base(Patterns.CicGroupName, "a valid CIC group name: 1 to 128 English letters, digits and hyphens (no spaces, underscores or dots)") { }
    }

    /// <summary>
    /// Base of the user, group and membership write cmdlets: one service per command, the zone, and one API call per item
    /// run side by side (as many in flight as the session's rate budget allows), outputs in input order.
    /// </summary>
    public abstract class UserGroupCmdlet : TcOrgCmdlet
    {
        private UserGroupService? _service;
        private BatchDispatcher<Func<CancellationToken, Task>>? _dispatcher;
        private string? _zoneId;

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateZoneId]
        [ArgumentCompleter(typeof(ZoneIdCompleter))]
        public string? ZoneId { get; set; }

        internal UserGroupService Service => _service ??= new UserGroupService(Session, Log);

        /// <summary>-ZoneId, else the session's zone (asked once).</summary>
        internal string Zone => !string.IsNullOrEmpty(ZoneId) ? ZoneId! : _zoneId ??= ResolveZoneId(null);

        /// <summary>Queues one item's write; its result is written with <paramref name="emit"/>, its failure as an error naming <paramref name="target"/>.</summary>
        internal void Queue<TIn, TOut>(Func<CancellationToken, Task<ItemOutcome<TIn, TOut>>> write, object target, bool emit = true)
        {
            _ = Service; // made on the pipeline thread, before any worker uses it
            _dispatcher ??= new BatchDispatcher<Func<CancellationToken, Task>>(this, 1, async (batch, ct) =>
            {
                foreach (var item in batch) await item(ct).ConfigureAwait(false);
            }, CancelToken);
            _dispatcher.Add(async ct =>
            {
                var outcome = await write(ct).ConfigureAwait(false);
                if (!outcome.Succeeded) PostError(outcome.Error!, target);
                else if (emit && outcome.Result != null) PostObject(outcome.Result);
            });
        }

        protected override void EndProcessing() => _dispatcher?.Complete();

        /// <summary>Null for an empty value (an empty CSV cell): nothing to send.</summary>
        internal static string? Given(string? value) => string.IsNullOrEmpty(value) ? null : value;
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using TencentOrg.Api;
using TencentOrg.Services;

namespace TencentOrg
{
    /// <summary>
    /// Add-TcOrgMemberAuthIdentity: CreateOrganizationMemberAuthIdentity. Any number of members, sent
    /// 10 members x 5 identities per request; the outcome is reported per member and identity.
    /// </summary>
    [Cmdlet(VerbsCommon.Add, "TcOrgMemberAuthIdentity", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(MemberAuthIdentity))]
    public sealed class AddTcOrgMemberAuthIdentityCommand : TcOrgCmdlet
    {
        // One dispatcher per distinct identity set, so members piped one by one still share requests.
        private readonly Dictionary<string, BatchDispatcher<long>> _dispatchers = new Dictionary<string, BatchDispatcher<long>>(StringComparer.Ordinal);
        private readonly GrantQueue _queued = new GrantQueue();
        private MemberAuthorizationService? _service;
        // Identities piped to a fixed member list (Get-TcOrgIdentity | Add-... -MemberUin ...) are pooled 5 per request.
        private bool _poolIdentities;
        private long[] _fixedMembers = new long[0];
        private readonly IdentityPool _identityPool = new IdentityPool();
        private readonly List<BatchDispatcher<long>> _pooledDispatchers = new List<BatchDispatcher<long>>();

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Uin", "MemberUins")]
        [ValidateCount(1, 100000)]
        [ValidateUin]
        [UinElements]
        public long[] MemberUin { get; set; } = new long[0];

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("IdentityIds", "Identities")]
        [ValidateCount(1, 100)]
        [ValidateRange(1L, long.MaxValue)]
        [IdentityIdTransformation]
        [ArgumentCompleter(typeof(IdentityIdCompleter))]
        public long[] IdentityId { get; set; } = new long[0];

        /// <summary>Already-granted pairs become warnings and are emitted as they are (idempotent reruns).</summary>
        [Parameter]
        public SwitchParameter SkipExisting { get; set; }

        /// <summary>Emit one object per (member, identity) granted.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void BeginProcessing()
        {
            // Only command-line arguments are bound yet: members given there and identities arriving from the pipeline.
            _poolIdentities = MyInvocation.BoundParameters.ContainsKey(nameof(MemberUin)) && !MyInvocation.BoundParameters.ContainsKey(nameof(IdentityId));
            if (_poolIdentities) _fixedMembers = UinArguments.Take(this, MemberUin, nameof(MemberUin)).ToArray();
        }

        protected override void ProcessRecord()
        {
            if (_poolIdentities)
            {
                PoolIdentities();
                return;
            }
            var identities = IdentityId.Distinct().OrderBy(id => id).ToList();
            string key = GrantQueue.KeyOf(identities);
            foreach (var member in UinArguments.Take(this, MemberUin, nameof(MemberUin)))
            {
                if (!_queued.TryQueue(key, member))
                {
                    WriteVerbose("Member " + member + " is already queued for identities " + key + "; skipping the duplicate.");
                    continue;
                }
                if (!ShouldProcess("Member account " + member, "Grant organization identit" + (identities.Count == 1 ? "y " : "ies ") + key)) continue;
                if (!_dispatchers.TryGetValue(key, out var dispatcher))
                {
                    _service ??= new MemberAuthorizationService(Session, Log);
                    dispatcher = new BatchDispatcher<long>(this, MemberAuthorizationService.MaxMembersPerCall,
                        (members, ct) => GrantAsync(members, identities, ct), CancelToken);
                    _dispatchers[key] = dispatcher;
                }
                dispatcher.Add(member);
            }
        }

        protected override void EndProcessing()
        {
            if (!_identityPool.IsEmpty) DispatchPool();
            foreach (var dispatcher in _pooledDispatchers) dispatcher.Complete();
            foreach (var dispatcher in _dispatchers.Values) dispatcher.Complete();
        }

        private void PoolIdentities()
        {
            foreach (var identity in IdentityId)
            {
                if (!_identityPool.IsNew(identity))
                {
                    WriteVerbose("Identity " + identity + " is already queued; skipping the duplicate.");
                    continue;
                }
                if (!ShouldProcess("Organization identity " + identity, "Grant to " + _fixedMembers.Length + " member account(s)")) continue;
                if (_identityPool.Add(identity)) DispatchPool();
            }
        }

        /// <summary>Send the pooled identities to every member, 10 members per request.</summary>
        private void DispatchPool()
        {
            var identities = _identityPool.Take();
            _service ??= new MemberAuthorizationService(Session, Log);
            var dispatcher = new BatchDispatcher<long>(this, MemberAuthorizationService.MaxMembersPerCall, (members, ct) => GrantAsync(members, identities, ct), CancelToken);
            _pooledDispatchers.Add(dispatcher);
            foreach (var member in _fixedMembers) dispatcher.Add(member);
            dispatcher.Flush();
        }

        private async Task GrantAsync(List<long> members, List<long> identities, CancellationToken ct)
        {
            IReadOnlyList<ItemOutcome<MemberGrant, MemberAuthIdentity>> outcomes;
            try
            {
                outcomes = await _service!.GrantAsync(members, identities, SkipExisting, ct).ConfigureAwait(false);
            }
            catch (OrgException error)
            {
                for (int i = 0; i < members.Count; i++) PostError(error, members[i], i);
                return;
            }
            var readBack = PassThru ? await ReadBackAsync(members, outcomes, ct).ConfigureAwait(false) : null;
            foreach (var member in MemberGrantResult.ByMember(outcomes))
            {
                int item = members.IndexOf(member.MemberUin);
                // One error per member and distinct cause, naming the member as the target.
                foreach (var error in member.Errors) PostError(error, member.MemberUin, item);
                if (member.Granted.Count > 0)
                {
                    Log.Verbose("Member " + member.MemberUin + ": granted identit" + (member.Granted.Count == 1 ? "y " : "ies ")
                        + string.Join(",", member.Granted.Select(g => g.IdentityId)) + ".");
                }
                if (PassThru) foreach (var granted in member.Granted) PostObject(Full(granted, readBack!), item);
            }
        }

        /// <summary>
        /// -PassThru objects as Get-TcOrgMemberAuthIdentity shows them (MemberName, IdentityRoleName, IdentityType, times,
        /// Status Configured): one listing per granted identity for the whole batch of members, not one per member.
        /// </summary>
        private async Task<Dictionary<(long Member, long Identity), MemberAuthIdentity>> ReadBackAsync(List<long> members,
            IReadOnlyList<ItemOutcome<MemberGrant, MemberAuthIdentity>> outcomes, CancellationToken ct)
        {
            var found = new Dictionary<(long, long), MemberAuthIdentity>();
            var wanted = new HashSet<long>(members);
            // Pairs -SkipExisting found already granted were listed before the call; only new grants are read back.
            foreach (var identity in outcomes.Where(o => o.Succeeded && o.Result!.Status != "AlreadyGranted").Select(o => o.Input.IdentityId).Distinct())
            {
                try
                {
                    await _service!.ListAsync(null, identity, listed =>
                    {
                        if (wanted.Contains(listed.MemberUin)) found[(listed.MemberUin, identity)] = listed;
                        return true;
                    }, ct).ConfigureAwait(false);
                }
                catch (OrgException error)
                {
                    Log.Warning("Could not read back the grants of identity " + identity + " (" + error.Message + "); -PassThru shows only what the grant returned.");
                }
            }
            return found;
        }

        // The listed grant with this call's RequestId; "already granted" (-SkipExisting) is its own property, Status keeps Get-'s words.
        private static MemberAuthIdentity Full(MemberAuthIdentity granted, Dictionary<(long Member, long Identity), MemberAuthIdentity> readBack)
        {
            bool already = granted.Status == "AlreadyGranted";
            var result = readBack.TryGetValue((granted.MemberUin, granted.IdentityId), out var listed) ? listed : granted;
            result.RequestId = granted.RequestId;
            result.AlreadyGranted = already;
            result.Outcome = granted.Outcome;
            if (listed == null || result.Status == null) result.Status = "Configured";
            return result;
        }
    }
}

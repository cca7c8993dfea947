using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using TencentOrg.Services;

namespace TencentOrg
{
    /// <summary>
    /// How Add-TcOrgMemberAuthIdentity fills its requests (10 members x 5 identities): members are queued per identity set, one
    /// dispatcher per set, so members piped one by one still share requests; identities piped to a fixed member list
    /// (Get-TcOrgIdentity | Add-... -MemberUin ...) are pooled 5 per request. Duplicates are skipped before any confirmation.
    /// </summary>
    internal sealed class GrantBatches
    {
        private readonly TcOrgCmdlet _owner;
        private readonly CancellationToken _cancel;
        private readonly Action _prepare;
        private readonly Func<List<long>, List<long>, CancellationToken, Task> _send;
        private readonly Dictionary<string, BatchDispatcher<long>> _dispatchers = new Dictionary<string, BatchDispatcher<long>>(StringComparer.Ordinal);
        private readonly GrantQueue _queued = new GrantQueue();
        private readonly long[]? _fixedMembers;
        private readonly IdentityPool _identityPool = new IdentityPool();
        private readonly List<BatchDispatcher<long>> _pooledDispatchers = new List<BatchDispatcher<long>>();

        /// <param name="owner">The cmdlet (ShouldProcess, verbose, the dispatchers' pipeline thread).</param>
        /// <param name="cancel">The command's stop token.</param>
        /// <param name="prepare">Runs on the pipeline thread before each dispatcher is made (creates the service).</param>
        /// <param name="send">Grants the identities (second) to the members (first, at most 10) and posts the outcomes.</param>
        /// <param name="fixedMembers">Members given on the command line when identities come from the pipeline; null otherwise.</param>
        public GrantBatches(TcOrgCmdlet owner, CancellationToken cancel, Action prepare, Func<List<long>, List<long>, CancellationToken, Task> send, long[]? fixedMembers)
        {
            _owner = owner;
            _cancel = cancel;
            _prepare = prepare;
            _send = send;
            _fixedMembers = fixedMembers;
        }

        /// <summary>True when identities are pooled for the fixed members (<see cref="PoolIdentities"/>).</summary>
        public bool PoolsIdentities => _fixedMembers != null;

        /// <summary>Queue the members for this identity set, each once per set, as the user confirms.</summary>
        public void QueueMembers(IEnumerable<long> members, IEnumerable<long> identityIds)
        {
            var identities = identityIds.Distinct().OrderBy(id => id).ToList();
            string key = GrantQueue.KeyOf(identities);
            foreach (var member in members)
            {
                if (!_queued.TryQueue(key, member))
                {
                    _owner.WriteVerbose("Member " + member + " is already queued for identities " + key + "; skipping the duplicate.");
                    continue;
                }
                if (!_owner.ShouldProcess("Member account " + member, "Grant organization identit" + (identities.Count == 1 ? "y " : "ies ") + key)) continue;
                if (!_dispatchers.TryGetValue(key, out var dispatcher))
                {
                    _prepare();
                    dispatcher = new BatchDispatcher<long>(_owner, MemberAuthorizationService.MaxMembersPerCall,
                        (batch, ct) => _send(batch, identities, ct), _cancel);
                    _dispatchers[key] = dispatcher;
                }
                dispatcher.Add(member);
            }
        }

        /// <summary>Pool the identities, each once, as the user confirms; a full pool goes to every fixed member.</summary>
        public void PoolIdentities(IEnumerable<long> identityIds)
        {
            foreach (var identity in identityIds)
            {
                if (!_identityPool.IsNew(identity))
                {
                    _owner.WriteVerbose("Identity " + identity + " is already queued; skipping the duplicate.");
                    continue;
                }
                if (!_owner.ShouldProcess("Organization identity " + identity, "Grant to " + _fixedMembers!.Length + " member account(s)")) continue;
                if (_identityPool.Add(identity)) DispatchPool();
            }
        }

        /// <summary>Send what is pooled and queued, and wait for everything in flight.</summary>
        public void Complete()
        {
            if (!_identityPool.IsEmpty) DispatchPool();
            foreach (var dispatcher in _pooledDispatchers) dispatcher.Complete();
            foreach (var dispatcher in _dispatchers.Values) dispatcher.Complete();
        }

        /// <summary>Send the pooled identities to every member, 10 members per request.</summary>
        private void DispatchPool()
        {
            var identities = _identityPool.Take();
            _prepare();
            var dispatcher = new BatchDispatcher<long>(_owner, MemberAuthorizationService.MaxMembersPerCall, (batch, ct) => _send(batch, identities, ct), _cancel);
            _pooledDispatchers.Add(dispatcher);
            foreach (var member in _fixedMembers!) dispatcher.Add(member);
            dispatcher.Flush();
        }
    }
}

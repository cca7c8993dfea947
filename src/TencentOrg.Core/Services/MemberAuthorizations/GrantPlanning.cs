using System;
using System.Collections.Generic;
using System.Linq;

namespace TencentOrg.Services
{
    /// <summary>
    /// Members queued per identity set: members that want the same identities share requests, and a member given twice
    /// for the same set is sent once.
    /// </summary>
    internal sealed class GrantQueue
    {
        private readonly Dictionary<string, HashSet<long>> _queued = new Dictionary<string, HashSet<long>>(StringComparer.Ordinal);

        /// <summary>The set's key: distinct identities in ascending order, comma-separated.</summary>
        public static string KeyOf(IEnumerable<long> identities) => string.Join(",", identities.Distinct().OrderBy(id => id));

        /// <summary>True the first time this member is queued for this identity set.</summary>
        public bool TryQueue(string identitySetKey, long member)
        {
            if (!_queued.TryGetValue(identitySetKey, out var members)) _queued[identitySetKey] = members = new HashSet<long>();
            return members.Add(member);
        }
    }

    /// <summary>Identities piped to a fixed member list, pooled up to the API's 5 per request; each identity once.</summary>
    internal sealed class IdentityPool
    {
        private readonly HashSet<long> _seen = new HashSet<long>();
        private readonly List<long> _pool = new List<long>();

        /// <summary>False for an identity already pooled (a duplicate to skip).</summary>
        public bool IsNew(long identity) => !_seen.Contains(identity);

        /// <summary>Pools the identity; true when the pool is full and should be sent.</summary>
        public bool Add(long identity)
        {
            if (_seen.Add(identity)) _pool.Add(identity);
            return _pool.Count >= MemberAuthorizationService.MaxIdentitiesPerCall;
        }

        public bool IsEmpty => _pool.Count == 0;

        /// <summary>The pooled identities, emptying the pool.</summary>
        public List<long> Take()
        {
            var taken = _pool.ToList();
            _pool.Clear();
            return taken;
        }
    }

    /// <summary>What a grant call did for one member: its granted pairs and one error per distinct cause.</summary>
    internal sealed class MemberGrantResult
    {
        public MemberGrantResult(long memberUin, IReadOnlyList<MemberAuthIdentity> granted, IReadOnlyList<Exception> errors)
        {
            MemberUin = memberUin;
            Granted = granted;
            Errors = errors;
        }

        public long MemberUin { get; }
        public IReadOnlyList<MemberAuthIdentity> Granted { get; }
        public IReadOnlyList<Exception> Errors { get; }

        /// <summary>Per member, in the order the outcomes name them; failures with the same message are one error.</summary>
        public static IReadOnlyList<MemberGrantResult> ByMember(IEnumerable<ItemOutcome<MemberGrant, MemberAuthIdentity>> outcomes) =>
            outcomes.GroupBy(o => o.Input.MemberUin)
                .Select(member => new MemberGrantResult(member.Key,
                    member.Where(o => o.Succeeded).Select(o => o.Result!).ToList(),
                    member.Where(o => !o.Succeeded).GroupBy(o => o.Error!.Message).Select(cause => cause.First().Error!).ToList()))
                .ToList();
    }
}

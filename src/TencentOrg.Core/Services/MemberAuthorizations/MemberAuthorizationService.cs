using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using TencentOrg.Api;
using TencentOrg.Models;
using TencentOrg.Services.Configuration;

namespace TencentOrg.Services
{
    /// <summary>
    /// Member authorizations domain: grant identities to member accounts within the API's limits (10 members x 5
    /// identities a call), list them, revoke them.
    /// </summary>
    internal sealed class MemberAuthorizationService
    {
        public const int MaxMembersPerCall = 10;
        public const int MaxIdentitiesPerCall = 5;
        private const string GrantAction = "CreateOrganizationMemberAuthIdentity";
        private const string RevokeAction = "DeleteOrganizationMemberAuthIdentity";
        private const long PageSize = 50;
        /// <summary>DeleteOrganizationMemberAuthIdentity's answer when the member does not hold the identity.</summary>
        public const string GrantNotFoundCode = "ResourceNotFound.MemberIdentityNotExist";

        private readonly OrgApiClient _client;
        private readonly IOrgLog _log;
        private readonly ReconcilingWrite _writes;
        // -SkipExisting reads of this command (the service lives as long as the command): each identity or member once.
        private readonly ConcurrentDictionary<long, Lazy<Task<HashSet<long>?>>> _holdersByIdentity = new ConcurrentDictionary<long, Lazy<Task<HashSet<long>?>>>();
        private readonly ConcurrentDictionary<long, Lazy<Task<HashSet<long>>>> _identitiesByMember = new ConcurrentDictionary<long, Lazy<Task<HashSet<long>>>>();
        // -PassThru read-backs: holders of each identity as this command last counted them, to pick the cheaper listing.
        private readonly ConcurrentDictionary<long, long> _holderCounts = new ConcurrentDictionary<long, long>();

        public MemberAuthorizationService(OrgSession session, IOrgLog log)
        {
            _client = session.Client;
            _log = log;
            _writes = new ReconcilingWrite(session.Options, log);
        }

        /// <summary>Grant every identity to every member; members must number at most 10 (the caller batches).</summary>
        public async Task<IReadOnlyList<ItemOutcome<MemberGrant, MemberAuthIdentity>>> GrantAsync(
            IReadOnlyList<long> members, IReadOnlyList<long> identities, bool skipExisting, CancellationToken ct)
        {
            if (members.Count > MaxMembersPerCall) throw new ArgumentException("At most " + MaxMembersPerCall + " members per call.", nameof(members));
            var outcomes = new List<ItemOutcome<MemberGrant, MemberAuthIdentity>>();
            var existing = new HashSet<MemberGrant>();
            if (skipExisting)
            {
                foreach (var identity in identities)
                    foreach (var member in await GrantedMembersAsync(identity, members, ct).ConfigureAwait(false))
                        existing.Add(new MemberGrant(member, identity));
            }
            var path = GrantPath();
            for (int start = 0; start < identities.Count; start += MaxIdentitiesPerCall)
            {
                var chunk = identities.Skip(start).Take(MaxIdentitiesPerCall).ToList();
                var toGrant = new List<MemberGrant>();
                foreach (var member in members)
                    foreach (var id in chunk)
                    {
                        if (existing.Contains(new MemberGrant(member, id)))
                        {
                            _log.Warning("Identity " + id + " is already granted to member " + member + "; skipped.");
                            outcomes.Add(ReconcilingWrite.Existing(new MemberGrant(member, id), Granted(member, id, "AlreadyGranted", null)));
                        }
                        else toGrant.Add(new MemberGrant(member, id));
                    }
                outcomes.AddRange(await _writes.RunAsync(path, toGrant, ct).ConfigureAwait(false));
            }
            return outcomes;
        }

        /// <summary>
        /// <see cref="GrantAsync"/> reported per member (<see cref="MemberGrantResult.ByMember"/>), with a verbose line per member
        /// granted something. With <paramref name="readBack"/> (-PassThru) the granted pairs come as Get-TcOrgMemberAuthIdentity
        /// shows them (MemberName, IdentityRoleName, IdentityType, times, Status Configured), read back per batch (ReadBackListedAsync).
        /// </summary>
        public async Task<IReadOnlyList<MemberGrantResult>> GrantByMemberAsync(
            IReadOnlyList<long> members, IReadOnlyList<long> identities, bool skipExisting, bool readBack, CancellationToken ct)
        {
            var outcomes = await GrantAsync(members, identities, skipExisting, ct).ConfigureAwait(false);
            var listed = readBack ? await ReadBackListedAsync(members, outcomes, ct).ConfigureAwait(false) : null;
            var results = MemberGrantResult.ByMember(outcomes);
            foreach (var member in results.Where(m => m.Granted.Count > 0))
            {
                _log.Verbose("Member " + member.MemberUin + ": granted identit" + (member.Granted.Count == 1 ? "y " : "ies ")
                    + string.Join(",", member.Granted.Select(g => g.IdentityId)) + ".");
            }
            if (listed == null) return results;
            return results.Select(m => new MemberGrantResult(m.MemberUin, m.Granted.Select(g => AsListed(g, listed)).ToList(), m.Errors)).ToList();
        }

        /// <summary>
        /// The batch's new grants as listed. Per identity, whichever reads fewer pages: all its holders (one page per 50), or
        /// each member of the batch (one call each, every identity of the member at once). The holder count is learnt from
        /// the listings of this command, so a long pipeline stops listing every holder once that costs more than the batch's
        /// members: the calls per batch stay at most its member count, where listing every holder each time grew with each batch.
        /// </summary>
        private async Task<Dictionary<(long Member, long Identity), MemberAuthIdentity>> ReadBackListedAsync(IReadOnlyList<long> members,
            IReadOnlyList<ItemOutcome<MemberGrant, MemberAuthIdentity>> outcomes, CancellationToken ct)
        {
            var found = new Dictionary<(long, long), MemberAuthIdentity>();
            var wanted = new HashSet<long>(members);
            // Pairs -SkipExisting found already granted were listed before the call; only new grants are read back.
            var granted = outcomes.Where(o => o.Succeeded && o.Result!.Status != "AlreadyGranted").Select(o => o.Input.IdentityId).Distinct().ToList();
            long holderPages = granted.Sum(identity => _holderCounts.TryGetValue(identity, out long holders) ? (holders + PageSize - 1) / PageSize : 1);
            if (granted.Count > 0 && members.Count < holderPages)
            {
                var identities = new HashSet<long>(granted);
                foreach (long member in members)
                {
                    await ReadBackAsync("member " + member, () => ListAsync(member, null, listed =>
                    {
                        if (identities.Contains(listed.IdentityId)) found[(member, listed.IdentityId)] = listed;
                        return true;
                    }, ct)).ConfigureAwait(false);
                }
                foreach (long identity in granted) _holderCounts.AddOrUpdate(identity, members.Count, (_, holders) => holders + members.Count);
                return found;
            }
            foreach (long identity in granted)
            {
                long holders = 0;
                await ReadBackAsync("identity " + identity, () => ListAsync(null, identity, listed =>
                {
                    holders++;
                    if (wanted.Contains(listed.MemberUin)) found[(listed.MemberUin, identity)] = listed;
                    return true;
                }, ct)).ConfigureAwait(false);
                _holderCounts.AddOrUpdate(identity, holders, (_, known) => Math.Max(known, holders));
            }
            return found;
        }

        private async Task ReadBackAsync(string what, Func<Task> listing)
        {
            try
            {
                await listing().ConfigureAwait(false);
            }
            catch (OrgException error)
            {
                _log.Warning("Could not read back the grants of " + what + " (" + error.Message + "); -PassThru shows only what the grant returned.");
            }
        }

        // The listed grant with this call's RequestId; "already granted" (-SkipExisting) is its own property, Status keeps Get-'s words.
        private static MemberAuthIdentity AsListed(MemberAuthIdentity granted, Dictionary<(long Member, long Identity), MemberAuthIdentity> readBack)
        {
            bool already = granted.Status == "AlreadyGranted";
            var result = readBack.TryGetValue((granted.MemberUin, granted.IdentityId), out var listed) ? listed : granted;
            result.RequestId = granted.RequestId;
            result.AlreadyGranted = already;
            result.Outcome = granted.Outcome;
            if (listed == null || result.Status == null) result.Status = "Configured";
            return result;
        }

        private WritePath<MemberGrant, MemberAuthIdentity> GrantPath() => new WritePath<MemberGrant, MemberAuthIdentity>(GrantAction, SendGrantAsync, ReadBackGrantsAsync)
        {
            // The call grants every identity to every member: a batch must be such a product.
            Partition = AsProducts,
            // All or nothing: isolate a bad member, then a bad identity, so the other pairs are still granted.
            Split = batch =>
            {
                var members = batch.Select(g => g.MemberUin).Distinct().ToList();
                return members.Count > 1
                    ? members.Select(m => (IReadOnlyList<MemberGrant>)batch.Where(g => g.MemberUin == m).ToList())
                    : batch.Select(g => (IReadOnlyList<MemberGrant>)new[] { g });
            },
        };

        private async Task<IReadOnlyList<MemberAuthIdentity>> SendGrantAsync(IReadOnlyList<MemberGrant> batch, CancellationToken ct)
        {
            var request = new CreateOrganizationMemberAuthIdentityRequest
            {
                MemberUins = batch.Select(g => g.MemberUin).Distinct().ToList(),
                IdentityIds = batch.Select(g => g.IdentityId).Distinct().ToList(),
            };
            var response = await _client.CallAsync<EmptyResponse>(GrantAction, request, ApiCallKind.Write, _log, ct).ConfigureAwait(false);
            return batch.Select(g => Granted(g.MemberUin, g.IdentityId, "Granted", response.RequestId)).ToList();
        }

        /// <summary>Each member's grants, read once per member; a member whose grants cannot be read is unknown, the others are not.</summary>
        private async Task<IReadOnlyList<ReadBack<MemberAuthIdentity>>> ReadBackGrantsAsync(IReadOnlyList<MemberGrant> batch, CancellationToken ct)
        {
            var granted = new Dictionary<long, HashSet<long>>();
            var unreadable = new Dictionary<long, Exception>();
            foreach (var member in batch.Select(g => g.MemberUin).Distinct())
            {
                try
                {
                    granted[member] = await GrantedIdentitiesAsync(member, ct).ConfigureAwait(false);
                }
                catch (OrgException readError)
                {
                    unreadable[member] = readError;
                }
            }
            return batch.Select(g =>
                unreadable.TryGetValue(g.MemberUin, out var readError) ? ReadBack<MemberAuthIdentity>.Unknown(readError)
                : granted[g.MemberUin].Contains(g.IdentityId) ? ReadBack<MemberAuthIdentity>.Applied(Granted(g.MemberUin, g.IdentityId, "Granted", null))
                : ReadBack<MemberAuthIdentity>.Absent).ToList();
        }

        /// <summary>Groups pairs into members x identities products: members that lack the same identities share a call.</summary>
        internal static IEnumerable<IReadOnlyList<MemberGrant>> AsProducts(IReadOnlyList<MemberGrant> pairs) =>
            pairs.GroupBy(g => g.MemberUin)
                .GroupBy(member => string.Join(",", member.Select(g => g.IdentityId).OrderBy(id => id)))
                .Select(sameIdentities => (IReadOnlyList<MemberGrant>)sameIdentities.SelectMany(member => member).ToList());

        private static MemberAuthIdentity Granted(long member, long identity, string status, string? requestId) =>
            new MemberAuthIdentity { MemberUin = member, IdentityId = identity, Status = status, RequestId = requestId };

        /// <summary>
        /// -SkipExisting: which of the members hold the identity, from one listing per identity (IdentityId, Limit 50) made
        /// on first need and kept for the command. Rows that do not name their member (MemberUin may be absent, spec)
        /// make that listing useless; the members are then read one by one, each once per command.
        /// </summary>
        private async Task<IEnumerable<long>> GrantedMembersAsync(long identityId, IReadOnlyList<long> members, CancellationToken ct)
        {
            var holders = await _holdersByIdentity.GetOrAdd(identityId,
                id => new Lazy<Task<HashSet<long>?>>(() => HoldersAsync(id, ct))).Value.ConfigureAwait(false);
            if (holders != null) return members.Where(holders.Contains);
            var granted = new List<long>();
            foreach (var member in members)
            {
                var identities = await _identitiesByMember.GetOrAdd(member,
                    m => new Lazy<Task<HashSet<long>>>(() => GrantedIdentitiesAsync(m, ct))).Value.ConfigureAwait(false);
                if (identities.Contains(identityId)) granted.Add(member);
            }
            return granted;
        }

        /// <summary>The members holding the identity; null when a row does not say which member it is.</summary>
        private async Task<HashSet<long>?> HoldersAsync(long identityId, CancellationToken ct)
        {
            var holders = new HashSet<long>();
            bool complete = true;
            await Paging.ByOffsetAsync<DescribeOrganizationMemberAuthIdentitiesResponse, OrgMemberAuthIdentityItem>(PageSize,
                offset => _client.CallAsync<DescribeOrganizationMemberAuthIdentitiesResponse>("DescribeOrganizationMemberAuthIdentities",
                    new DescribeOrganizationMemberAuthIdentitiesRequest { Offset = offset, Limit = PageSize, IdentityId = identityId }, ApiCallKind.Read, _log, ct),
                page => page.Items, page => page.Total,
                item =>
                {
                    if (item.MemberUin is long member && item.IdentityId == identityId) holders.Add(member);
                    else complete = false;
                    return complete;
                }).ConfigureAwait(false);
            if (!complete) _log.Verbose("Grants of identity " + identityId + " are listed without their members; reading each member's grants instead.");
            return complete ? holders : null;
        }

        /// <summary>The identities granted to a member.</summary>
        public async Task<HashSet<long>> GrantedIdentitiesAsync(long memberUin, CancellationToken ct)
        {
            var ids = new HashSet<long>();
            await ListAsync(memberUin, null, item => { ids.Add(item.IdentityId); return true; }, ct).ConfigureAwait(false);
            return ids;
        }

        /// <summary>
        /// Authorizations filtered by member and/or identity (at least one is required by the API). Each row is checked by
        /// the listing check Sync uses: it names its own member and identity and matches the filter, or the listing is an error.
        /// </summary>
        public Task ListAsync(long? memberUin, long? identityId, Func<MemberAuthIdentity, bool> onItem, CancellationToken ct)
        {
            int row = 0;
            return Paging.ByOffsetAsync<DescribeOrganizationMemberAuthIdentitiesResponse, OrgMemberAuthIdentityItem>(PageSize,
                offset => _client.CallAsync<DescribeOrganizationMemberAuthIdentitiesResponse>("DescribeOrganizationMemberAuthIdentities",
                    new DescribeOrganizationMemberAuthIdentitiesRequest { Offset = offset, Limit = PageSize, MemberUin = memberUin, IdentityId = identityId },
                    ApiCallKind.Read, _log, ct),
                page => page.Items, page => page.Total,
                item => onItem(new MemberAuthIdentity
                {
                    MemberUin = ListingRows.Grant(item.MemberUin, item.IdentityId, memberUin, identityId, row++),
                    MemberName = item.MemberName,
                    IdentityId = item.IdentityId,
                    IdentityRoleName = item.IdentityRoleName,
                    IdentityRoleAliasName = item.IdentityRoleAliasName,
                    Description = item.Description,
                    Status = item.Status == 1 ? "Configured" : item.Status == 2 ? "NeedsReconfiguration" : null,
                    IdentityType = item.IdentityType,
                    CreateTime = item.CreateTime,
                    UpdateTime = item.UpdateTime,
                }));
        }

        /// <summary>Revokes one identity from one member (the API takes one pair per call); a pair read back as gone is done.</summary>
        public async Task<ItemOutcome<MemberGrant, WriteReceipt>> RevokeAsync(long memberUin, long identityId, CancellationToken ct)
        {
            var path = new WritePath<MemberGrant, WriteReceipt>(RevokeAction,
                async (batch, c) => new[]
                {
                    new WriteReceipt((await _client.CallAsync<EmptyResponse>(RevokeAction,
                        new DeleteOrganizationMemberAuthIdentityRequest { MemberUin = batch[0].MemberUin, IdentityId = batch[0].IdentityId },
                        ApiCallKind.IdempotentWrite, _log, c).ConfigureAwait(false)).RequestId),
                },
                async (batch, c) =>
                {
                    var pair = batch[0];
                    if ((await GrantedIdentitiesAsync(pair.MemberUin, c).ConfigureAwait(false)).Contains(pair.IdentityId)) return new[] { ReadBack<WriteReceipt>.Absent };
                    _log.Verbose(RevokeAction + ": " + pair + " is already gone after an unanswered earlier attempt; treating it as done.");
                    return new[] { ReadBack<WriteReceipt>.Applied(new WriteReceipt(null)) };
                })
            {
                IsRemove = true,
            };
            return (await _writes.RunAsync(path, new[] { new MemberGrant(memberUin, identityId) }, ct).ConfigureAwait(false))[0];
        }
    }
}

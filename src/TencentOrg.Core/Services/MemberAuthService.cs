using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using TencentOrg.Api;
using TencentOrg.Models;

namespace TencentOrg.Services
{
    /// <summary>One (member, identity) pair to grant.</summary>
    public sealed class MemberGrant
    {
        public MemberGrant(long memberUin, long identityId)
        {
            MemberUin = memberUin;
            IdentityId = identityId;
        }

        public long MemberUin { get; }
        public long IdentityId { get; }

        public override string ToString() => "member " + MemberUin + " / identity " + IdentityId;
    }

    /// <summary>
    /// Grants identities to member accounts within the API's limits (10 members x 5 identities a call),
    /// isolating a bad item when a batch fails and reconciling by reading after ambiguous failures.
    /// </summary>
    public sealed class MemberAuthService
    {
        public const int MaxMembersPerCall = 10;
        public const int MaxIdentitiesPerCall = 5;
        private const long PageSize = 50;

        private readonly OrgApiClient _client;
        private readonly IOrgLog _log;

        public MemberAuthService(OrgSession session, IOrgLog log)
        {
            _client = session.Client;
            _log = log;
        }

        /// <summary>Grant every identity to every member; members must number at most 10 (the caller batches).</summary>
        public async Task<IReadOnlyList<ItemOutcome<MemberGrant, MemberAuthIdentity>>> GrantAsync(
            IReadOnlyList<long> members, IReadOnlyList<long> identities, bool skipExisting, CancellationToken ct)
        {
            if (members.Count > MaxMembersPerCall) throw new ArgumentException("At most " + MaxMembersPerCall + " members per call.", nameof(members));
            var outcomes = new List<ItemOutcome<MemberGrant, MemberAuthIdentity>>();
            Dictionary<long, HashSet<long>>? existing = null;
            if (skipExisting)
            {
                existing = new Dictionary<long, HashSet<long>>();
                foreach (var member in members) existing[member] = await GrantedIdentitiesAsync(member, ct).ConfigureAwait(false);
            }

            for (int start = 0; start < identities.Count; start += MaxIdentitiesPerCall)
            {
                var chunk = identities.Skip(start).Take(MaxIdentitiesPerCall).ToList();
                var toGrant = new List<long>();
                foreach (var member in members)
                {
                    var already = existing != null ? chunk.Where(id => existing[member].Contains(id)).ToList() : new List<long>();
                    foreach (var id in already)
                    {
                        _log.Warning("Identity " + id + " is already granted to member " + member + "; skipped.");
                        outcomes.Add(ItemOutcome<MemberGrant, MemberAuthIdentity>.Success(new MemberGrant(member, id), Granted(member, id, "AlreadyGranted", null)));
                    }
                    if (already.Count < chunk.Count) toGrant.Add(member);
                }
                if (toGrant.Count == 0) continue;
                var chunkIds = existing == null ? chunk : chunk.Where(id => toGrant.Any(m => !existing[m].Contains(id))).ToList();
                await GrantBatchAsync(toGrant, chunkIds, outcomes, existing, ct).ConfigureAwait(false);
            }
            return outcomes;
        }

        private async Task GrantBatchAsync(List<long> members, List<long> identities,
            List<ItemOutcome<MemberGrant, MemberAuthIdentity>> outcomes, Dictionary<long, HashSet<long>>? existing, CancellationToken ct)
        {
            var request = new CreateOrganizationMemberAuthIdentityRequest { MemberUins = members, IdentityIds = identities };
            try
            {
                var response = await _client.CallAsync<EmptyResponse>("CreateOrganizationMemberAuthIdentity", request, ApiCallKind.Write, _log, ct).ConfigureAwait(false);
                AddGranted(members, identities, existing, response.RequestId, outcomes);
            }
            catch (OrgAmbiguousResultException ambiguous)
            {
                await ReconcileAsync(members, identities, existing, ambiguous, outcomes, ct).ConfigureAwait(false);
            }
            catch (OrgApiException error) when (members.Count + identities.Count > 2 && !AffectsEveryItem(error.Code))
            {
                // The call is all-or-nothing: isolate the item at fault so the others still get granted.
                _log.Verbose("CreateOrganizationMemberAuthIdentity failed for a batch with " + error.Code + "; retrying item by item to isolate it.");
                if (members.Count > 1)
                {
                    foreach (var member in members) await GrantBatchAsync(new List<long> { member }, identities, outcomes, existing, ct).ConfigureAwait(false);
                }
                else
                {
                    foreach (var id in identities) await GrantBatchAsync(members, new List<long> { id }, outcomes, existing, ct).ConfigureAwait(false);
                }
            }
            catch (OrgException error)
            {
                foreach (var member in members)
                    foreach (var id in identities)
                        outcomes.Add(ItemOutcome<MemberGrant, MemberAuthIdentity>.Failure(new MemberGrant(member, id), error));
            }
        }

        private async Task ReconcileAsync(List<long> members, List<long> identities, Dictionary<long, HashSet<long>>? existing,
            OrgAmbiguousResultException ambiguous, List<ItemOutcome<MemberGrant, MemberAuthIdentity>> outcomes, CancellationToken ct)
        {
            _log.Verbose("CreateOrganizationMemberAuthIdentity for " + members.Count + " member(s): " + ambiguous.Code + "; reconciling: reading back what was granted.");
            var missing = await SplitGrantedAsync(members, identities, existing, ambiguous, outcomes, ct).ConfigureAwait(false);
            if (missing.Count == 0) return;
            _log.Verbose("Granting again, once, to " + missing.Count + " member(s) the first call did not reach.");
            try
            {
                var response = await _client.CallAsync<EmptyResponse>("CreateOrganizationMemberAuthIdentity",
                    new CreateOrganizationMemberAuthIdentityRequest { MemberUins = missing, IdentityIds = identities }, ApiCallKind.Write, _log, ct).ConfigureAwait(false);
                AddGranted(missing, identities, existing, response.RequestId, outcomes);
            }
            catch (OrgAmbiguousResultException again)
            {
                // Never a third send: read once more, and report what is still unknown.
                _log.Verbose("CreateOrganizationMemberAuthIdentity: " + again.Code + " again; reconciling once more.");
                var still = await SplitGrantedAsync(missing, identities, existing, again, outcomes, ct).ConfigureAwait(false);
                foreach (var member in still)
                    foreach (var id in identities)
                        outcomes.Add(ItemOutcome<MemberGrant, MemberAuthIdentity>.Failure(new MemberGrant(member, id), again));
            }
            catch (OrgException error)
            {
                foreach (var member in missing)
                    foreach (var id in identities)
                        outcomes.Add(ItemOutcome<MemberGrant, MemberAuthIdentity>.Failure(new MemberGrant(member, id), error));
            }
        }

        /// <summary>
        /// Reads each member's grants: members holding every identity become successes; those that do not are returned;
        /// members whose grants cannot be read become ambiguous failures (never resent blindly, never dropped).
        /// </summary>
        private async Task<List<long>> SplitGrantedAsync(List<long> members, List<long> identities, Dictionary<long, HashSet<long>>? existing,
            OrgAmbiguousResultException ambiguous, List<ItemOutcome<MemberGrant, MemberAuthIdentity>> outcomes, CancellationToken ct)
        {
            var missing = new List<long>();
            foreach (var member in members)
            {
                HashSet<long> granted;
                try
                {
                    granted = await GrantedIdentitiesAsync(member, ct).ConfigureAwait(false);
                }
                catch (OrgException readError)
                {
                    var unknown = new OrgAmbiguousResultException("CreateOrganizationMemberAuthIdentity",
                        new Exception("member " + member + " may have been granted; reading it back failed too (" + readError.Message + "). " + ambiguous.Message, readError));
                    foreach (var id in identities)
                        outcomes.Add(ItemOutcome<MemberGrant, MemberAuthIdentity>.Failure(new MemberGrant(member, id), unknown));
                    continue;
                }
                if (identities.All(granted.Contains))
                    AddGranted(new[] { member }, identities, existing, null, outcomes);
                else
                    missing.Add(member);
            }
            return missing;
        }

        private static void AddGranted(IEnumerable<long> members, IEnumerable<long> identities, Dictionary<long, HashSet<long>>? existing,
            string? requestId, List<ItemOutcome<MemberGrant, MemberAuthIdentity>> outcomes)
        {
            foreach (var member in members)
                foreach (var id in identities)
                {
                    // Under -SkipExisting, pairs already granted were reported before the call.
                    if (existing != null && existing[member].Contains(id)) continue;
                    outcomes.Add(ItemOutcome<MemberGrant, MemberAuthIdentity>.Success(new MemberGrant(member, id), Granted(member, id, "Granted", requestId)));
                }
        }

        private static MemberAuthIdentity Granted(long member, long identity, string status, string? requestId) =>
            new MemberAuthIdentity { MemberUin = member, IdentityId = identity, Status = status, RequestId = requestId };

        /// <summary>Errors no split can fix: the credential, the organization, throttling, the server itself.</summary>
        internal static bool AffectsEveryItem(string code) =>
            code.StartsWith("AuthFailure", StringComparison.Ordinal) || code.StartsWith("RequestLimitExceeded", StringComparison.Ordinal)
            || code.StartsWith("UnauthorizedOperation", StringComparison.Ordinal) || code == "ResourceNotFound.OrganizationNotExist"
            || code == "InternalError" || code == "InvalidAction" || code == "FailedOperation.IdentityCenterNotOpen"
            || code == "FailedOperation.ZoneIdNotExist";

        public async Task<HashSet<long>> GrantedIdentitiesAsync(long memberUin, CancellationToken ct)
        {
            var ids = new HashSet<long>();
            await ListAsync(memberUin, null, item => { ids.Add(item.IdentityId); return true; }, ct).ConfigureAwait(false);
            return ids;
        }

        /// <summary>Authorizations filtered by member and/or identity (at least one is required by the API).</summary>
        public Task ListAsync(long? memberUin, long? identityId, Func<MemberAuthIdentity, bool> onItem, CancellationToken ct) =>
            Paging.ByOffsetAsync<DescribeOrganizationMemberAuthIdentitiesResponse, OrgMemberAuthIdentityItem>(PageSize,
                offset => _client.CallAsync<DescribeOrganizationMemberAuthIdentitiesResponse>("DescribeOrganizationMemberAuthIdentities",
                    new DescribeOrganizationMemberAuthIdentitiesRequest { Offset = offset, Limit = PageSize, MemberUin = memberUin, IdentityId = identityId },
                    ApiCallKind.Read, _log, ct),
                page => page.Items, page => page.Total,
                item => onItem(new MemberAuthIdentity
                {
                    MemberUin = item.MemberUin ?? memberUin ?? 0,
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
}

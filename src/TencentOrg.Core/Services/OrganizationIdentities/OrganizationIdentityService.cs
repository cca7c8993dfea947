using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using TencentOrg.Api;
using TencentOrg.Models;
using TencentOrg.Services.Configuration;

namespace TencentOrg.Services
{
    /// <summary>Organization identities domain: create, find, get, list, update, remove.</summary>
    internal sealed class OrganizationIdentityService
    {
        /// <summary>The service's answer when an identity name is taken.</summary>
        public const string NameUsedCode = "FailedOperation.OrganizationIdentityNameUsed";
        /// <summary>The service's answer when an identity does not exist.</summary>
        public const string NotExistCode = "ResourceNotFound.OrganizationIdentityNotExist";
        private const string CreateAction = "CreateOrganizationIdentity";
        private const string DeleteAction = "DeleteOrganizationIdentity";
        private const long PageSize = 50;

        private readonly OrgApiClient _client;
        private readonly IOrgLog _log;
        private readonly ReconcilingWrite _writes;
        // -SkipExisting: the names of every identity, listed once for the command (the service lives as long as it).
        private Lazy<Task<Dictionary<string, OrgIdentity>>>? _nameIndex;

        public OrganizationIdentityService(OrgSession session, IOrgLog log)
        {
            _client = session.Client;
            _log = log;
            _writes = new ReconcilingWrite(session.Options, log);
        }

        /// <summary>CreateOrganizationIdentity; after an uncertain answer, an identity found by name is ours only with the policies sent.</summary>
        public async Task<ItemOutcome<string, OrgIdentity>> CreateAsync(string name, IReadOnlyList<IdentityPolicy> policies, string? description,
            bool skipExisting, CancellationToken ct)
        {
            if (skipExisting)
            {
                var holder = await HolderOfNameAsync(name, ct).ConfigureAwait(false);
                if (holder != null)
                {
                    _log.Warning("Identity '" + holder.Name + "' already exists (IdentityId " + holder.IdentityId + "); skipped.");
                    return ReconcilingWrite.Existing(name, holder);
                }
            }
            var request = new CreateOrganizationIdentityRequest
            {
                IdentityAliasName = name,
                IdentityPolicy = policies.ToList(),
                Description = description,
            };
            var path = new WritePath<CreateOrganizationIdentityRequest, OrgIdentity>(CreateAction,
                async (batch, c) => new[] { await SendCreateAsync(batch[0], c).ConfigureAwait(false) },
                async (batch, c) => new[] { await ReadBackCreateAsync(batch[0], skipExisting, c).ConfigureAwait(false) })
            {
                OnRefused = (item, error, c) => skipExisting && error.Code == NameUsedCode ? ExistingAsync(item, c) : Task.FromResult<OrgIdentity?>(null),
                Describe = item => "identity '" + item.IdentityAliasName + "'",
            };
            var outcome = (await _writes.RunAsync(path, new[] { request }, ct).ConfigureAwait(false))[0];
            return outcome.Succeeded ? ItemOutcome<string, OrgIdentity>.Success(name, outcome.Result!) : ItemOutcome<string, OrgIdentity>.Failure(name, outcome.Error!);
        }

        /// <summary>
        /// -SkipExisting: the identity holding the name, from one listing of every identity made on first need and kept
        /// for the command. Null when none holds it or the listing failed (the create is then sent and its answer decides).
        /// </summary>
        private async Task<OrgIdentity?> HolderOfNameAsync(string name, CancellationToken ct)
        {
            var index = _nameIndex;
            if (index == null)
            {
                var listing = new Lazy<Task<Dictionary<string, OrgIdentity>>>(() => ListNamesAsync(ct));
                index = Interlocked.CompareExchange(ref _nameIndex, listing, null) ?? listing;
            }
            try
            {
                return (await index.Value.ConfigureAwait(false)).TryGetValue(name, out var holder) ? holder : null;
            }
            catch (OrgException readError)
            {
                _log.Verbose("Listing the identities failed (" + readError.Message + "); sending identity '" + name + "' and reading its answer.");
                return null;
            }
        }

        private async Task<Dictionary<string, OrgIdentity>> ListNamesAsync(CancellationToken ct)
        {
            var byName = new Dictionary<string, OrgIdentity>(StringComparer.Ordinal);
            await ListAsync(new ListOrganizationIdentityRequest(), identity =>
            {
                if (identity.Name != null) byName[identity.Name] = identity;
                return true;
            }, ct).ConfigureAwait(false);
            return byName;
        }

        private async Task<OrgIdentity> SendCreateAsync(CreateOrganizationIdentityRequest request, CancellationToken ct)
        {
            var response = await _client.CallAsync<CreateOrganizationIdentityResponse>(CreateAction, request, ApiCallKind.Write, _log, ct).ConfigureAwait(false);
            return new OrgIdentity
            {
                IdentityId = response.IdentityId ?? 0,
                Name = request.IdentityAliasName,
                Description = request.Description,
                Policies = request.IdentityPolicy?.ToArray() ?? Array.Empty<IdentityPolicy>(),
                IdentityType = 2,
                RequestId = response.RequestId,
            };
        }

        /// <summary>
        /// An identity found by name after an uncertain create is ours only if it has the policies we sent; otherwise
        /// someone else holds the name, which is "name used" unless -SkipExisting accepts it.
        /// </summary>
        private async Task<ReadBack<OrgIdentity>> ReadBackCreateAsync(CreateOrganizationIdentityRequest request, bool skipExisting, CancellationToken ct)
        {
            var found = await FindByNameAsync(request.IdentityAliasName!, ct).ConfigureAwait(false);
            if (found == null) return ReadBack<OrgIdentity>.Absent;
            if (SamePolicies(found.Policies, request.IdentityPolicy ?? new List<IdentityPolicy>())) return ReadBack<OrgIdentity>.Applied(found);
            if (skipExisting)
            {
                _log.Warning("Identity '" + found.Name + "' already exists (IdentityId " + found.IdentityId + ") with other policies; skipped.");
                return ReadBack<OrgIdentity>.Existing(found);
            }
            return ReadBack<OrgIdentity>.Refused(new OrgApiException(CreateAction, NameUsedCode,
                "An identity named '" + found.Name + "' (IdentityId " + found.IdentityId + ") exists with other policies than the ones sent.", null));
        }

        /// <summary>-SkipExisting: the identity that holds the name, with a warning; null when it cannot be found (the error stands).</summary>
        private async Task<OrgIdentity?> ExistingAsync(CreateOrganizationIdentityRequest request, CancellationToken ct)
        {
            var existing = await FindByNameAsync(request.IdentityAliasName!, ct).ConfigureAwait(false);
            if (existing != null) _log.Warning("Identity '" + existing.Name + "' already exists (IdentityId " + existing.IdentityId + "); skipped.");
            return existing;
        }

        /// <summary>Preset policies compare by id and name; custom ones by count only, since the service may reformat documents.</summary>
        internal static bool SamePolicies(IReadOnlyCollection<IdentityPolicy> existing, IReadOnlyCollection<IdentityPolicy> sent) =>
            IdentityPolicies.Same(sent, existing, compareDocuments: false);

        /// <summary>Exact, case-sensitive name match (SearchKey is only a keyword filter).</summary>
        public async Task<OrgIdentity?> FindByNameAsync(string name, CancellationToken ct)
        {
            OrgIdentity? match = null;
            await ListAsync(new ListOrganizationIdentityRequest { SearchKey = name }, identity =>
            {
                if (identity.Name != name) return true;
                match = identity;
                return false;
            }, ct).ConfigureAwait(false);
            return match;
        }

        /// <summary>The identity with this ID, or null.</summary>
        public async Task<OrgIdentity?> FindByIdAsync(long identityId, CancellationToken ct)
        {
            OrgIdentity? found = null;
            await ListAsync(new ListOrganizationIdentityRequest { IdentityId = identityId }, identity =>
            {
                if (identity.IdentityId != identityId) return true;
                found = identity;
                return false;
            }, ct).ConfigureAwait(false);
            return found;
        }

        /// <summary>The identity with this ID; a missing one is the module's own not-found (the listing did not return it).</summary>
        public async Task<OrgIdentity> GetAsync(long identityId, CancellationToken ct) =>
            await FindByIdAsync(identityId, ct).ConfigureAwait(false)
            ?? throw new OrgNotFoundException("The organization identity " + identityId + " was not found.");

        /// <summary>
        /// Every identity matching the filter; onItem returns false to stop early. A row outside the IdentityId or IdentityType
        /// filter, or without the filtered field, is an error (the listing check Sync uses), never a match or a "not found".
        /// </summary>
        public Task ListAsync(ListOrganizationIdentityRequest filter, Func<OrgIdentity, bool> onItem, CancellationToken ct)
        {
            int row = 0;
            return Paging.ByOffsetAsync<ListOrganizationIdentityResponse, OrgIdentityItem>(PageSize,
                offset => _client.CallAsync<ListOrganizationIdentityResponse>("ListOrganizationIdentity", new ListOrganizationIdentityRequest
                {
                    Offset = offset,
                    Limit = PageSize,
                    SearchKey = filter.SearchKey,
                    IdentityId = filter.IdentityId,
                    IdentityType = filter.IdentityType,
                }, ApiCallKind.Read, _log, ct),
                page => page.Items, page => page.Total,
                item =>
                {
                    string where = "row " + row++, what = "identity " + item.IdentityId + " (" + item.IdentityAliasName + ") of type " + item.IdentityType;
                    ListingRows.InFilter(ListAction, where, what, "IdentityId", filter.IdentityId, item.IdentityId);
                    ListingRows.InFilter(ListAction, where, what, "IdentityType", filter.IdentityType, item.IdentityType);
                    return onItem(ToIdentity(item));
                });
        }

        private const string ListAction = "ListOrganizationIdentity";

        /// <summary>
        /// Identity names by ID from one listing, to name identities in messages (a confirmation prompt): a listing that fails
        /// gives what it read before, as the ID alone still identifies an identity.
        /// </summary>
        public async Task<Dictionary<long, string?>> NamesAsync(CancellationToken ct)
        {
            var names = new Dictionary<long, string?>();
            try
            {
                await ListAsync(new ListOrganizationIdentityRequest(), identity =>
                {
                    names[identity.IdentityId] = identity.Name;
                    return true;
                }, ct).ConfigureAwait(false);
            }
            catch (OrgException)
            {
                // The number alone still identifies it; the delete reports any real failure.
            }
            return names;
        }

        /// <summary>
        /// UpdateOrganizationIdentity requires Description and the full policy list, so the current
        /// identity is read first and whatever the caller did not give is sent unchanged.
        /// </summary>
        public async Task<OrgIdentity> UpdateAsync(long identityId, string? description, IReadOnlyList<IdentityPolicy>? policies, CancellationToken ct) =>
            await UpdateAsync(await GetAsync(identityId, ct).ConfigureAwait(false), description, policies, ct).ConfigureAwait(false);

        /// <summary>The same, over an identity the caller has just listed (Sync-TcOrgConfiguration): no read first.</summary>
        public async Task<OrgIdentity> UpdateAsync(OrgIdentity current, string? description, IReadOnlyList<IdentityPolicy>? policies, CancellationToken ct)
        {
            long identityId = current.IdentityId;
            var merged = (policies ?? current.Policies).Select(ForUpdate).ToList();
            var request = new UpdateOrganizationIdentityRequest
            {
                IdentityId = identityId,
                Description = description ?? current.Description ?? "",
                IdentityPolicy = merged,
            };
            // Sending the same full replacement twice leaves the same state, so it is retried like a read.
            var response = await _client.CallAsync<EmptyResponse>("UpdateOrganizationIdentity", request, ApiCallKind.IdempotentWrite, _log, ct).ConfigureAwait(false);
            return new OrgIdentity
            {
                IdentityId = identityId,
                Name = current.Name,
                Description = request.Description,
                Policies = merged.ToArray(),
                IdentityType = current.IdentityType,
                UpdateTime = current.UpdateTime,
                RequestId = response.RequestId,
                Outcome = WriteOutcome.Updated,
            };
        }

        /// <summary>DeleteOrganizationIdentity; after an uncertain answer, an identity read back as gone is done.</summary>
        public async Task<ItemOutcome<long, WriteReceipt>> RemoveAsync(long identityId, CancellationToken ct)
        {
            var path = new WritePath<long, WriteReceipt>(DeleteAction,
                async (batch, c) => new[]
                {
                    new WriteReceipt((await _client.CallAsync<EmptyResponse>(DeleteAction, new DeleteOrganizationIdentityRequest { IdentityId = batch[0] },
                        ApiCallKind.IdempotentWrite, _log, c).ConfigureAwait(false)).RequestId),
                },
                async (batch, c) =>
                {
                    if (await FindByIdAsync(batch[0], c).ConfigureAwait(false) != null) return new[] { ReadBack<WriteReceipt>.Absent };
                    _log.Verbose(DeleteAction + ": identity " + batch[0] + " is already gone after an unanswered earlier attempt; treating it as done.");
                    return new[] { ReadBack<WriteReceipt>.Applied(new WriteReceipt(null)) };
                })
            {
                IsRemove = true,
                Describe = id => "identity " + id,
            };
            return (await _writes.RunAsync(path, new[] { identityId }, ct).ConfigureAwait(false))[0];
        }

        // Policies read back from the list carry PolicyId 0 on custom entries; send only what each kind needs.
        private static IdentityPolicy ForUpdate(IdentityPolicy policy) => policy.IsCustom
            ? new IdentityPolicy { PolicyType = IdentityPolicy.CustomPolicyType, PolicyName = policy.PolicyName, PolicyDocument = policy.PolicyDocument }
            : new IdentityPolicy { PolicyId = policy.PolicyId, PolicyName = policy.PolicyName, PolicyType = policy.PolicyType };

        internal static OrgIdentity ToIdentity(OrgIdentityItem item) => new OrgIdentity
        {
            IdentityId = item.IdentityId,
            Name = item.IdentityAliasName,
            Description = item.Description,
            Policies = item.IdentityPolicy?.ToArray() ?? Array.Empty<IdentityPolicy>(),
            IdentityType = item.IdentityType,
            UpdateTime = item.UpdateTime,
        };
    }
}

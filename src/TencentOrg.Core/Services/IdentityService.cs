using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using TencentOrg.Api;
using TencentOrg.Models;

namespace TencentOrg.Services
{
    /// <summary>Organization identities: create (with reconciliation after ambiguous failures), find, list.</summary>
    public sealed class IdentityService
    {
        public const string NameUsedCode = "FailedOperation.OrganizationIdentityNameUsed";
        private const long PageSize = 50;

        private readonly OrgApiClient _client;
        private readonly IOrgLog _log;

        public IdentityService(OrgSession session, IOrgLog log)
        {
            _client = session.Client;
            _log = log;
        }

        public async Task<OrgIdentity> CreateAsync(string name, IReadOnlyList<IdentityPolicy> policies, string? description, bool skipExisting, CancellationToken ct)
        {
            var request = new CreateOrganizationIdentityRequest
            {
                IdentityAliasName = name,
                IdentityPolicy = policies.ToList(),
                Description = description,
            };
            try
            {
                return await SendCreateAsync(request, ct).ConfigureAwait(false);
            }
            catch (OrgAmbiguousResultException ambiguous)
            {
                // The create may have run: look before sending it again.
                _log.Verbose("CreateOrganizationIdentity '" + name + "': " + ambiguous.Code + "; reconciling: checking whether it was created.");
                var found = await FindForReconcileAsync(name, ambiguous, ct).ConfigureAwait(false);
                if (found != null)
                {
                    _log.Verbose("Identity '" + name + "' exists (IdentityId " + found.IdentityId + "); not sending again.");
                    return Ours(found, request, skipExisting);
                }
                _log.Verbose("Identity '" + name + "' was not created; sending CreateOrganizationIdentity once more.");
                try
                {
                    return await SendCreateAsync(request, ct).ConfigureAwait(false);
                }
                catch (OrgAmbiguousResultException again)
                {
                    // Never a third send: one last look, else report the uncertainty for this item.
                    _log.Verbose("CreateOrganizationIdentity '" + name + "': " + again.Code + " again; reconciling once more.");
                    var late = await FindForReconcileAsync(name, again, ct).ConfigureAwait(false);
                    if (late != null) return Ours(late, request, skipExisting);
                    throw;
                }
                catch (OrgApiException used) when (used.Code == NameUsedCode)
                {
                    // Someone (or the first call, seen late) created it meanwhile.
                    var raced = await FindByNameAsync(name, ct).ConfigureAwait(false);
                    if (raced != null) return Ours(raced, request, skipExisting);
                    throw;
                }
            }
            catch (OrgApiException used) when (skipExisting && used.Code == NameUsedCode)
            {
                var existing = await FindByNameAsync(name, ct).ConfigureAwait(false);
                if (existing == null) throw;
                _log.Warning("Identity '" + name + "' already exists (IdentityId " + existing.IdentityId + "); skipped.");
                return existing;
            }
        }

        /// <summary>
        /// An identity found by name after an ambiguous create is ours only if it has the policies we sent;
        /// otherwise someone else holds the name, which is "name used" unless -SkipExisting accepts it.
        /// </summary>
        private OrgIdentity Ours(OrgIdentity found, CreateOrganizationIdentityRequest request, bool skipExisting)
        {
            if (SamePolicies(found.Policies, request.IdentityPolicy ?? new List<IdentityPolicy>())) return found;
            if (skipExisting)
            {
                _log.Warning("Identity '" + found.Name + "' already exists (IdentityId " + found.IdentityId + ") with other policies; skipped.");
                return found;
            }
            throw new OrgApiException("CreateOrganizationIdentity", NameUsedCode,
                "An identity named '" + found.Name + "' (IdentityId " + found.IdentityId + ") exists with other policies than the ones sent.", null);
        }

        /// <summary>Preset policies compare by id and name; custom ones by count only, since the service may reformat documents.</summary>
        internal static bool SamePolicies(IReadOnlyCollection<IdentityPolicy> existing, IReadOnlyCollection<IdentityPolicy> sent)
        {
            static string Preset(IdentityPolicy p) => p.PolicyId + ":" + p.PolicyName;
            var existingPresets = existing.Where(p => !p.IsCustom).Select(Preset).OrderBy(k => k, StringComparer.Ordinal);
            var sentPresets = sent.Where(p => !p.IsCustom).Select(Preset).OrderBy(k => k, StringComparer.Ordinal);
            return existingPresets.SequenceEqual(sentPresets) && existing.Count(p => p.IsCustom) == sent.Count(p => p.IsCustom);
        }

        /// <summary>A reconciliation read; when it fails too, the item's fate is unknown and is reported as ambiguous.</summary>
        private async Task<OrgIdentity?> FindForReconcileAsync(string name, OrgAmbiguousResultException ambiguous, CancellationToken ct)
        {
            try
            {
                return await FindByNameAsync(name, ct).ConfigureAwait(false);
            }
            catch (OrgException readError)
            {
                throw new OrgAmbiguousResultException("CreateOrganizationIdentity",
                    new Exception("'" + name + "' may have been created; reading it back failed too (" + readError.Message + "). " + ambiguous.Message, readError));
            }
        }

        private async Task<OrgIdentity> SendCreateAsync(CreateOrganizationIdentityRequest request, CancellationToken ct)
        {
            string name = request.IdentityAliasName!;
            var response = await _client.CallAsync<CreateOrganizationIdentityResponse>("CreateOrganizationIdentity", request, ApiCallKind.Write, _log, ct,
                async probeCt => await FindByNameAsync(name, probeCt).ConfigureAwait(false) != null).ConfigureAwait(false);
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

        /// <summary>Every identity matching the filter; onItem returns false to stop early.</summary>
        public Task ListAsync(ListOrganizationIdentityRequest filter, Func<OrgIdentity, bool> onItem, CancellationToken ct) =>
            Paging.ByOffsetAsync<ListOrganizationIdentityResponse, OrgIdentityItem>(PageSize,
                offset => _client.CallAsync<ListOrganizationIdentityResponse>("ListOrganizationIdentity", new ListOrganizationIdentityRequest
                {
                    Offset = offset,
                    Limit = PageSize,
                    SearchKey = filter.SearchKey,
                    IdentityId = filter.IdentityId,
                    IdentityType = filter.IdentityType,
                }, ApiCallKind.Read, _log, ct),
                page => page.Items, page => page.Total,
                item => onItem(ToIdentity(item)));

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

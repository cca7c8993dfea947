using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using TencentOrg.Api;
using TencentOrg.Models;

namespace TencentOrg.Services
{
    /// <summary>
    /// Permission configurations and their policies (CIC spec §4): create, update, delete, attach and detach policies,
    /// replace the custom document, list policies, and find where a changed configuration must be re-deployed (§6).
    /// No request carries a client token, so every write goes through <see cref="ReconcilingWrite"/>: an uncertain
    /// answer is read back (a create by its exact name) before anything is resent; "already attached" and "not
    /// attached" settle as success.
    /// </summary>
    internal sealed class RoleConfigurationService
    {
        /// <summary>The service's answer when a configuration does not exist.</summary>
        public const string NotExistCode = "InvalidParameter.RoleConfigurationNotExist";
        private const string NameExistsCode = "InvalidParameter.ConfigurationNameAlreadyExists";
        private const string PolicyExistsCode = "InvalidParameter.PolicyNameAlreadyExists";
        private const string PolicyNotExistCode = "InvalidParameter.RolePolicyNotExist";
        private const string CreateAction = "CreateRoleConfiguration";
        private const string UpdateAction = "UpdateRoleConfiguration";
        private const string DeleteAction = "DeleteRoleConfiguration";
        private const string AddPolicyAction = "AddPermissionPolicyToRoleConfiguration";
        private const string RemovePolicyAction = "RemovePermissionPolicyFromRoleConfiguration";
        private const string ListPoliciesAction = "ListPermissionPoliciesInRoleConfiguration";
        private const string UpdateCustomAction = "UpdateCustomPolicyForRoleConfiguration";
        private const long DefaultSessionDuration = 3600;

        private readonly OrgSession _session;
        private readonly OrgApiClient _client;
        private readonly IOrgLog _log;
        private readonly ReconcilingWrite _writes;

        public RoleConfigurationService(OrgSession session, IOrgLog log)
        {
            _session = session;
            _client = session.Client;
            _log = log;
            _writes = new ReconcilingWrite(session.Options, log);
        }

        private DirectoryService Directory => new DirectoryService(_session, _log);

        // ---- configurations ----

        /// <summary>CreateRoleConfiguration. After an uncertain answer, a configuration with the exact name and the settings sent is ours.</summary>
        public async Task<ItemOutcome<string, RoleConfiguration>> CreateAsync(CreateRoleConfigurationRequest request, CancellationToken ct)
        {
            var path = new WritePath<CreateRoleConfigurationRequest, RoleConfiguration>(CreateAction,
                async (batch, c) => new[] { await SendCreateAsync(batch[0], c).ConfigureAwait(false) },
                async (batch, c) => new[] { await ReadBackCreateAsync(batch[0], c).ConfigureAwait(false) })
            {
                Describe = r => "permission configuration '" + r.RoleConfigurationName + "'",
            };
            var outcome = (await _writes.RunAsync(path, new[] { request }, ct).ConfigureAwait(false))[0];
            string name = request.RoleConfigurationName!;
            return outcome.Succeeded ? ItemOutcome<string, RoleConfiguration>.Success(name, outcome.Result!) : ItemOutcome<string, RoleConfiguration>.Failure(name, outcome.Error!);
        }

        private async Task<RoleConfiguration> SendCreateAsync(CreateRoleConfigurationRequest request, CancellationToken ct)
        {
            var response = await _client.CallAsync<RoleConfigurationInfoResponse>(CreateAction, request, ApiCallKind.Write, _log, ct).ConfigureAwait(false);
            if (!string.IsNullOrEmpty(response.RoleConfigurationInfo?.RoleConfigurationId)) return ToConfiguration(response.RoleConfigurationInfo!, request.ZoneId!);
            // A success without the new configuration: read it back rather than report an ID nobody saw.
            return await FindByNameAsync(request.ZoneId!, request.RoleConfigurationName!, ct).ConfigureAwait(false)
                ?? throw new OrgApiException(CreateAction, "ClientError.MissingResult",
                    "CreateRoleConfiguration answered without the new configuration, and none named '" + request.RoleConfigurationName + "' can be found.", response.RequestId);
        }

        private async Task<ReadBack<RoleConfiguration>> ReadBackCreateAsync(CreateRoleConfigurationRequest request, CancellationToken ct)
        {
            var found = await FindByNameAsync(request.ZoneId!, request.RoleConfigurationName!, ct).ConfigureAwait(false);
            if (found == null) return ReadBack<RoleConfiguration>.Absent;
            bool same = (found.Description ?? "") == (request.Description ?? "")
                && (found.SessionDuration ?? DefaultSessionDuration) == (request.SessionDuration ?? DefaultSessionDuration)
                && (found.RelayState ?? "") == (request.RelayState ?? "");
            if (same) return ReadBack<RoleConfiguration>.Applied(found);
            return ReadBack<RoleConfiguration>.Refused(new OrgApiException(CreateAction, NameExistsCode,
                "A permission configuration named '" + found.RoleConfigurationName + "' (" + found.RoleConfigurationId + ") exists with other settings than the ones sent.", null));
        }

        /// <summary>Exact, case-sensitive name match (the listing's Filter is only a case-insensitive substring).</summary>
        public async Task<RoleConfiguration?> FindByNameAsync(string zoneId, string name, CancellationToken ct)
        {
            RoleConfiguration? match = null;
            await Directory.ListRoleConfigurationsAsync(zoneId, name, c =>
            {
                if (c.RoleConfigurationName != name) return true;
                match = c;
                return false;
            }, ct).ConfigureAwait(false);
            return match;
        }

        /// <summary>The configuration, or null when the service says it does not exist.</summary>
        public async Task<RoleConfiguration?> FindByIdAsync(string zoneId, string roleConfigurationId, CancellationToken ct)
        {
            try
            {
                // An answer about another configuration is already an error there (ClientError.WrongObject).
                return await Directory.GetRoleConfigurationAsync(zoneId, roleConfigurationId, ct).ConfigureAwait(false);
            }
            catch (OrgApiException error) when (error.Code == NotExistCode)
            {
                return null;
            }
        }

        /// <summary>
        /// UpdateRoleConfiguration of the given settings (null = unchanged). Read back after an uncertain answer. With
        /// <paramref name="readFirst"/> (Set-TcRoleConfiguration) the configuration is read first: settings already as asked
        /// are Existing with nothing sent. Sync plans from its own listing and does not read again.
        /// </summary>
        public async Task<ItemOutcome<string, RoleConfiguration>> UpdateAsync(UpdateRoleConfigurationRequest request, CancellationToken ct, bool readFirst = false)
        {
            string id = request.RoleConfigurationId!;
            static bool AsAsked(UpdateRoleConfigurationRequest r, RoleConfiguration found) =>
                (r.NewDescription == null || r.NewDescription == found.Description)
                && (r.NewSessionDuration == null || r.NewSessionDuration == found.SessionDuration)
                && (r.NewRelayState == null || r.NewRelayState == found.RelayState);
            if (readFirst)
            {
                try
                {
                    var current = await FindByIdAsync(request.ZoneId!, id, ct).ConfigureAwait(false);
                    if (current == null)
                        return ItemOutcome<string, RoleConfiguration>.Failure(id, new OrgNotFoundException("The permission configuration " + id + " does not exist in zone " + request.ZoneId + "; nothing was sent."));
                    if (AsAsked(request, current))
                    {
                        _log.Verbose(id + " already has these settings; nothing sent.");
                        return ReconcilingWrite.Existing(id, current);
                    }
                }
                catch (OrgException error)
                {
                    return ItemOutcome<string, RoleConfiguration>.Failure(id, error);
                }
            }
            var path = new WritePath<UpdateRoleConfigurationRequest, RoleConfiguration>(UpdateAction,
                async (batch, c) =>
                {
                    var r = batch[0];
                    var response = await _client.CallAsync<RoleConfigurationInfoResponse>(UpdateAction, r, ApiCallKind.IdempotentWrite, _log, c).ConfigureAwait(false);
                    var info = response.RoleConfigurationInfo;
                    var result = info != null && info.RoleConfigurationId == r.RoleConfigurationId ? ToConfiguration(info, r.ZoneId!)
                        : await FindByIdAsync(r.ZoneId!, r.RoleConfigurationId!, c).ConfigureAwait(false)
                          ?? throw new OrgApiException(UpdateAction, NotExistCode, "The permission configuration " + r.RoleConfigurationId + " does not exist.", response.RequestId);
                    return new[] { result };
                },
                async (batch, c) =>
                {
                    var r = batch[0];
                    var found = await FindByIdAsync(r.ZoneId!, r.RoleConfigurationId!, c).ConfigureAwait(false);
                    if (found == null)
                        return new[] { ReadBack<RoleConfiguration>.Refused(new OrgNotFoundException("The permission configuration " + r.RoleConfigurationId + " does not exist (read back after the update's answer was lost).")) };
                    return new[] { AsAsked(r, found) ? ReadBack<RoleConfiguration>.Applied(found) : ReadBack<RoleConfiguration>.Absent };
                })
            {
                Describe = r => "permission configuration " + r.RoleConfigurationId,
                IsUpdate = true,
            };
            var outcome = (await _writes.RunAsync(path, new[] { request }, ct).ConfigureAwait(false))[0];
            return outcome.Succeeded ? ItemOutcome<string, RoleConfiguration>.Success(id, outcome.Result!) : ItemOutcome<string, RoleConfiguration>.Failure(id, outcome.Error!);
        }

        /// <summary>
        /// DeleteRoleConfiguration. Nothing cascades: the service refuses a configuration that is assigned, deployed or
        /// still holds policies. A configuration read back as gone after an uncertain answer is done.
        /// </summary>
        public async Task<ItemOutcome<string, WriteReceipt>> DeleteAsync(string zoneId, string roleConfigurationId, CancellationToken ct)
        {
            var path = new WritePath<string, WriteReceipt>(DeleteAction,
                async (batch, c) => new[]
                {
                    new WriteReceipt((await _client.CallAsync<EmptyResponse>(DeleteAction, new DeleteRoleConfigurationRequest { ZoneId = zoneId, RoleConfigurationId = batch[0] },
                        ApiCallKind.IdempotentWrite, _log, c).ConfigureAwait(false)).RequestId),
                },
                async (batch, c) =>
                {
                    if (await FindByIdAsync(zoneId, batch[0], c).ConfigureAwait(false) != null) return new[] { ReadBack<WriteReceipt>.Absent };
                    _log.Verbose(DeleteAction + ": " + batch[0] + " is gone after an unanswered earlier attempt; treating it as done.");
                    return new[] { ReadBack<WriteReceipt>.Applied(new WriteReceipt(null)) };
                })
            {
                IsRemove = true,
                Describe = id => "permission configuration " + id,
            };
            return (await _writes.RunAsync(path, new[] { roleConfigurationId }, ct).ConfigureAwait(false))[0];
        }

        // ---- policies ----

        /// <summary>
        /// Every policy of the configuration, system and custom, in one unpaged call (spec §4.6). A list shorter than its
        /// own TotalCounts, or a policy of an unknown type, is an error, not a partial answer.
        /// </summary>
        public async Task<IReadOnlyList<RoleConfigurationPolicy>> ListPoliciesAsync(string zoneId, string roleConfigurationId, CancellationToken ct)
        {
            var response = await _client.CallAsync<ListPermissionPoliciesInRoleConfigurationResponse>(ListPoliciesAction,
                new ListPermissionPoliciesInRoleConfigurationRequest { ZoneId = zoneId, RoleConfigurationId = roleConfigurationId },
                ApiCallKind.Read, _log, ct).ConfigureAwait(false);
            var rows = response.RolePolicies ?? new List<RolePolicie>();
            if (response.TotalCounts.HasValue && response.TotalCounts.Value != rows.Count)
                throw new OrgApiException(ListPoliciesAction, "ClientError.IncompleteList",
                    "ListPermissionPoliciesInRoleConfiguration returned " + rows.Count + " policies of " + roleConfigurationId
                    + " but said there are " + response.TotalCounts.Value + "; the list is not trusted.", response.RequestId);
            var policies = new List<RoleConfigurationPolicy>(rows.Count);
            foreach (var row in rows)
            {
                bool custom = string.Equals(row.RolePolicyType, RoleConfigurationPolicy.CustomType, StringComparison.OrdinalIgnoreCase);
                if (!custom && !string.Equals(row.RolePolicyType, RoleConfigurationPolicy.SystemType, StringComparison.OrdinalIgnoreCase))
                    throw new OrgApiException(ListPoliciesAction, "ClientError.UnknownPolicyType",
                        "A policy of " + roleConfigurationId + " has the unknown type '" + RoleConfigurationRules.Shown(row.RolePolicyType) + "'.", response.RequestId);
                policies.Add(new RoleConfigurationPolicy
                {
                    ZoneId = zoneId,
                    RoleConfigurationId = roleConfigurationId,
                    RolePolicyType = custom ? RoleConfigurationPolicy.CustomType : RoleConfigurationPolicy.SystemType,
                    RolePolicyId = custom || row.RolePolicyId == 0 ? null : row.RolePolicyId,
                    RolePolicyName = row.RolePolicyName,
                    RolePolicyDocument = custom ? row.RolePolicyDocument ?? "" : null,
                    AddTime = row.AddTime,
                });
            }
            return policies;
        }

        /// <summary>The attached policy the given one names: a system policy by ID (else by name), a custom one by name.</summary>
        internal static RoleConfigurationPolicy? Attached(IEnumerable<RoleConfigurationPolicy> attached, RoleConfigurationPolicy wanted) =>
            attached.FirstOrDefault(p => p.RolePolicyType == wanted.RolePolicyType && (wanted.IsCustom || !wanted.RolePolicyId.HasValue
                ? p.RolePolicyName == wanted.RolePolicyName
                : p.RolePolicyId == wanted.RolePolicyId));

        /// <summary>
        /// AddPermissionPolicyToRoleConfiguration for each policy (validated by the caller). The configuration's policies are
        /// read first: an attached system policy, or a custom one with the same document, is success with nothing sent; a
        /// custom policy of that name with another document is refused (replace it with <see cref="SetCustomDocumentAsync"/>).
        /// System policies go up to 20 per call, custom ones one per call. Results are the policies as listed afterwards.
        /// </summary>
        public async Task<IReadOnlyList<ItemOutcome<RoleConfigurationPolicy, RoleConfigurationPolicy>>> AddPoliciesAsync(string zoneId, string roleConfigurationId,
            IReadOnlyList<RoleConfigurationPolicy> wanted, CancellationToken ct)
        {
            // Outcomes keep the order the policies were given in.
            var outcomes = new ItemOutcome<RoleConfigurationPolicy, RoleConfigurationPolicy>?[wanted.Count];
            IReadOnlyList<RoleConfigurationPolicy> current;
            try
            {
                current = await ListPoliciesAsync(zoneId, roleConfigurationId, ct).ConfigureAwait(false);
            }
            catch (OrgException error)
            {
                return wanted.Select(w => ItemOutcome<RoleConfigurationPolicy, RoleConfigurationPolicy>.Failure(w, error)).ToList();
            }
            var systemToSend = new List<RoleConfigurationPolicy>();
            var customToSend = new List<RoleConfigurationPolicy>();
            for (int i = 0; i < wanted.Count; i++)
            {
                var w = wanted[i];
                var existing = Attached(current, w);
                if (existing == null) (w.IsCustom ? customToSend : systemToSend).Add(w);
                else if (!w.IsCustom || IdentityPolicies.SameDocument(existing.RolePolicyDocument, w.RolePolicyDocument))
                {
                    _log.Verbose(roleConfigurationId + " already has " + existing + "; nothing sent.");
                    outcomes[i] = ReconcilingWrite.Existing(w, existing);
                }
                else outcomes[i] = ItemOutcome<RoleConfigurationPolicy, RoleConfigurationPolicy>.Failure(w, OtherDocument(roleConfigurationId, w.RolePolicyName));
            }
            if (systemToSend.Count + customToSend.Count == 0) return outcomes.Select(o => o!).ToList();

            var sent = new List<ItemOutcome<RoleConfigurationPolicy, RoleConfigurationPolicy>>();
            if (systemToSend.Count > 0)
                sent.AddRange(await _writes.RunAsync(AddPath(zoneId, roleConfigurationId, RoleConfigurationPolicy.SystemType), systemToSend, ct).ConfigureAwait(false));
            foreach (var custom in customToSend)
                sent.AddRange(await _writes.RunAsync(AddPath(zoneId, roleConfigurationId, RoleConfigurationPolicy.CustomType), new[] { custom }, ct).ConfigureAwait(false));

            // One listing fills what the answers leave out (the ID of a system policy attached by name, AddTime).
            IReadOnlyList<RoleConfigurationPolicy>? after = null;
            try
            {
                after = await ListPoliciesAsync(zoneId, roleConfigurationId, ct).ConfigureAwait(false);
            }
            catch (OrgException readError)
            {
                _log.Verbose("Reading the policies of " + roleConfigurationId + " after the change failed (" + readError.Message + "); reporting what was sent.");
            }
            foreach (var o in sent)
            {
                int i = IndexOf(wanted, o.Input);
                if (o.Succeeded && after != null && Attached(after, o.Input) is { } listed)
                {
                    listed.Outcome = o.Result!.Outcome; // the listing fills the fields; the write said how it settled
                    outcomes[i] = ItemOutcome<RoleConfigurationPolicy, RoleConfigurationPolicy>.Success(o.Input, listed);
                }
                else outcomes[i] = o;
            }
            return outcomes.Select(o => o!).ToList();
        }

        private static int IndexOf(IReadOnlyList<RoleConfigurationPolicy> items, RoleConfigurationPolicy item)
        {
            for (int i = 0; i < items.Count; i++) if (ReferenceEquals(items[i], item)) return i;
            throw new InvalidOperationException("An outcome for a policy that was not asked for.");
        }

        private WritePath<RoleConfigurationPolicy, RoleConfigurationPolicy> AddPath(string zoneId, string roleConfigurationId, string type) =>
            new WritePath<RoleConfigurationPolicy, RoleConfigurationPolicy>(AddPolicyAction,
                async (batch, c) =>
                {
                    var request = new AddPermissionPolicyToRoleConfigurationRequest { ZoneId = zoneId, RoleConfigurationId = roleConfigurationId, RolePolicyType = type };
                    if (type == RoleConfigurationPolicy.CustomType)
                    {
                        request.RolePolicyNames = new List<string> { batch[0].RolePolicyName! };
                        request.CustomPolicyDocument = batch[0].RolePolicyDocument;
                    }
                    else
                    {
                        var byId = batch.Where(p => p.RolePolicyId.HasValue).Select(p => new PolicyDetail { PolicyId = p.RolePolicyId, PolicyName = p.RolePolicyName }).ToList();
                        var byName = batch.Where(p => !p.RolePolicyId.HasValue).Select(p => p.RolePolicyName!).ToList();
                        if (byId.Count > 0) request.RolePolicies = byId;
                        if (byName.Count > 0) request.RolePolicyNames = byName;
                    }
                    await _client.CallAsync<EmptyResponse>(AddPolicyAction, request, ApiCallKind.Write, _log, c).ConfigureAwait(false);
                    return batch.Select(p => Placed(zoneId, roleConfigurationId, p)).ToList();
                },
                async (batch, c) =>
                {
                    var now = await ListPoliciesAsync(zoneId, roleConfigurationId, c).ConfigureAwait(false);
                    return batch.Select(p => ReadBackAdded(now, p, roleConfigurationId)).ToList();
                })
            {
                Partition = batch => Chunks(batch, Patterns.MaxSystemPoliciesPerCall),
                Split = batch => batch.Select(p => (IReadOnlyList<RoleConfigurationPolicy>)new[] { p }),
                // "Already attached" (e.g. by someone else since the listing) settles as success when the read agrees.
                OnRefused = async (p, error, c) =>
                {
                    if (error.Code != PolicyExistsCode) return null;
                    var state = ReadBackAdded(await ListPoliciesAsync(zoneId, roleConfigurationId, c).ConfigureAwait(false), p, roleConfigurationId);
                    return state.Result;
                },
                Describe = p => p + " in " + roleConfigurationId,
            };

        private static ReadBack<RoleConfigurationPolicy> ReadBackAdded(IReadOnlyList<RoleConfigurationPolicy> now, RoleConfigurationPolicy wanted, string roleConfigurationId)
        {
            var existing = Attached(now, wanted);
            if (existing == null) return ReadBack<RoleConfigurationPolicy>.Absent;
            if (!wanted.IsCustom || IdentityPolicies.SameDocument(existing.RolePolicyDocument, wanted.RolePolicyDocument))
                return ReadBack<RoleConfigurationPolicy>.Applied(existing);
            return ReadBack<RoleConfigurationPolicy>.Refused(OtherDocument(roleConfigurationId, wanted.RolePolicyName));
        }

        private static OrgApiException OtherDocument(string roleConfigurationId, string? name) =>
            new OrgApiException(AddPolicyAction, PolicyExistsCode, roleConfigurationId + " already has a custom policy named '" + name
                + "' with another document; replace its document with Set-TcRoleConfigurationPolicy -CustomPolicyDocument.", null);

        /// <summary>
        /// RemovePermissionPolicyFromRoleConfiguration of one policy. A policy given by name without a type is looked up in the
        /// listing first; a policy that is not attached ("not attached", or gone after an uncertain answer) is success.
        /// </summary>
        public async Task<ItemOutcome<RoleConfigurationPolicy, WriteReceipt>> RemovePolicyAsync(string zoneId, string roleConfigurationId,
            RoleConfigurationPolicy policy, CancellationToken ct)
        {
            if (policy.RolePolicyType == null)
            {
                IReadOnlyList<RoleConfigurationPolicy> current;
                try
                {
                    current = await ListPoliciesAsync(zoneId, roleConfigurationId, ct).ConfigureAwait(false);
                }
                catch (OrgException error)
                {
                    return ItemOutcome<RoleConfigurationPolicy, WriteReceipt>.Failure(policy, error);
                }
                var named = current.FirstOrDefault(p => p.RolePolicyName == policy.RolePolicyName);
                if (named == null)
                {
                    _log.Verbose(roleConfigurationId + " has no policy named '" + policy.RolePolicyName + "'; nothing to remove.");
                    return ItemOutcome<RoleConfigurationPolicy, WriteReceipt>.Success(policy, new WriteReceipt(null));
                }
                policy = named;
            }
            var target = policy;
            var path = new WritePath<RoleConfigurationPolicy, WriteReceipt>(RemovePolicyAction,
                async (batch, c) =>
                {
                    var p = batch[0];
                    var request = new RemovePermissionPolicyFromRoleConfigurationRequest
                    {
                        ZoneId = zoneId, RoleConfigurationId = roleConfigurationId, RolePolicyType = p.RolePolicyType,
                        // A system policy goes by ID when known; a custom one (and a system one known only by name) by name.
                        RolePolicyId = p.IsCustom ? null : p.RolePolicyId,
                        RolePolicyName = p.IsCustom || !p.RolePolicyId.HasValue ? p.RolePolicyName : null,
                    };
                    var response = await _client.CallAsync<EmptyResponse>(RemovePolicyAction, request, ApiCallKind.IdempotentWrite, _log, c).ConfigureAwait(false);
                    return new[] { new WriteReceipt(response.RequestId) };
                },
                async (batch, c) =>
                {
                    var now = await ListPoliciesAsync(zoneId, roleConfigurationId, c).ConfigureAwait(false);
                    return new[] { Attached(now, batch[0]) == null ? ReadBack<WriteReceipt>.Applied(new WriteReceipt(null)) : ReadBack<WriteReceipt>.Absent };
                })
            {
                IsRemove = true,
                OnRefused = (p, error, c) =>
                {
                    if (error.Code != PolicyNotExistCode) return Task.FromResult<WriteReceipt?>(null);
                    _log.Verbose(roleConfigurationId + " does not have " + p + "; nothing to remove.");
                    return Task.FromResult<WriteReceipt?>(new WriteReceipt(null));
                },
                Describe = p => p + " in " + roleConfigurationId,
            };
            return (await _writes.RunAsync(path, new[] { target }, ct).ConfigureAwait(false))[0];
        }

        /// <summary>
        /// UpdateCustomPolicyForRoleConfiguration: replace the document of the configuration's custom policy. Read first: no
        /// such custom policy is refused before any write; the same document (as parsed JSON) is success with nothing sent.
        /// </summary>
        public async Task<ItemOutcome<RoleConfigurationPolicy, RoleConfigurationPolicy>> SetCustomDocumentAsync(string zoneId, string roleConfigurationId,
            RoleConfigurationPolicy wanted, CancellationToken ct)
        {
            RoleConfigurationPolicy? existing;
            try
            {
                existing = (await ListPoliciesAsync(zoneId, roleConfigurationId, ct).ConfigureAwait(false)).FirstOrDefault(p => p.RolePolicyName == wanted.RolePolicyName);
            }
            catch (OrgException error)
            {
                return ItemOutcome<RoleConfigurationPolicy, RoleConfigurationPolicy>.Failure(wanted, error);
            }
            // Decided from the listing, nothing sent: the module's own words, not a service code without a RequestId.
            if (existing == null || !existing.IsCustom)
                return ItemOutcome<RoleConfigurationPolicy, RoleConfigurationPolicy>.Failure(wanted, new OrgNotFoundException(roleConfigurationId
                    + " has no custom policy named '" + wanted.RolePolicyName + "'" + (existing == null ? "" : " ('" + wanted.RolePolicyName + "' is a system policy, and only a custom policy's document can be replaced)")
                    + "; nothing was sent. Attach a custom policy with Add-TcRoleConfigurationPolicy -CustomPolicyName."));
            if (IdentityPolicies.SameDocument(existing.RolePolicyDocument, wanted.RolePolicyDocument))
            {
                _log.Verbose("The custom policy '" + existing.RolePolicyName + "' of " + roleConfigurationId + " already has this document; nothing sent.");
                return ReconcilingWrite.Existing(wanted, existing);
            }
            var path = new WritePath<RoleConfigurationPolicy, RoleConfigurationPolicy>(UpdateCustomAction,
                async (batch, c) =>
                {
                    await _client.CallAsync<EmptyResponse>(UpdateCustomAction, new UpdateCustomPolicyForRoleConfigurationRequest
                    {
                        ZoneId = zoneId, RoleConfigurationId = roleConfigurationId, CustomPolicyName = batch[0].RolePolicyName, NewCustomPolicyDocument = batch[0].RolePolicyDocument,
                    }, ApiCallKind.IdempotentWrite, _log, c).ConfigureAwait(false);
                    return new[] { Placed(zoneId, roleConfigurationId, batch[0], existing.AddTime) };
                },
                async (batch, c) =>
                {
                    var now = await ListPoliciesAsync(zoneId, roleConfigurationId, c).ConfigureAwait(false);
                    var found = now.FirstOrDefault(p => p.IsCustom && p.RolePolicyName == batch[0].RolePolicyName);
                    return new[] { found != null && IdentityPolicies.SameDocument(found.RolePolicyDocument, batch[0].RolePolicyDocument)
                        ? ReadBack<RoleConfigurationPolicy>.Applied(found) : ReadBack<RoleConfigurationPolicy>.Absent };
                })
            {
                Describe = p => p + " in " + roleConfigurationId,
                IsUpdate = true,
            };
            return (await _writes.RunAsync(path, new[] { wanted }, ct).ConfigureAwait(false))[0];
        }

        // ---- re-deployment ----

        /// <summary>
        /// The accounts where the configuration must be re-deployed after a policy change: its deployments listed as
        /// DeployedRequired (spec §6). Rows of another configuration or status (a filter the server ignored) are dropped.
        /// </summary>
        public async Task<IReadOnlyList<RoleProvisioning>> RedeployTargetsAsync(string zoneId, string roleConfigurationId, CancellationToken ct)
        {
            const string status = "DeployedRequired";
            var rows = new List<RoleProvisioning>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            await new ProvisioningService(_session, _log).ListAsync(new ListRoleConfigurationProvisioningsRequest
            {
                ZoneId = zoneId, RoleConfigurationId = roleConfigurationId, DeploymentStatus = status,
            }, row =>
            {
                if (row.RoleConfigurationId == roleConfigurationId && row.DeploymentStatus == status && row.TargetUin.HasValue
                    && seen.Add(row.TargetType + "/" + row.TargetUin)) rows.Add(row);
                return true;
            }, ct).ConfigureAwait(false);
            return rows;
        }

        private static RoleConfigurationPolicy Placed(string zoneId, string roleConfigurationId, RoleConfigurationPolicy p, string? addTime = null) => new RoleConfigurationPolicy
        {
            ZoneId = zoneId,
            RoleConfigurationId = roleConfigurationId,
            RolePolicyType = p.RolePolicyType,
            RolePolicyId = p.RolePolicyId,
            RolePolicyName = p.RolePolicyName,
            RolePolicyDocument = p.RolePolicyDocument,
            AddTime = addTime,
        };

        private static IEnumerable<IReadOnlyList<T>> Chunks<T>(IReadOnlyList<T> items, int size)
        {
            for (int i = 0; i < items.Count; i += size) yield return items.Skip(i).Take(size).ToList();
        }

        internal static RoleConfiguration ToConfiguration(RoleConfigurationItem c, string zoneId) => new RoleConfiguration
        {
            ZoneId = zoneId,
            RoleConfigurationId = c.RoleConfigurationId,
            RoleConfigurationName = c.RoleConfigurationName,
            Description = c.Description,
            SessionDuration = c.SessionDuration,
            RelayState = c.RelayState,
            CreateTime = c.CreateTime,
            UpdateTime = c.UpdateTime,
        };
    }
}

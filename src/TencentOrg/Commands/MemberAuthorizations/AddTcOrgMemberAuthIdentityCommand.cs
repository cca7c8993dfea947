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
        private GrantBatches? _batches;
        private MemberAuthorizationService? _service;

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
            bool poolIdentities = MyInvocation.BoundParameters.ContainsKey(nameof(MemberUin)) && !MyInvocation.BoundParameters.ContainsKey(nameof(IdentityId));
            _batches = new GrantBatches(this, CancelToken, () => _service ??= new MemberAuthorizationService(Session, Log), GrantAsync,
                poolIdentities ? UinArguments.Take(this, MemberUin, nameof(MemberUin)).ToArray() : null);
        }

        protected override void ProcessRecord()
        {
            if (_batches!.PoolsIdentities) _batches.PoolIdentities(IdentityId);
            else _batches.QueueMembers(UinArguments.Take(this, MemberUin, nameof(MemberUin)), IdentityId);
        }

        protected override void EndProcessing() => _batches?.Complete();

        private async Task GrantAsync(List<long> members, List<long> identities, CancellationToken ct)
        {
            IReadOnlyList<MemberGrantResult> results;
            try
            {
                results = await _service!.GrantByMemberAsync(members, identities, SkipExisting, PassThru, ct).ConfigureAwait(false);
            }
            catch (OrgException error)
            {
                for (int i = 0; i < members.Count; i++) PostError(error, members[i], i);
                return;
            }
            foreach (var member in results)
            {
                int item = members.IndexOf(member.MemberUin);
                // One error per member and distinct cause, naming the member as the target.
                foreach (var error in member.Errors) PostError(error, member.MemberUin, item);
                if (PassThru) foreach (var granted in member.Granted) PostObject(granted, item);
            }
        }
    }
}

using System;
using System.Management.Automation;
using TencentOrg.Services;

namespace TencentOrg
{
    /// <summary>Get-TcOrgMemberAuthIdentity: which identities members hold (DescribeOrganizationMemberAuthIdentities).</summary>
    [Cmdlet(VerbsCommon.Get, "TcOrgMemberAuthIdentity", SupportsPaging = true)]
    [OutputType(typeof(MemberAuthIdentity))]
    public sealed class GetTcOrgMemberAuthIdentityCommand : TcOrgListCmdlet
    {
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Uin")]
        [ValidateUin]
        [ExactInteger]
        public long[]? MemberUin { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1L, long.MaxValue)]
        [ExactInteger]
        [ArgumentCompleter(typeof(IdentityIdCompleter))]
        public long[]? IdentityId { get; set; }

        protected override void ProcessRecord()
        {
            bool anyMember = MemberUin != null && MemberUin.Length > 0;
            bool anyIdentity = IdentityId != null && IdentityId.Length > 0;
            // The API needs at least one filter; say so before sending anything.
            if (!anyMember && !anyIdentity)
            {
                WriteItemError(new ArgumentException("Give -MemberUin, -IdentityId or both."), null);
                return;
            }
            var service = new MemberAuthorizationService(Session, Log);
            foreach (long? member in anyMember ? Array.ConvertAll(MemberUin!, m => (long?)m) : new long?[] { null })
                foreach (long? identity in anyIdentity ? Array.ConvertAll(IdentityId!, i => (long?)i) : new long?[] { null })
                {
                    object target = member != null && identity != null ? new MemberGrant(member.Value, identity.Value) : (object)(member ?? identity)!;
                    List<MemberAuthIdentity>(emit => service.ListAsync(member, identity, emit, CancelToken), null, target);
                }
        }
    }
}

using System.Globalization;
using System.Management.Automation;
using TencentOrg.Services;

namespace TencentOrg
{
    /// <summary>Get-TcOrgMember: member accounts (DescribeOrganizationMembers), by UIN, name (wildcards) or all.</summary>
    [Cmdlet(VerbsCommon.Get, "TcOrgMember", DefaultParameterSetName = NameSet, SupportsPaging = true)]
    [OutputType(typeof(OrgMember))]
    public sealed class GetTcOrgMemberCommand : TcOrgListCmdlet
    {
        private const string NameSet = "Name";
        private const string UinSet = "MemberUin";

        [Parameter(Position = 0, ParameterSetName = NameSet)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[]? Name { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = UinSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Uin", "TargetUin")]
        [ValidateUin]
        [ExactInteger]
        public long[] MemberUin { get; set; } = new long[0];

        /// <summary>Only members of this organizational unit.</summary>
        [Parameter]
        [ValidateRange(1L, long.MaxValue)]
        [ExactInteger]
        public long? NodeId { get; set; }

        protected override void ProcessRecord()
        {
            var service = new DirectoryService(Session, Log);
            if (ParameterSetName == UinSet)
            {
                foreach (var uin in MemberUin)
                {
                    // SearchKey matches a UIN as a substring; keep the exact one.
                    int found = List<OrgMember>(emit => service.ListMembersAsync(uin.ToString(CultureInfo.InvariantCulture), NodeId, emit, CancelToken),
                        member => member.MemberUin == uin, uin);
                    if (found == 0 && !LimitReached)
                        WriteNotFound("The member account " + uin, uin);
                }
                return;
            }
            if (Name == null)
            {
                List<OrgMember>(emit => service.ListMembersAsync(null, NodeId, emit, CancelToken), null, "*");
                return;
            }
            foreach (var name in Name)
            {
                var pattern = WildcardPattern.Get(name, WildcardOptions.IgnoreCase | WildcardOptions.CultureInvariant);
                int found = List<OrgMember>(emit => service.ListMembersAsync(SearchKeyFor(name), NodeId, emit, CancelToken),
                    member => member.Name != null && pattern.IsMatch(member.Name), name);
                if (found == 0 && !LimitReached && !WildcardPattern.ContainsWildcardCharacters(name))
                    WriteNotFound("The member account '" + name + "'", name);
            }
        }
    }
}

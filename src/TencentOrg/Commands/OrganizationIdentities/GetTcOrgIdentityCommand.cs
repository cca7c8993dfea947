using System.Management.Automation;
using TencentOrg.Models;
using TencentOrg.Services;

namespace TencentOrg
{
    /// <summary>Get-TcOrgIdentity: organization identities (ListOrganizationIdentity), by name (wildcards allowed) or ID.</summary>
    [Cmdlet(VerbsCommon.Get, "TcOrgIdentity", DefaultParameterSetName = NameSet, SupportsPaging = true)]
    [OutputType(typeof(OrgIdentity))]
    public sealed class GetTcOrgIdentityCommand : TcOrgListCmdlet
    {
        private const string NameSet = "Name";
        private const string IdSet = "IdentityId";

        [Parameter(Position = 0, ParameterSetName = NameSet)]
        [Alias("IdentityAliasName")]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[]? Name { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = IdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1L, long.MaxValue)]
        [ExactInteger]
        [ArgumentCompleter(typeof(IdentityIdCompleter))]
        public long[] IdentityId { get; set; } = new long[0];

        [Parameter]
        [ValidateSet("Preset", "Custom")]
        [ApiCase("Preset", "Custom")]
        public string? IdentityType { get; set; }

        protected override void ProcessRecord()
        {
            var service = new OrganizationIdentityService(Session, Log);
            long? type = IdentityType == null ? (long?)null : IdentityType == "Preset" ? 1 : 2;
            if (ParameterSetName == IdSet)
            {
                foreach (var id in IdentityId)
                {
                    int found = List<OrgIdentity>(emit => service.ListAsync(new ListOrganizationIdentityRequest { IdentityId = id, IdentityType = type }, emit, CancelToken),
                        identity => identity.IdentityId == id, id);
                    if (found == 0 && !LimitReached)
                        WriteNotFound("The organization identity " + id, id);
                }
                return;
            }
            if (Name == null)
            {
                List<OrgIdentity>(emit => service.ListAsync(new ListOrganizationIdentityRequest { IdentityType = type }, emit, CancelToken), null, "*");
                return;
            }
            foreach (var name in Name)
            {
                var pattern = WildcardPattern.Get(name, WildcardOptions.IgnoreCase | WildcardOptions.CultureInvariant);
                int found = List<OrgIdentity>(emit => service.ListAsync(new ListOrganizationIdentityRequest { SearchKey = SearchKeyFor(name), IdentityType = type }, emit, CancelToken),
                    identity => identity.Name != null && pattern.IsMatch(identity.Name), name);
                // Like Get-Item: a literal name that matches nothing is an error, a pattern that matches nothing is not.
                if (found == 0 && !LimitReached && !WildcardPattern.ContainsWildcardCharacters(name))
                    WriteNotFound("The organization identity '" + name + "'", name);
            }
        }
    }
}

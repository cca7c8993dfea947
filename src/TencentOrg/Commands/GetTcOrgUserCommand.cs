using System.Management.Automation;
using TencentOrg.Models;
using TencentOrg.Services;

namespace TencentOrg
{
    /// <summary>Get-TcOrgUser: CIC users (ListUsers). Output pipes into New-TcRoleAssignment (UserId binds -PrincipalId).</summary>
    [Cmdlet(VerbsCommon.Get, "TcOrgUser", SupportsPaging = true)]
    [OutputType(typeof(OrgUser))]
    public sealed class GetTcOrgUserCommand : TcOrgListCmdlet
    {
        /// <summary>Keyword the service matches against user name, e-mail, user ID and description.</summary>
        [Parameter(Position = 0)]
        [ValidateNotNullOrEmpty]
        public string? Filter { get; set; }

        [Parameter]
        [ValidateSet("Enabled", "Disabled")]
        [ApiCase("Enabled", "Disabled")]
        public string? UserStatus { get; set; }

        [Parameter]
        [ValidateSet("Manual", "Synchronized")]
        [ApiCase("Manual", "Synchronized")]
        public string? UserType { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateZoneId]
        [ArgumentCompleter(typeof(ZoneIdCompleter))]
        public string? ZoneId { get; set; }

        protected override void ProcessRecord()
        {
            string zoneId = ResolveZoneId(ZoneId);
            var service = new DirectoryService(Session, Log);
            var request = new ListUsersRequest { ZoneId = zoneId, Filter = Filter, UserStatus = UserStatus, UserType = UserType };
            List<OrgUser>(emit => service.ListUsersAsync(request, emit, CancelToken), null, (object?)Filter ?? zoneId);
        }
    }
}

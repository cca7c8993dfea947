using System.Management.Automation;
using TencentOrg.Models;
using TencentOrg.Services;

namespace TencentOrg
{
    /// <summary>
    /// Get-TcOrgUser: CIC users (ListUsers), or with -UserId one user each (GetUser). Output pipes into New-TcRoleAssignment
    /// (UserId binds -PrincipalId) and the user and group-member cmdlets.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "TcOrgUser", SupportsPaging = true, DefaultParameterSetName = "List")]
    [OutputType(typeof(OrgUser))]
    public sealed class GetTcOrgUserCommand : TcOrgListCmdlet
    {
        /// <summary>Keyword the service matches against user name, e-mail, user ID and description.</summary>
        [Parameter(Position = 0, ParameterSetName = "List")]
        [ValidateNotNullOrEmpty]
        public string? Filter { get; set; }

        [Parameter(ParameterSetName = "List")]
        [ValidateSet("Enabled", "Disabled")]
        [ApiCase("Enabled", "Disabled")]
        public string? UserStatus { get; set; }

        [Parameter(ParameterSetName = "List")]
        [ValidateSet("Manual", "Synchronized")]
        [ApiCase("Manual", "Synchronized")]
        public string? UserType { get; set; }

        /// <summary>Reads these users by ID (GetUser), one call each; an unknown ID is an error and the rest goes on.</summary>
        [Parameter(Mandatory = true, ParameterSetName = "ById", ValueFromPipelineByPropertyName = true)]
        [ValidateCicUserId]
        public string[] UserId { get; set; } = new string[0];

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateZoneId]
        [ArgumentCompleter(typeof(ZoneIdCompleter))]
        public string? ZoneId { get; set; }

        protected override void ProcessRecord()
        {
            string zoneId = ResolveZoneId(ZoneId);
            if (ParameterSetName == "ById")
            {
                var users = new UserGroupService(Session, Log);
                foreach (var id in UserId) Single(users.GetUserAsync(zoneId, id, CancelToken), id);
                return;
            }
            var service = new DirectoryService(Session, Log);
            var request = new ListUsersRequest { ZoneId = zoneId, Filter = Filter, UserStatus = UserStatus, UserType = UserType };
            List<OrgUser>(emit => service.ListUsersAsync(request, emit, CancelToken), null, (object?)Filter ?? zoneId);
        }
    }
}

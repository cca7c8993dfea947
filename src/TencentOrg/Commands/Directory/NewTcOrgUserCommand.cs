using System;
using System.Collections.Generic;
using System.Management.Automation;
using TencentOrg.Models;

namespace TencentOrg
{
    /// <summary>
    /// New-TcOrgUser: CreateUser for each input (e.g. each row of Import-Csv). The initial password the service generates is
    /// on the output as a SecureString (InitialPassword), and nowhere else.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "TcOrgUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(OrgUser))]
    public sealed class NewTcOrgUserCommand : UserProfileCmdlet
    {
        // Names already sent by this command: a repeat is refused before it is sent (uniqueness is case-insensitive, conservatively).
        private readonly HashSet<string> _names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Name")]
        [ValidateCicUserName]
        public string UserName { get; set; } = "";

        protected override void ProcessRecord()
        {
            if (!_names.Add(UserName))
            {
                WriteItemError(new ArgumentException("User name '" + UserName + "' appears more than once in the input; only the first is created."), UserName);
                return;
            }
            if (!ShouldProcess("User: " + UserName + (string.IsNullOrEmpty(Email) ? "" : "; Email: " + Email), "Create CIC user")) return;
            var request = new CreateUserRequest
            {
                ZoneId = Zone,
                UserName = UserName,
                FirstName = Given(FirstName),
                LastName = Given(LastName),
                DisplayName = Given(DisplayName),
                Description = Given(Description),
                Email = Given(Email),
                UserStatus = Given(UserStatus),
                NeedResetPassword = NeedResetPassword.IsPresent ? true : (bool?)null,
            };
            Queue(ct => Service.CreateUserAsync(request, ct), UserName);
        }
    }
}

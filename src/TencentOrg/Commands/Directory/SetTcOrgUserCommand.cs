using System.Collections.Generic;
using System.Management.Automation;
using TencentOrg.Services;

namespace TencentOrg
{
    /// <summary>
    /// Set-TcOrgUser: UpdateUser for profile attributes, UpdateUserStatus for -UserStatus (enable/disable). Only what differs
    /// from the user as read is sent; a SCIM-synchronized user is refused before any write while SCIM synchronization is on.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "TcOrgUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(OrgUser))]
    public sealed class SetTcOrgUserCommand : UserProfileCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateCicUserId]
        public string UserId { get; set; } = "";

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var changes = new UserChanges
            {
                FirstName = FirstName, LastName = LastName, DisplayName = DisplayName, Description = Description, Email = Email,
                UserStatus = UserStatus,
                NeedResetPassword = MyInvocation.BoundParameters.ContainsKey(nameof(NeedResetPassword)) ? NeedResetPassword.IsPresent : (bool?)null,
            };
            var asked = new List<string>();
            foreach (var (name, value) in new[] { ("FirstName", FirstName), ("LastName", LastName), ("DisplayName", DisplayName), ("Description", Description), ("Email", Email), ("UserStatus", UserStatus) })
                if (value != null) asked.Add(name + " '" + value + "'");
            if (changes.NeedResetPassword != null) asked.Add("NeedResetPassword " + changes.NeedResetPassword);
            if (asked.Count == 0)
            {
                WriteItemError(new System.ArgumentException("Nothing to change on user " + UserId + ": give an attribute, -UserStatus or -NeedResetPassword."), UserId);
                return;
            }
            if (!ShouldProcess("CIC user " + UserId, "Set " + string.Join(", ", asked))) return;
            // Captured now: the parameters are bound again for the next input while this one is still in flight.
            string zone = Zone, userId = UserId;
            Queue(ct => Service.UpdateUserAsync(zone, userId, changes, ct), userId, PassThru.IsPresent);
        }
    }
}

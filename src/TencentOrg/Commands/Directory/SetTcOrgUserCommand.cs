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
    public sealed class SetTcOrgUserCommand : UserGroupCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateCicUserId]
        public string UserId { get; set; } = "";

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateLength(0, Patterns.MaxCicPersonNameLength)]
        [ValidatePattern(Patterns.CicText)]
        public string? FirstName { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateLength(0, Patterns.MaxCicPersonNameLength)]
        [ValidatePattern(Patterns.CicText)]
        public string? LastName { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateLength(0, Patterns.MaxCicDisplayNameLength)]
        [ValidatePattern(Patterns.CicText)]
        public string? DisplayName { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateLength(0, Patterns.MaxDescriptionLength)]
        [ValidatePattern(Patterns.CicText)]
        public string? Description { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateLength(0, Patterns.MaxCicEmailLength)]
        [ValidatePattern(Patterns.CicEmail)]
        public string? Email { get; set; }

        /// <summary>Enabled or Disabled: enables or disables the user's sign-in.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateSet("Enabled", "Disabled")]
        [ApiCase("Enabled", "Disabled")]
        public string? UserStatus { get; set; }

        /// <summary>-NeedResetPassword forces a password change at the next sign-in; -NeedResetPassword:$false lifts it.</summary>
        [Parameter]
        public SwitchParameter NeedResetPassword { get; set; }

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

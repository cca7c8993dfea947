using System.Management.Automation;

namespace TencentOrg
{
    /// <summary>
    /// Base of New-TcOrgUser and Set-TcOrgUser: the user's profile parameters, declared once with their checks. Each
    /// cmdlet declares its own key (-UserName, -UserId) and decides what an absent or empty value means.
    /// </summary>
    public abstract class UserProfileCmdlet : UserGroupCmdlet
    {
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

        /// <summary>The user must change the password at the next sign-in (Set-TcOrgUser: -NeedResetPassword:$false lifts it).</summary>
        [Parameter]
        public SwitchParameter NeedResetPassword { get; set; }
    }
}

using System.Management.Automation;

namespace TencentOrg
{
    /// <summary>
    /// Remove-TcOrgUser: DeleteUser. Nothing cascades: the service refuses a user still in a group, named in a role assignment
    /// or with a CAM user synchronization; a SCIM-synchronized user is refused before the write while SCIM is on.
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "TcOrgUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveTcOrgUserCommand : UserGroupCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateCicUserId]
        public string[] UserId { get; set; } = new string[0];

        /// <summary>The name a piped user carries, so -WhatIf and the prompt name it without a read.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true, DontShow = true)]
        public string? UserName { get; set; }

        /// <summary>Deletes without asking for confirmation.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var id in UserId)
            {
                string label = "CIC user " + id + (UserId.Length == 1 && !string.IsNullOrEmpty(UserName) ? " (" + UserName + ")" : "");
                if (!ShouldProcess(label, "Delete", Force)) continue;
                string zone = Zone;
                Queue(ct => Service.DeleteUserAsync(zone, id, ct), id, emit: false);
            }
        }
    }
}

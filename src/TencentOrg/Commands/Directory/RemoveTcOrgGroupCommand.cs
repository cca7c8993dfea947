using System.Management.Automation;

namespace TencentOrg
{
    /// <summary>
    /// Remove-TcOrgGroup: DeleteGroup. Nothing cascades: a group with members, role assignments or CAM user synchronizations is
    /// refused by the service (remove the members first: Get-TcOrgGroupMember | Remove-TcOrgGroupMember).
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "TcOrgGroup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveTcOrgGroupCommand : UserGroupCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateCicGroupId]
        public string[] GroupId { get; set; } = new string[0];

        /// <summary>The name a piped group carries, so -WhatIf and the prompt name it without a read.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true, DontShow = true)]
        public string? GroupName { get; set; }

        /// <summary>Deletes without asking for confirmation.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var id in GroupId)
            {
                string label = "CIC group " + id + (GroupId.Length == 1 && !string.IsNullOrEmpty(GroupName) ? " (" + GroupName + ")" : "");
                if (!ShouldProcess(label, "Delete", Force)) continue;
                string zone = Zone;
                Queue(ct => Service.DeleteGroupAsync(zone, id, ct), id, emit: false);
            }
        }
    }
}

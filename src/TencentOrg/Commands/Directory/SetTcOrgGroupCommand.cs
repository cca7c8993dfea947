using System.Management.Automation;

namespace TencentOrg
{
    /// <summary>Set-TcOrgGroup: UpdateGroup (rename, description); only what differs is sent.</summary>
    [Cmdlet(VerbsCommon.Set, "TcOrgGroup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(OrgGroup))]
    public sealed class SetTcOrgGroupCommand : UserGroupCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateCicGroupId]
        public string GroupId { get; set; } = "";

        /// <summary>The new group name (a rename keeps the GroupId).</summary>
        [Parameter]
        [Alias("NewGroupName")]
        [ValidateCicGroupName]
        public string? NewName { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateLength(0, Patterns.MaxDescriptionLength)]
        [ValidatePattern(Patterns.CicText)]
        public string? Description { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            if (NewName == null && Description == null)
            {
                WriteItemError(new System.ArgumentException("Nothing to change on group " + GroupId + ": give -NewName, -Description or both."), GroupId);
                return;
            }
            string change = (NewName != null ? "Rename to '" + NewName + "'" : "") + (NewName != null && Description != null ? ", " : "")
                + (Description != null ? "Set description '" + Description + "'" : "");
            if (!ShouldProcess("CIC group " + GroupId, change)) return;
            // Captured now: the parameters are bound again for the next input while this one is still in flight.
            string zone = Zone, groupId = GroupId;
            string? newName = NewName, description = Description;
            Queue(ct => Service.UpdateGroupAsync(zone, groupId, newName, description, ct), groupId, PassThru.IsPresent);
        }
    }
}

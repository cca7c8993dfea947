using System;
using System.Collections.Generic;
using System.Management.Automation;
using TencentOrg.Models;

namespace TencentOrg
{
    /// <summary>New-TcOrgGroup: CreateGroup for each input. The name is checked before any request (letters, digits, hyphens).</summary>
    [Cmdlet(VerbsCommon.New, "TcOrgGroup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(OrgGroup))]
    public sealed class NewTcOrgGroupCommand : UserGroupCmdlet
    {
        private readonly HashSet<string> _names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("GroupName")]
        [ValidateCicGroupName]
        public string Name { get; set; } = "";

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateLength(0, Patterns.MaxDescriptionLength)]
        [ValidatePattern(Patterns.CicText)]
        public string? Description { get; set; }

        protected override void ProcessRecord()
        {
            if (!_names.Add(Name))
            {
                WriteItemError(new ArgumentException("Group name '" + Name + "' appears more than once in the input; only the first is created."), Name);
                return;
            }
            if (!ShouldProcess("Group: " + Name, "Create CIC group")) return;
            var request = new CreateGroupRequest { ZoneId = Zone, GroupName = Name, Description = Given(Description) };
            Queue(ct => Service.CreateGroupAsync(request, ct), Name);
        }
    }
}

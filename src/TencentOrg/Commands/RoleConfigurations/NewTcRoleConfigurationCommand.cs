using System.Management.Automation;
using TencentOrg.Models;
using TencentOrg.Services;

namespace TencentOrg
{
    /// <summary>New-TcRoleConfiguration: CreateRoleConfiguration (an empty permission configuration; attach policies with Add-TcRoleConfigurationPolicy).</summary>
    [Cmdlet(VerbsCommon.New, "TcRoleConfiguration", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(RoleConfiguration))]
    public sealed class NewTcRoleConfigurationCommand : RoleConfigurationCmdlet
    {
        /// <summary>1-128 English letters, digits and hyphens; unique in the zone; cannot be changed later.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("RoleConfigurationName")]
        public string Name { get; set; } = "";

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? Description { get; set; }

        /// <summary>Maximum session length in seconds, 900-43200 (the service's default is 3600).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ExactInteger]
        public long? SessionDuration { get; set; }

        /// <summary>The console page opened after sign-in (https://console.cloud.tencent.com/...).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? RelayState { get; set; }

        protected override void ProcessRecord()
        {
            string? problem = RoleConfigurationRules.NameProblem(Name) ?? RoleConfigurationRules.DescriptionProblem(Description)
                ?? RoleConfigurationRules.SessionDurationProblem(SessionDuration) ?? RoleConfigurationRules.RelayStateProblem(RelayState);
            if (Refused(problem, Name)) return;
            if (!ShouldProcess("Permission configuration '" + Name + "'", "Create")) return;
            var outcome = Await(Service.CreateAsync(new CreateRoleConfigurationRequest
            {
                ZoneId = Zone,
                RoleConfigurationName = Name,
                Description = string.IsNullOrEmpty(Description) ? null : Description,
                SessionDuration = SessionDuration,
                RelayState = string.IsNullOrEmpty(RelayState) ? null : RelayState,
            }, CancelToken));
            if (outcome.Succeeded) WriteObject(outcome.Result);
            else WriteItemError(outcome.Error!, Name);
        }
    }
}

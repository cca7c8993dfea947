using System.Management.Automation;
using TencentOrg.Models;
using TencentOrg.Services;

namespace TencentOrg
{
    /// <summary>Set-TcRoleConfiguration: UpdateRoleConfiguration (description, session duration, relay state; the name cannot change).</summary>
    [Cmdlet(VerbsCommon.Set, "TcRoleConfiguration", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(RoleConfiguration))]
    public sealed class SetTcRoleConfigurationCommand : RoleConfigurationCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateRoleConfigurationId]
        [ArgumentCompleter(typeof(RoleConfigurationIdCompleter))]
        public string RoleConfigurationId { get; set; } = "";

        [Parameter]
        public string? Description { get; set; }

        /// <summary>Maximum session length in seconds, 900-43200.</summary>
        [Parameter]
        [ExactInteger]
        public long? SessionDuration { get; set; }

        [Parameter]
        public string? RelayState { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            string? problem = Description == null && SessionDuration == null && RelayState == null
                ? "Give -Description, -SessionDuration or -RelayState: there is nothing to change on " + RoleConfigurationId + "."
                // Whether an empty value clears the setting is UNCONFIRMED (CIC spec §13.3): it is refused, not guessed.
                : Description == "" || RelayState == "" ? "An empty -Description or -RelayState is not sent: whether it clears the setting is not documented."
                : RoleConfigurationRules.DescriptionProblem(Description) ?? RoleConfigurationRules.SessionDurationProblem(SessionDuration)
                  ?? RoleConfigurationRules.RelayStateProblem(RelayState);
            if (Refused(problem, RoleConfigurationId)) return;
            if (!ShouldProcess("Permission configuration " + RoleConfigurationId, "Update")) return;
            var outcome = Await(Service.UpdateAsync(new UpdateRoleConfigurationRequest
            {
                ZoneId = Zone,
                RoleConfigurationId = RoleConfigurationId,
                NewDescription = Description,
                NewSessionDuration = SessionDuration,
                NewRelayState = RelayState,
            }, CancelToken, readFirst: true));
            if (!outcome.Succeeded) WriteItemError(outcome.Error!, RoleConfigurationId);
            else if (PassThru) WriteObject(outcome.Result);
        }
    }
}

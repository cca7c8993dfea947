using System.Management.Automation;

namespace TencentOrg
{
    /// <summary>
    /// Compare-TcOrgConfiguration: one plan item per difference between a desired-state file and the organization.
    /// Reads with listings only and sends no write.
    /// </summary>
    [Cmdlet(VerbsData.Compare, "TcOrgConfiguration")]
    [OutputType(typeof(ConfigurationPlanItem))]
    public sealed class CompareTcOrgConfigurationCommand : ConfigurationCmdlet
    {
        /// <summary>The desired-state JSON file (docs/configuration-schema.json).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("FullName")]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = "";

        protected override void ProcessRecord()
        {
            var desired = Configuration.ReadDesired(Path);
            var comparison = Configuration.AwaitReads(Configuration.Service.CompareAsync(desired, Configuration.Zone, CancelToken), Path);
            foreach (var warning in comparison.Warnings) WriteWarning(warning);
            foreach (var item in comparison.Plan) WriteObject(item);
        }
    }
}

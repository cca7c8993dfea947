using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace TencentOrg
{
    /// <summary>
    /// Sync-TcOrgConfiguration: makes the organization match a desired-state file. Adds and changes are sent through
    /// the batched services; removals only with -Prune. Emits every plan item with its outcome.
    /// </summary>
    [Cmdlet(VerbsData.Sync, "TcOrgConfiguration", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(ConfigurationPlanItem))]
    public sealed class SyncTcOrgConfigurationCommand : TcOrgWaitingCmdlet
    {
        private ConfigurationSupport? _configuration;

        /// <summary>The desired-state JSON file (docs/configuration-schema.json).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("FullName")]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = "";

        /// <summary>Also remove what the organization has and the file does not, inside the file's PruneScope (required for -Prune).</summary>
        [Parameter]
        public SwitchParameter Prune { get; set; }

        /// <summary>With -Prune: a plan removing more items than this stops before any write.</summary>
        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public int MaxRemove { get; set; } = SyncGate.DefaultMaxRemove;

        /// <summary>The CIC zone of the role assignments; by default the session's (DescribeIdentityCenter, asked once).</summary>
        [Parameter]
        [ValidateZoneId]
        [ArgumentCompleter(typeof(ZoneIdCompleter))]
        public string? ZoneId { get; set; }

        /// <summary>Applies without asking for each change (removals with -Prune included); -WhatIf still only describes.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        private ConfigurationSupport Configuration => _configuration ??= new ConfigurationSupport(this, () => ZoneId);

        protected override void ProcessRecord()
        {
            var desired = Configuration.ReadDesired(Path);
            if (Prune && desired.PruneScope == null) ThrowTerminatingError(SyncGate.NoPruneScope(Path));
            var comparison = Configuration.AwaitReads(Configuration.Service.CompareAsync(desired, Configuration.Zone, CancelToken), Path);
            foreach (var warning in comparison.Warnings) WriteWarning(warning);
            if (comparison.OutsideScope > 0) WriteVerbose(comparison.OutsideScope + " removal(s) outside the file's PruneScope are not planned.");
            int removes = comparison.Plan.Count(i => i.Action == ConfigurationAction.Remove);
            if (Prune && removes > MaxRemove) ThrowTerminatingError(SyncGate.TooManyRemovals(Path, removes, MaxRemove));

            var approved = new List<ConfigurationPlanItem>();
            foreach (var item in comparison.Plan.Where(i => Prune || i.Action != ConfigurationAction.Remove))
            {
                string operation = "Performing the operation \"" + SyncGate.Describe(item) + "\" on target \"" + item.Key + "\".";
                ShouldProcessReason reason = ShouldProcessReason.None;
                if (SkipsConfirmation(Force) || ShouldProcess(operation, "Are you sure you want to perform this action?\n" + operation, "Confirm", out reason))
                {
                    approved.Add(item);
                    continue;
                }
                item.Outcome = reason == ShouldProcessReason.WhatIf ? ConfigurationOutcome.WhatIf : ConfigurationOutcome.Declined;
                WriteObject(item);
            }
            if (!Prune && removes > 0) WriteWarning(SyncGate.NotPruned(removes));
            if (approved.Count == 0) return;
            var progress = new ItemProgress(this, "Syncing the organization with " + Path, approved.Count, "change(s)");
            // -ErrorAction Stop: the first failure closes the gate, and the command returns only when nothing is in flight.
            AwaitToEnd(Configuration.Service.ApplyAsync(approved, Wait, TimeSpan.FromSeconds(TimeoutSec), Configuration.Zone, (item, error) =>
            {
                PostObject(item);
                if (error != null) PostError(error, item);
                progress.OneDone();
            }, CancelToken, Gate));
            progress.Complete();
        }
    }
}

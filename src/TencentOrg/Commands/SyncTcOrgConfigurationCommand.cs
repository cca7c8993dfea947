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
    public sealed class SyncTcOrgConfigurationCommand : ConfigurationCmdlet
    {
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

        /// <summary>Wait for the role assignment tasks; a Failed task makes its item Failed with the task's reason.</summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        [Parameter]
        [Alias("TimeoutSeconds")]
        [ValidateRange(1, TcOrgTimeoutCmdlet.MaxTimeoutSec)]
        public int TimeoutSec { get; set; } = TcOrgTimeoutCmdlet.DefaultTimeoutSec;

        /// <summary>Applies without asking for each change (removals with -Prune included); -WhatIf still only describes.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            var desired = ReadDesired(Path);
            if (Prune && desired.PruneScope == null) ThrowTerminatingError(SyncGate.NoPruneScope(Path));
            var comparison = AwaitReads(Service.CompareAsync(desired, Zone, CancelToken), Path);
            foreach (var warning in comparison.Warnings) WriteWarning(warning);
            if (comparison.OutsideScope > 0) WriteVerbose(comparison.OutsideScope + " removal(s) outside the file's PruneScope are not planned.");
            int removes = comparison.Plan.Count(i => i.Action == ConfigurationAction.Remove);
            if (Prune && removes > MaxRemove) ThrowTerminatingError(SyncGate.TooManyRemovals(Path, removes, MaxRemove));

            var approved = new List<ConfigurationPlanItem>();
            foreach (var item in comparison.Plan.Where(i => Prune || i.Action != ConfigurationAction.Remove))
            {
                string operation = "Performing the operation \"" + Describe(item) + "\" on target \"" + item.Key + "\".";
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
            var progress = new ProgressRecord(1, "Syncing the organization with " + Path, "Applying " + approved.Count + " change(s)");
            int reported = 0, step = Math.Max(1, approved.Count / 100);
            // -ErrorAction Stop: the first failure closes the gate, and the command returns only when nothing is in flight.
            var gate = Gate;
            AwaitToEnd(Service.ApplyAsync(approved, Wait, TimeSpan.FromSeconds(TimeoutSec), Zone, (item, error) =>
            {
                PostObject(item);
                if (error != null) PostError(error, item);
                // Items are reported one at a time, in order: the count needs no lock.
                int done = ++reported;
                if (done % step == 0 || done == approved.Count)
                    Post(() =>
                    {
                        progress.PercentComplete = done * 100 / approved.Count;
                        progress.StatusDescription = done + " of " + approved.Count + " change(s) applied";
                        WriteProgress(progress);
                    });
            }, CancelToken, gate));
            progress.RecordType = ProgressRecordType.Completed;
            WriteProgress(progress);
        }

        private static string Describe(ConfigurationPlanItem item)
        {
            string what = item.Kind switch
            {
                ConfigurationKind.Identity => "organization identity",
                ConfigurationKind.MemberAuthIdentity => "member authorization",
                ConfigurationKind.User => "CIC user",
                ConfigurationKind.Group => "CIC group",
                ConfigurationKind.GroupMember => "group membership",
                ConfigurationKind.RoleConfiguration => "permission configuration",
                ConfigurationKind.RolePolicy => "permission configuration policy",
                ConfigurationKind.Redeployment => "re-deployment of a permission configuration",
                _ => "role assignment",
            };
            return item.Action + " " + what + (item.Difference != null ? " (" + item.Difference + ")" : "");
        }
    }
}

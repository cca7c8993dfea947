using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using TencentOrg.Services;

namespace TencentOrg
{
    /// <summary>Base of the cmdlets that follow CIC tasks: the one -TimeoutSec (Wait-TcOrgTask).</summary>
    public abstract class TcOrgTimeoutCmdlet : TcOrgCmdlet
    {
        internal const int DefaultTimeoutSec = 600;
        internal const int MaxTimeoutSec = 86400;

        /// <summary>How long to follow the tasks, in seconds; a task still running then is an error naming it.</summary>
        [Parameter]
        [Alias("TimeoutSeconds")]
        [ValidateRange(1, MaxTimeoutSec)]
        public int TimeoutSec { get; set; } = DefaultTimeoutSec;
    }

    /// <summary>Base of the cmdlets that start CIC tasks and may wait for them: the one -Wait / -TimeoutSec pair.</summary>
    public abstract class TcOrgWaitingCmdlet : TcOrgTimeoutCmdlet
    {
        /// <summary>Wait for each task to finish; a Failed task becomes an error carrying its FailureReason.</summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        /// <summary>
        /// The CIC tasks a batch started, each in its item's place in the output: a failure is an error naming its input, a
        /// started task is output, or with -Wait followed (<see cref="TcOrgCmdlet.WaitOrHoldAsync"/>). Outcomes find their item
        /// by reference to their input: the service may report them in another order (isolation, reconciliation).
        /// </summary>
        internal async Task PostTasksAsync<TInput>(string zoneId, IReadOnlyList<TInput> batch, IEnumerable<ItemOutcome<TInput, RoleTask>> outcomes,
            CancellationToken ct) where TInput : class
        {
            var started = new List<RoleTask>();
            var startedItems = new List<int>();
            foreach (var outcome in outcomes)
            {
                int item = IndexOf(batch, outcome.Input);
                if (!outcome.Succeeded) PostError(outcome.Error!, outcome.Input, item);
                else if (Wait)
                {
                    started.Add(outcome.Result!);
                    startedItems.Add(item);
                }
                else PostObject(outcome.Result!, item);
            }
            if (started.Count == 0) return;
            await WaitOrHoldAsync(zoneId, started, TimeoutSec, ct, startedItems).ConfigureAwait(false);
        }

        private static int IndexOf<TInput>(IReadOnlyList<TInput> batch, TInput input) where TInput : class
        {
            for (int i = 0; i < batch.Count; i++) if (ReferenceEquals(batch[i], input)) return i;
            return 0;
        }
    }
}

using System.Management.Automation;

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
    }
}

using System;
using System.Management.Automation;

namespace TencentOrg
{
    /// <summary>A progress bar over a known number of items, reported from the items' callbacks (one at a time, in order).</summary>
    internal sealed class ItemProgress
    {
        private readonly TcOrgCmdlet _cmdlet;
        private readonly ProgressRecord _record;
        private readonly int _total;
        private readonly int _step;
        private readonly string _unit;
        private int _done;

        public ItemProgress(TcOrgCmdlet cmdlet, string activity, int total, string unit)
        {
            _cmdlet = cmdlet;
            _total = total;
            _unit = unit;
            _step = Math.Max(1, total / 100);
            _record = new ProgressRecord(1, activity, "Applying " + total + " " + unit);
        }

        /// <summary>Counts one item; about every hundredth one updates the bar on the pipeline thread (callbacks come in order: no lock).</summary>
        public void OneDone()
        {
            int done = ++_done;
            if (done % _step != 0 && done != _total) return;
            _cmdlet.Post(() =>
            {
                _record.PercentComplete = done * 100 / _total;
                _record.StatusDescription = done + " of " + _total + " " + _unit + " applied";
                _cmdlet.WriteProgress(_record);
            });
        }

        public void Complete()
        {
            _record.RecordType = ProgressRecordType.Completed;
            _cmdlet.WriteProgress(_record);
        }
    }
}

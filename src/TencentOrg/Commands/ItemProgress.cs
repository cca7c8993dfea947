using System;
using System.Management.Automation;

namespace TencentOrg
{
    /// <summary>A progress bar over a known number of items, reported from the items' callbacks (one at a time, in order).</summary>
    internal sealed class ItemProgress
    {
        private readonly TcOrgCmdlet _cmdlet;
        private readonly string _activity;
        private readonly int _total;
        private readonly int _step;
        private readonly string _unit;
        private int _done;

        public ItemProgress(TcOrgCmdlet cmdlet, string activity, int total, string unit)
        {
            _cmdlet = cmdlet;
            _activity = activity;
            _total = total;
            _unit = unit;
            _step = Math.Max(1, total / 100);
        }

        /// <summary>Counts one item; about every hundredth one updates the bar on the pipeline thread (callbacks come in order: no lock).</summary>
        public void OneDone()
        {
            int done = ++_done;
            if (done % _step != 0 && done != _total) return;
            // A new record each time: hosts may keep the records they are given.
            var record = new ProgressRecord(1, _activity, done + " of " + _total + " " + _unit + " applied") { PercentComplete = done * 100 / _total };
            _cmdlet.Post(() => _cmdlet.WriteProgress(record));
        }

        public void Complete() =>
            _cmdlet.WriteProgress(new ProgressRecord(1, _activity, _done + " of " + _total + " " + _unit + " applied") { RecordType = ProgressRecordType.Completed });
    }
}

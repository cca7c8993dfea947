using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using TencentOrg.Api;
using TencentOrg.Services;

namespace TencentOrg
{
    /// <summary>
    /// Base of every TencentOrg cmdlet. Service calls run asynchronously; anything they report
    /// (objects, errors, verbose, warnings, progress) is queued and written on the pipeline thread,
    /// the only thread PowerShell lets write. Ctrl+C cancels the shared token.
    /// </summary>
    public abstract class TcOrgCmdlet : PSCmdlet
    {
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private readonly BlockingCollection<Action> _pending = new BlockingCollection<Action>();
        private OrgSession? _session;
        private CmdletLog? _log;

        protected CancellationToken CancelToken => _stop.Token;

        internal IOrgLog Log => _log ??= new CmdletLog(this);

        /// <summary>The Connect-TcOrg session of this runspace, else one resolved from the environment.</summary>
        internal OrgSession Session
        {
            get
            {
                if (_session != null) return _session;
                try
                {
                    return _session = SessionStore.CurrentOrImplicit(this);
                }
                catch (Exception ex) when (ex is OrgCredentialNotFoundException || ex is ArgumentException || ex is System.IO.InvalidDataException)
                {
                    // No usable credential or endpoint: stop before any request is sent.
                    ThrowCommandError(ex);
                    throw;
                }
            }
        }

        protected override void StopProcessing() => _stop.Cancel();

        /// <summary>The zone for this command; no zone (CIC not enabled, no access) ends the command.</summary>
        internal string ResolveZoneId(string? explicitZoneId)
        {
            try
            {
                return Await(ZoneIdAsync(explicitZoneId));
            }
            catch (OrgException ex)
            {
                ThrowCommandError(ex);
                throw;
            }
        }

        /// <summary>-ZoneId when given, else the session's zone (DescribeIdentityCenter, asked once).</summary>
        internal Task<string> ZoneIdAsync(string? explicitZoneId) =>
            !string.IsNullOrEmpty(explicitZoneId) ? Task.FromResult(explicitZoneId!) : Session.GetZoneIdAsync(Log, CancelToken);

        /// <summary>Queue work for the pipeline thread; safe from any thread.</summary>
        internal void Post(Action action)
        {
            try { _pending.Add(action); }
            catch (InvalidOperationException) { /* cmdlet finished; nothing left to write to */ }
        }

        internal void PostObject(object value) => Post(() => WriteObject(value));

        internal void PostError(Exception error, object? target) => Post(() => WriteError(ErrorMapping.ToErrorRecord(error, target)));

        /// <summary>Write whatever background work has queued so far, without blocking.</summary>
        internal void Drain()
        {
            while (_pending.TryTake(out var action)) Invoke(action);
        }

        // A write that throws (-ErrorAction Stop, a stopped pipeline) ends the command: cancel the work still in flight.
        private void Invoke(Action action)
        {
            try
            {
                action();
            }
            catch (Exception)
            {
                _stop.Cancel();
                throw;
            }
        }

        /// <summary>Block the pipeline thread until the task ends, writing queued output meanwhile.</summary>
        internal void Await(Task task)
        {
            if (!task.IsCompleted)
            {
                task.ContinueWith(_ => _pending.Add(() => { }), TaskScheduler.Default);
                while (!task.IsCompleted)
                {
                    Invoke(_pending.Take());
                }
            }
            Drain();
            try
            {
                task.GetAwaiter().GetResult();
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
        }

        internal T Await<T>(Task<T> task)
        {
            Await((Task)task);
            return task.Result;
        }

        /// <summary>Wait until at least one of the tasks ends, writing queued output meanwhile.</summary>
        internal void AwaitAny(IReadOnlyCollection<Task> tasks)
        {
            if (tasks.Count == 0) return;
            var any = Task.WhenAny(tasks);
            Await(any);
        }

        /// <summary>A finished task is output; a failed or timed-out one an error naming it.</summary>
        internal void PostOutcome(ItemOutcome<RoleTask, RoleTask> outcome)
        {
            if (outcome.Succeeded) PostObject(outcome.Result!);
            else PostError(outcome.Error!, outcome.Input);
        }

        /// <summary>-Wait: poll the tasks with backoff and write each as it finishes.</summary>
        internal Task WaitAndPostAsync(string zoneId, IReadOnlyList<RoleTask> tasks, int timeoutSeconds, CancellationToken ct) =>
            new TaskService(Session, Log).WaitAsync(zoneId, tasks, TimeSpan.FromSeconds(timeoutSeconds), PostOutcome, null, ct);

        /// <summary>Turn a failure into a non-terminating error for one input; other inputs go on.</summary>
        internal void WriteItemError(Exception error, object? target) => WriteError(ErrorMapping.ToErrorRecord(error, target));

        /// <summary>Errors that concern the whole command (no credential, bad endpoint) end it.</summary>
        internal void ThrowCommandError(Exception error, object? target = null) => ThrowTerminatingError(ErrorMapping.ToErrorRecord(error, target));

        private sealed class CmdletLog : IOrgLog
        {
            private readonly TcOrgCmdlet _owner;
            public CmdletLog(TcOrgCmdlet owner) { _owner = owner; }
            public void Verbose(string message) => _owner.Post(() => _owner.WriteVerbose(message));
            public void Debug(string message) => _owner.Post(() => _owner.WriteDebug(message));
            public void Warning(string message) => _owner.Post(() => _owner.WriteWarning(message));
        }
    }
}

using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
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
        private readonly OrderedOutput _ordered = new OrderedOutput();
        private readonly List<BatchRun> _running = new List<BatchRun>();
        private readonly List<IQueuedWork> _queues = new List<IQueuedWork>();
        private readonly List<(string ZoneId, RoleTask Task, long Slot)> _heldTasks = new List<(string, RoleTask, long)>();
        private OrgSession? _session;
        private CmdletLog? _log;
        private SendGate? _gate;
        private bool _stopping;
        private int _dropped;

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
                catch (Exception ex) when (IsNoSession(ex))
                {
                    // No usable credential or endpoint: stop before any request is sent.
                    ThrowCommandError(ex);
                    throw;
                }
            }
        }

        /// <summary>No usable credential or endpoint: what resolving a session throws before any request.</summary>
        internal static bool IsNoSession(Exception ex) =>
            ex is OrgCredentialNotFoundException || ex is ArgumentException || ex is System.IO.InvalidDataException;

        protected override void StopProcessing() => _stop.Cancel();

        // PowerShell turns -Debug into Inquire for verbose records (and, before 7.4, for debug records too): a prompt
        // at every line, and "Read and Prompt functionality is not available" under -NonInteractive. -Debug here
        // means "show the trace"; the engine's own Write-Verbose/Write-Debug pass overrideInquire for this, so do we.
        private static readonly MethodInfo? VerboseOverridingInquire = RuntimeMethod("WriteVerbose", typeof(VerboseRecord));
        private static readonly MethodInfo? DebugOverridingInquire = RuntimeMethod("WriteDebug", typeof(DebugRecord));

        private static MethodInfo? RuntimeMethod(string name, Type record) =>
            typeof(PSCmdlet).Assembly.GetType("System.Management.Automation.MshCommandRuntime")?
                .GetMethod(name, BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic, null, new[] { record, typeof(bool) }, null);

        /// <summary>True when -Debug was given: its Inquire is PowerShell's default, not the user's choice, so it must not prompt.</summary>
        private bool DebugSwitchGiven =>
            MyInvocation.BoundParameters.TryGetValue("Debug", out var debug) && LanguagePrimitives.IsTrue(debug);

        /// <summary>WriteVerbose that never prompts because of -Debug (see <see cref="DebugOverridingInquire"/>).</summary>
        public new void WriteVerbose(string text)
        {
            if (!WriteOverridingInquire(VerboseOverridingInquire, new VerboseRecord(text))) base.WriteVerbose(text);
        }

        /// <summary>WriteDebug that never prompts because of -Debug; an explicit $DebugPreference = 'Inquire' still prompts.</summary>
        public new void WriteDebug(string text)
        {
            if (!WriteOverridingInquire(DebugOverridingInquire, new DebugRecord(text))) base.WriteDebug(text);
        }

        private bool WriteOverridingInquire(MethodInfo? method, object record)
        {
            if (method == null || !DebugSwitchGiven || !method.DeclaringType!.IsInstanceOfType(CommandRuntime)) return false;
            try
            {
                method.Invoke(CommandRuntime, new[] { record, true });
                return true;
            }
            catch (TargetInvocationException ex) when (ex.InnerException != null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
                throw;
            }
        }

        /// <summary>True when this command only says what it would do: -WhatIf, or $WhatIfPreference without -WhatIf:$false.</summary>
        internal bool WhatIfInEffect =>
            MyInvocation.BoundParameters.TryGetValue("WhatIf", out var whatIf)
                ? LanguagePrimitives.IsTrue(whatIf)
                : LanguagePrimitives.IsTrue(SessionState.PSVariable.GetValue("WhatIfPreference"));

        /// <summary>
        /// ShouldProcess for a high-impact command with -Force, as PowerShell's guidance has it: -Force skips the confirmation
        /// (ConfirmImpact High asks under the default $ConfirmPreference), -WhatIf still only describes, and an explicit
        /// -Confirm still asks.
        /// </summary>
        internal bool ShouldProcess(string target, string action, bool force) => SkipsConfirmation(force) || ShouldProcess(target, action);

        /// <summary>-Force given, and neither -WhatIf nor an explicit -Confirm in effect: no question to ask.</summary>
        internal bool SkipsConfirmation(bool force) => force && !WhatIfInEffect && !MyInvocation.BoundParameters.ContainsKey("Confirm");

        /// <summary>
        /// Whether a ConfirmImpact High command with -Force will show a confirmation prompt: an explicit -Confirm, else the
        /// $ConfirmPreference (High by default) unless -Force; never under -WhatIf (which only describes).
        /// </summary>
        internal bool WillConfirm(bool force)
        {
            if (WhatIfInEffect) return false;
            if (MyInvocation.BoundParameters.TryGetValue("Confirm", out var confirm)) return ((SwitchParameter)confirm).IsPresent;
            if (force) return false;
            var preference = SessionState.PSVariable.GetValue("ConfirmPreference");
            if (preference is PSObject wrapped) preference = wrapped.BaseObject;
            return !(preference is ConfirmImpact level) || (level != ConfirmImpact.None && level <= ConfirmImpact.High);
        }

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

        /// <summary>
        /// Output of an item: inside a batch it is held until every earlier item's output is written (input
        /// order), <paramref name="item"/> being the item's index in its batch; elsewhere it is written as it comes.
        /// </summary>
        internal void PostObject(object value, int item = 0)
        {
            if (BatchRun.Current is { } run && run.Owner == this) _ordered.Add(run.Slot(item), OutputEntry.Object(value));
            else Post(() => Guarded(() => WriteObject(value)));
        }

        /// <summary>An item's error, ordered like <see cref="PostObject"/>; under -ErrorAction Stop it stops further sends.</summary>
        internal void PostError(Exception error, object? target, int item = 0)
        {
            _gate?.ItemFailed();
            var record = ErrorMapping.ToErrorRecord(error, target);
            if (BatchRun.Current is { } run && run.Owner == this) _ordered.Add(run.Slot(item), OutputEntry.Error(record));
            else Post(() => Guarded(() => WriteError(record), writesError: true));
        }

        /// <summary>Write whatever background work has queued so far, without blocking.</summary>
        internal void Drain()
        {
            while (_pending.TryTake(out var action)) Invoke(action);
            Release();
        }

        // Queued work writes through Guarded itself; whatever else it throws ends the command and its work in flight.
        private void Invoke(Action action)
        {
            try
            {
                action();
            }
            catch (Exception)
            {
                if (!_stopping) _stop.Cancel();
                throw;
            }
        }

        private void Guarded(Action write, bool writesError = false)
        {
            try
            {
                write();
            }
            catch (Exception error)
            {
                OnWriteFailed(error, writesError);
                throw;
            }
        }

        /// <summary>
        /// -ErrorAction Stop (or Inquire answered Halt) raised an error: send nothing more, drop what is queued,
        /// let the batches already sent finish and report them (their errors as warnings), then let the error end
        /// the command. A stopped pipeline (Ctrl+C, Select-Object -First) cancels everything instead.
        /// </summary>
        private void OnWriteFailed(Exception error, bool writesError)
        {
            // WriteError under Stop records the ActionPreferenceStopException and throws PipelineStoppedException,
            // the same type as a real stop; only a real stop (Ctrl+C, Select-Object -First) sets Stopping.
            bool stopOnError = writesError ? !Stopping : !(error is PipelineStoppedException);
            if (_stopping || !stopOnError || _stop.IsCancellationRequested)
            {
                _stop.Cancel();
                return;
            }
            _stopping = true;
            _gate ??= new SendGate(closeOnFailure: true);
            _gate.Close();
            DropQueued();
            if (_running.Count > 0)
            {
                try
                {
                    Await(Task.WhenAll(_running.Select(r => r.Task).ToList()));
                }
                catch (Exception)
                {
                    _stop.Cancel();
                    throw;
                }
            }
            Release();
            if (_dropped > 0)
                WriteWarning(_dropped + " item(s) were not sent because the command stopped on an error.");
        }

        /// <summary>The command's send gate (created on first use; fail-fast under -ErrorAction Stop).</summary>
        internal SendGate Gate
        {
            get
            {
                _ = FailFast;
                return _gate!;
            }
        }

        /// <summary>
        /// Like <see cref="Await(Task)"/>, for work that is not a batch (Sync's apply): when writing its output ends the
        /// command (-ErrorAction Stop, Ctrl+C), nothing more is sent and the command returns only once the calls in
        /// flight have ended, so no request reaches the server after the caller has caught the error.
        /// </summary>
        internal void AwaitToEnd(Task work)
        {
            try
            {
                Await(work);
            }
            catch (Exception) when (!work.IsCompleted)
            {
                Gate.Close();
                try
                {
                    work.Wait();
                }
                catch (AggregateException)
                {
                    // Its failure was the work's own; the error already raised ends the command.
                }
                throw;
            }
        }

        /// <summary>True once the command decided to send nothing more (a failure under -ErrorAction Stop).</summary>
        internal bool SendingStopped => _gate != null && _gate.IsClosed;

        /// <summary>
        /// -ErrorAction Stop (as a parameter or $ErrorActionPreference): one batch in flight at a time and the first
        /// failure closes the gate, so nothing is sent after a failure is known.
        /// </summary>
        internal bool FailFast
        {
            get
            {
                if (_gate != null) return _gate.CloseOnFailure;
                object? preference = MyInvocation.BoundParameters.TryGetValue("ErrorAction", out var bound)
                    ? bound : SessionState.PSVariable.GetValue("ErrorActionPreference");
                if (preference is PSObject wrapped) preference = wrapped.BaseObject;
                bool stop = preference is ActionPreference action ? action == ActionPreference.Stop
                    : string.Equals(preference?.ToString(), "Stop", StringComparison.OrdinalIgnoreCase);
                _gate = new SendGate(closeOnFailure: stop);
                return stop;
            }
        }

        /// <summary>A place in the output order for one input item (pipeline thread).</summary>
        internal long ReserveSlot() => _ordered.Reserve();

        /// <summary>An item that will produce no output (dropped, not sent): later items need not wait for it.</summary>
        internal void SkipSlot(long slot)
        {
            _dropped++;
            _ordered.Complete(slot);
        }

        internal void RegisterQueue(IQueuedWork queue) => _queues.Add(queue);

        private void DropQueued()
        {
            foreach (var queue in _queues) queue.DropQueued();
            Release();
        }

        /// <summary>Batches of this command that are running now.</summary>
        internal IReadOnlyList<BatchRun> Running => _running;

        /// <summary>Start one batch on a worker; its outputs are held for input order and its items settle when it ends.</summary>
        internal BatchRun StartBatch(long[] slots, Func<CancellationToken, Task> send)
        {
            _ = FailFast;
            var gate = _gate;
            var run = new BatchRun(this, slots);
            run.Task = Task.Run(async () =>
            {
                SendGate.Current = gate;
                BatchRun.Current = run;
                try
                {
                    await send(CancelToken).ConfigureAwait(false);
                }
                catch (Exception error)
                {
                    run.Failure = error;
                }
                finally
                {
                    // Queued before the task completes, so whoever awaits it finds this in _pending.
                    Post(() => Finish(run));
                }
            });
            _running.Add(run);
            return run;
        }

        private void Finish(BatchRun run)
        {
            if (run.Finished) return;
            run.Finished = true;
            _running.Remove(run);
            foreach (var slot in run.Slots)
            {
                if (!run.IsHeld(slot)) _ordered.Complete(slot);
            }
            if (SendingStopped) DropQueued();
            Release();
            if (run.Failure != null && !(run.Failure is OperationCanceledException && _stop.IsCancellationRequested))
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(run.Failure).Throw();
        }

        /// <summary>Write held outputs whose turn has come; once stopping, errors become warnings (only one error can end a command).</summary>
        private void Release()
        {
            while (_ordered.TryTakeNext(out var entry))
            {
                if (entry.Record == null) Guarded(() => WriteObject(entry.Value));
                else if (!_stopping) Guarded(() => WriteError(entry.Record), writesError: true);
                else if (entry.Record.Exception is Api.OrgNotSentException) _dropped++;
                else Guarded(() => WriteWarning("Also failed (not raised: the command stopped on an earlier error): " + entry.Record));
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
        internal void PostOutcome(ItemOutcome<RoleTask, RoleTask> outcome) => PostOutcome(outcome, 0);

        private void PostOutcome(ItemOutcome<RoleTask, RoleTask> outcome, int item)
        {
            if (outcome.Succeeded) PostObject(outcome.Result!, item);
            else PostError(outcome.Error!, outcome.Input, item);
        }

        /// <summary>
        /// -Wait inside a batch: the batch's items keep their places in the output and their tasks are followed together
        /// with every other task of the command once everything is sent (<see cref="WaitForHeldTasks"/>), so one ListTasks
        /// call covers up to 100 tasks whatever batch started them. Under -ErrorAction Stop the batch waits for its own
        /// tasks instead, so a failed task is known before the next batch is sent.
        /// <paramref name="items"/>: each task's item index in the batch (all 0 when null).
        /// </summary>
        internal Task WaitOrHoldAsync(string zoneId, IReadOnlyList<RoleTask> tasks, int timeoutSeconds, CancellationToken ct, IReadOnlyList<int>? items = null)
        {
            int ItemOf(int index) => items == null ? 0 : items[index];
            var run = BatchRun.Current;
            if (run == null || run.Owner != this || _gate?.CloseOnFailure == true)
            {
                return new TaskService(Session, Log).WaitAsync(zoneId, tasks, TimeSpan.FromSeconds(timeoutSeconds),
                    (index, outcome) => PostOutcome(outcome, ItemOf(index)), null, ct);
            }
            lock (_heldTasks)
            {
                for (int i = 0; i < tasks.Count; i++) _heldTasks.Add((zoneId, tasks[i], run.Hold(ItemOf(i))));
            }
            return Task.CompletedTask;
        }

        /// <summary>
        /// -Wait at the end of the command: follow every held task (many per ListTasks call), with Write-Progress counts,
        /// and write each outcome in its item's place.
        /// </summary>
        internal void WaitForHeldTasks(int timeoutSeconds)
        {
            List<(string ZoneId, RoleTask Task, long Slot)> held;
            lock (_heldTasks)
            {
                held = _heldTasks.ToList();
                _heldTasks.Clear();
            }
            if (held.Count == 0) return;
            WaitWithProgress(held[0].ZoneId, held.Select(h => h.Task).ToList(), timeoutSeconds, (index, outcome) =>
            {
                if (!outcome.Succeeded) _gate?.ItemFailed();
                _ordered.Add(held[index].Slot, outcome.Succeeded ? OutputEntry.Object(outcome.Result!) : OutputEntry.Error(ErrorMapping.ToErrorRecord(outcome.Error!, outcome.Input)));
                _ordered.Complete(held[index].Slot);
                Post(Release);
            });
        }

        /// <summary>Wait for the tasks on the pipeline thread, writing progress (finished of total) as rounds complete.</summary>
        internal void WaitWithProgress(string zoneId, IReadOnlyList<RoleTask> tasks, int timeoutSeconds, Action<int, ItemOutcome<RoleTask, RoleTask>> onDone)
        {
            const string activity = "Waiting for Tencent Cloud CIC tasks";
            int finished = 0;
            // A new record each time: hosts may keep the records they were given.
            Await(new TaskService(Session, Log).WaitAsync(zoneId, tasks, TimeSpan.FromSeconds(timeoutSeconds), onDone,
                (done, total) => Post(() =>
                {
                    finished = done;
                    WriteProgress(new ProgressRecord(1, activity, done + " of " + total + " task(s) finished")
                    {
                        PercentComplete = total == 0 ? 100 : done * 100 / total,
                    });
                }),
                CancelToken));
            WriteProgress(new ProgressRecord(1, activity, finished + " of " + tasks.Count + " task(s) finished") { RecordType = ProgressRecordType.Completed });
        }

        /// <summary>
        /// Turn a failure into a non-terminating error for one input; other inputs go on. It takes its place in the
        /// output order after the items before it that are still in flight.
        /// </summary>
        internal void WriteItemError(Exception error, object? target)
        {
            if (FailFast) _gate!.ItemFailed();
            long slot = _ordered.Reserve();
            _ordered.Add(slot, OutputEntry.Error(ErrorMapping.ToErrorRecord(error, target)));
            _ordered.Complete(slot);
            if (SendingStopped) DropQueued();
            Release();
        }

        /// <summary>A bad input becomes an error naming it, before any request; other inputs go on. True when there was one.</summary>
        internal bool Refused(string? problem, object? target)
        {
            if (problem == null) return false;
            WriteItemError(new ArgumentException(problem), target);
            return true;
        }

        /// <summary>Errors that concern the whole command (no credential, bad endpoint) end it.</summary>
        internal void ThrowCommandError(Exception error, object? target = null) => ThrowTerminatingError(ErrorMapping.ToErrorRecord(error, target));

        /// <summary>
        /// Whether this command's debug records go anywhere: -Debug, or a $DebugPreference that writes them. Otherwise the
        /// engine drops them, and the HTTP traces meant for them are not built.
        /// </summary>
        private bool DebugStreamRead()
        {
            if (MyInvocation.BoundParameters.TryGetValue("Debug", out var debug)) return LanguagePrimitives.IsTrue(debug);
            object? preference = SessionState?.PSVariable.GetValue("DebugPreference");
            if (preference is PSObject wrapped) preference = wrapped.BaseObject;
            if (preference == null) return false;
            if (!LanguagePrimitives.TryConvertTo(preference, out ActionPreference action)) return true;
            return action != ActionPreference.SilentlyContinue && action != ActionPreference.Ignore;
        }

        private sealed class CmdletLog : IOrgLog, IOrgDebugSwitch
        {
            private readonly TcOrgCmdlet _owner;
            public CmdletLog(TcOrgCmdlet owner)
            {
                _owner = owner;
                DebugWanted = owner.DebugStreamRead();
            }

            public bool DebugWanted { get; }
            public void Verbose(string message) => _owner.Post(() => _owner.WriteVerbose(message));
            public void Debug(string message) => _owner.Post(() => _owner.WriteDebug(message));
            public void Warning(string message) => _owner.Post(() => _owner.WriteWarning(message));
        }
    }
}

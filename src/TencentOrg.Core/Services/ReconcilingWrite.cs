using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using TencentOrg.Api;

namespace TencentOrg.Services
{
    /// <summary>What a read-back proved about one item of a write.</summary>
    internal sealed class ReadBack<TResult> where TResult : class
    {
        private ReadBack(TResult? result, Exception? refusal, Exception? readError, bool wasThere = false)
        {
            WasThere = wasThere;
            Result = result;
            Refusal = refusal;
            ReadError = readError;
        }

        /// <summary>The write provably has not taken effect: safe to send (again).</summary>
        public static readonly ReadBack<TResult> Absent = new ReadBack<TResult>(null, null, null);

        /// <summary>The write has taken effect; the result to report.</summary>
        public static ReadBack<TResult> Applied(TResult result) => new ReadBack<TResult>(result, null, null);

        /// <summary>Not this write's doing but accepted as it is (-SkipExisting found someone else's object): outcome Existing.</summary>
        public static ReadBack<TResult> Existing(TResult result) => new ReadBack<TResult>(result, null, null, wasThere: true);

        /// <summary>True for <see cref="Existing"/>.</summary>
        public bool WasThere { get; }

        /// <summary>The state is known and is a failure for this item (e.g. the name is held by someone else's identity).</summary>
        public static ReadBack<TResult> Refused(Exception error) => new ReadBack<TResult>(null, error, null);

        /// <summary>The state of this item could not be read.</summary>
        public static ReadBack<TResult> Unknown(Exception readError) => new ReadBack<TResult>(null, null, readError);

        public TResult? Result { get; }
        public Exception? Refusal { get; }
        public Exception? ReadError { get; }
        public bool IsAbsent => Result == null && Refusal == null && ReadError == null;
    }

    /// <summary>One create or remove path, as the reconciling-write protocol needs it: how to send, how to read back, how to split.</summary>
    internal sealed class WritePath<TItem, TResult> where TResult : class
    {
        public WritePath(string action, Func<IReadOnlyList<TItem>, CancellationToken, Task<IReadOnlyList<TResult>>> send,
            Func<IReadOnlyList<TItem>, CancellationToken, Task<IReadOnlyList<ReadBack<TResult>>>> probe)
        {
            Action = action;
            Send = send;
            Probe = probe;
        }

        /// <summary>The API action, for messages.</summary>
        public string Action { get; }

        /// <summary>One call for the batch; results in item order. Throws OrgException.</summary>
        public Func<IReadOnlyList<TItem>, CancellationToken, Task<IReadOnlyList<TResult>>> Send { get; }

        /// <summary>
        /// Reads what the write did to each item, in item order: Applied (a create found, a remove gone), Absent (nothing done),
        /// Refused or Unknown. Throws OrgException when nothing could be read (every item is then unknown).
        /// </summary>
        public Func<IReadOnlyList<TItem>, CancellationToken, Task<IReadOnlyList<ReadBack<TResult>>>> Probe { get; }

        /// <summary>True for removes: the words of the final errors say "removed" instead of "created".</summary>
        public bool IsRemove { get; set; }

        /// <summary>True for changes of an existing object: a sent write settles as Updated, not Created.</summary>
        public bool IsUpdate { get; set; }

        /// <summary>
        /// For all-or-nothing batch calls: the smaller batches to try when a definitive error fails the batch, so the
        /// item at fault is isolated and the others still go through. Null: the error is every item's.
        /// </summary>
        public Func<IReadOnlyList<TItem>, IEnumerable<IReadOnlyList<TItem>>>? Split { get; set; }

        /// <summary>Groups a set of items into batches one call can carry (e.g. a members x identities product). Null: one batch.</summary>
        public Func<IReadOnlyList<TItem>, IEnumerable<IReadOnlyList<TItem>>>? Partition { get; set; }

        /// <summary>A definitive refusal of a single item's first send (e.g. "already exists" under -SkipExisting): the result to report, or null for the error.</summary>
        public Func<TItem, OrgApiException, CancellationToken, Task<TResult?>>? OnRefused { get; set; }

        /// <summary>The item in words, for errors and -Verbose; ToString() when null.</summary>
        public Func<TItem, string>? Describe { get; set; }
    }

    /// <summary>
    /// The one protocol for writes whose answer may be lost: send; on an uncertain answer (a lost or failed answer that
    /// may follow an applied write, or a throttled write) read back before anything is resent; resend only what the read
    /// proved not done, within the session's retry budget (-MaxRetries) with backoff; and report per item what is known:
    /// done, "not created"/"not removed" (proved, budget spent), or "outcome unknown" (could not be read back).
    /// </summary>
    internal sealed class ReconcilingWrite
    {

        private readonly int _maxRetries;
        private readonly TimeSpan _baseDelay;
        private readonly TimeSpan _maxDelay;
        private readonly IOrgLog _log;

        public ReconcilingWrite(OrgClientOptions options, IOrgLog log)
            : this(options.MaxRetries, options.RetryBaseDelay, options.RetryMaxDelay, log)
        {
        }

        public ReconcilingWrite(int maxRetries, TimeSpan baseDelay, TimeSpan maxDelay, IOrgLog log)
        {
            _maxRetries = Math.Max(0, maxRetries);
            _baseDelay = baseDelay;
            _maxDelay = maxDelay;
            _log = log;
        }

        /// <summary>
        /// A create found already in place before anything was sent (-SkipExisting read first): a success with outcome Existing.
        /// The services' read-first paths settle through here so every emitted object says how it was settled.
        /// </summary>
        public static ItemOutcome<TItem, TResult> Existing<TItem, TResult>(TItem item, TResult result) where TResult : class =>
            ItemOutcome<TItem, TResult>.Success(item, Settle(result, WriteOutcome.Existing));

        /// <summary>Marks the result with how the write settled (results that cannot carry it are left as they are).</summary>
        private static TResult Settle<TResult>(TResult result, WriteOutcome outcome) where TResult : class
        {
            if (result is IWriteResult carrier) carrier.Outcome = outcome;
            return result;
        }

        /// <summary>Runs the write for the items; every item gets exactly one outcome. Only cancellation throws.</summary>
        public async Task<IReadOnlyList<ItemOutcome<TItem, TResult>>> RunAsync<TItem, TResult>(WritePath<TItem, TResult> path,
            IReadOnlyList<TItem> items, CancellationToken ct) where TResult : class
        {
            var outcomes = new List<ItemOutcome<TItem, TResult>>();
            if (items.Count > 0) await SendAsync(path, items, 0, outcomes, ct).ConfigureAwait(false);
            return outcomes;
        }

        /// <summary>
        /// An answer that does not say whether the write ran: lost or failed after it may have reached the server, a throttled
        /// write (a server may throttle after applying), or a definitive answer to a resend made after such a failure.
        /// </summary>
        internal static bool IsUncertain(OrgException error) =>
            error is OrgAmbiguousResultException
            || (error is OrgApiException api && (api.IsRateLimit || api.EarlierAttemptMayHaveApplied));

        private async Task SendAsync<TItem, TResult>(WritePath<TItem, TResult> path, IReadOnlyList<TItem> batch, int resends,
            List<ItemOutcome<TItem, TResult>> outcomes, CancellationToken ct) where TResult : class
        {
            if (path.Partition != null)
            {
                var parts = path.Partition(batch).ToList();
                if (parts.Count > 1)
                {
                    foreach (var part in parts) await SendAsync(path, part, resends, outcomes, ct).ConfigureAwait(false);
                    return;
                }
            }

            IReadOnlyList<TResult> results;
            try
            {
                results = await path.Send(batch, ct).ConfigureAwait(false);
            }
            catch (OrgException uncertain) when (IsUncertain(uncertain))
            {
                await ReconcileAsync(path, batch, uncertain, resends, resendAbsent: true, outcomes, ct).ConfigureAwait(false);
                return;
            }
            catch (OrgTransportException lost) when (path.IsRemove && lost.MayHaveReachedServer && !(lost is OrgNotSentException))
            {
                // Every attempt of a remove was lost in transport, and any of them may have removed it: report what the read finds.
                await ReconcileAsync(path, batch, lost, resends, resendAbsent: false, outcomes, ct).ConfigureAwait(false);
                return;
            }
            catch (OrgApiException error) when (batch.Count > 1 && path.Split != null && !ErrorScope.AffectsEveryItem(error.Code))
            {
                _log.Verbose(path.Action + " failed for a batch of " + batch.Count + " with " + error.Code + "; sending in smaller batches to isolate the item at fault.");
                foreach (var part in path.Split(batch)) await SendAsync(path, part, resends, outcomes, ct).ConfigureAwait(false);
                return;
            }
            catch (OrgApiException refused) when (resends > 0)
            {
                // A refusal of a resend ("already exists", "not found") may be our own earlier attempt: the read decides.
                await ReconcileAsync(path, batch, refused, resends, resendAbsent: false, outcomes, ct).ConfigureAwait(false);
                return;
            }
            catch (OrgApiException refused) when (path.OnRefused != null && batch.Count == 1)
            {
                TResult? accepted;
                try
                {
                    accepted = await path.OnRefused(batch[0], refused, ct).ConfigureAwait(false);
                }
                catch (OrgException readError)
                {
                    _log.Verbose(path.Action + ": " + Describe(path, batch[0]) + ": reading the existing state failed (" + readError.Message + ").");
                    accepted = null;
                }
                if (accepted != null) _log.Verbose(path.Action + ": " + Describe(path, batch[0]) + ": " + refused.Code + "; it is already in place: Existing.");
                outcomes.Add(accepted != null ? ItemOutcome<TItem, TResult>.Success(batch[0], Settle(accepted, WriteOutcome.Existing)) : ItemOutcome<TItem, TResult>.Failure(batch[0], refused));
                return;
            }
            catch (OrgException error)
            {
                foreach (var item in batch) outcomes.Add(ItemOutcome<TItem, TResult>.Failure(item, error));
                return;
            }
            var done = path.IsRemove ? WriteOutcome.Removed : path.IsUpdate ? WriteOutcome.Updated : WriteOutcome.Created;
            for (int i = 0; i < batch.Count; i++) outcomes.Add(ItemOutcome<TItem, TResult>.Success(batch[i], Settle(results[i], done)));
        }

        private async Task ReconcileAsync<TItem, TResult>(WritePath<TItem, TResult> path, IReadOnlyList<TItem> batch, OrgException cause,
            int resends, bool resendAbsent, List<ItemOutcome<TItem, TResult>> outcomes, CancellationToken ct) where TResult : class
        {
            _log.Verbose(path.Action + " for " + batch.Count + " item(s): " + Code(cause) + "; reconciling: reading back what it did.");
            IReadOnlyList<ReadBack<TResult>> states;
            try
            {
                states = await path.Probe(batch, ct).ConfigureAwait(false);
            }
            catch (OrgException readError)
            {
                foreach (var item in batch)
                    outcomes.Add(ItemOutcome<TItem, TResult>.Failure(item, new OrgWriteOutcomeUnknownException(path.Action, Describe(path, item), readError, WhatFailed(cause))));
                return;
            }

            var absent = new List<TItem>();
            var turnedAround = new List<string>();
            for (int i = 0; i < batch.Count; i++)
            {
                var item = batch[i];
                var state = states[i];
                string what = path.Action + ": " + Describe(path, item);
                if (state.Result != null && state.WasThere)
                {
                    _log.Verbose(what + ": already in place and accepted as it is: Existing.");
                    outcomes.Add(ItemOutcome<TItem, TResult>.Success(item, Settle(state.Result, WriteOutcome.Existing)));
                }
                else if (state.Result != null)
                {
                    _log.Verbose(what + ": the read-back found it " + (path.IsRemove ? "gone" : "in place") + "; not sending it again: Reconciled.");
                    outcomes.Add(ItemOutcome<TItem, TResult>.Success(item, Settle(state.Result, WriteOutcome.Reconciled)));
                    turnedAround.Add(Describe(path, item));
                }
                else if (state.Refusal != null)
                {
                    _log.Verbose(what + ": the read-back refuses it: " + state.Refusal.Message);
                    outcomes.Add(ItemOutcome<TItem, TResult>.Failure(item, state.Refusal));
                }
                else if (state.ReadError != null)
                {
                    _log.Verbose(what + ": its state could not be read: outcome unknown.");
                    outcomes.Add(ItemOutcome<TItem, TResult>.Failure(item, new OrgWriteOutcomeUnknownException(path.Action, Describe(path, item), state.ReadError, WhatFailed(cause))));
                }
                else
                {
                    _log.Verbose(what + ": the read-back proved it " + (path.IsRemove ? "still present" : "absent") + (resendAbsent ? "; it may be sent again." : "; the refusal stands."));
                    absent.Add(item);
                }
            }
            if (turnedAround.Count > 0)
            {
                // The answer said failure (or nothing); the read says done: the output must not pass for a plain success.
                _log.Warning(path.Action + " answered " + Code(cause) + " for " + string.Join(", ", turnedAround.Take(5)) + (turnedAround.Count > 5 ? " and " + (turnedAround.Count - 5) + " more" : "")
                    + ", but reading back found " + (turnedAround.Count == 1 ? "it" : "them") + (path.IsRemove ? " gone" : " in place")
                    + ": output with Outcome Reconciled (" + (path.IsRemove ? "removed by this run or already gone before it" : "created by this run or already there before it") + ").");
            }
            if (absent.Count == 0) return;
            if (!resendAbsent)
            {
                // The service refused a resend and the read agrees nothing was done: that refusal is the answer. A remove
                // lost in transport is said to be still there, as read.
                foreach (var item in absent)
                    outcomes.Add(ItemOutcome<TItem, TResult>.Failure(item, cause is OrgApiException ? cause
                        : new OrgWriteNotAppliedException(path.Action, Describe(path, item), "not removed", "still present", resends + 1, WhatFailed(cause))));
                return;
            }
            if (resends >= _maxRetries)
            {
                string notDone = path.IsRemove ? "not removed" : "not created";
                string readState = path.IsRemove ? "still present" : "absent";
                foreach (var item in absent)
                    outcomes.Add(ItemOutcome<TItem, TResult>.Failure(item,
                        new OrgWriteNotAppliedException(path.Action, Describe(path, item), notDone, readState, resends + 1, WhatFailed(cause))));
                return;
            }
            var delay = Api.Backoff.Delay(resends + 1, _baseDelay, _maxDelay);
            _log.Verbose(path.Action + ": " + absent.Count + " item(s) proved " + (path.IsRemove ? "not removed" : "not created")
                + "; retry " + (resends + 1) + "/" + _maxRetries + " in " + (int)delay.TotalMilliseconds + " ms.");
            if (delay > TimeSpan.Zero) await Task.Delay(delay, ct).ConfigureAwait(false);
            await SendAsync(path, absent, resends + 1, outcomes, ct).ConfigureAwait(false);
        }

        private static string Describe<TItem, TResult>(WritePath<TItem, TResult> path, TItem item) where TResult : class =>
            path.Describe != null ? path.Describe(item) : item?.ToString() ?? "the item";

        /// <summary>The failure itself, without the "may have been applied" wrapper: the read has since said what was applied.</summary>
        private static Exception WhatFailed(OrgException error) =>
            error is OrgAmbiguousResultException && error.InnerException != null ? error.InnerException : error;

        private static string Code(OrgException error) =>
            error is OrgApiException api ? api.Code : error is OrgTransportException transport ? transport.Code : error.GetType().Name;
    }
}

namespace TencentOrg.Services
{
    /// <summary>The result of a write that returns nothing but its RequestId (deletes, revokes).</summary>
    internal sealed class WriteReceipt : IWriteResult
    {
        /// <summary>How the write settled.</summary>
        public WriteOutcome? Outcome { get; set; }

        public WriteReceipt(string? requestId) { RequestId = requestId; }

        /// <summary>Null when the state was read back instead of answered.</summary>
        public string? RequestId { get; }
    }
}

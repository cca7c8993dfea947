using System.Threading;

namespace TencentOrg.Api
{
    /// <summary>
    /// Stops a command from sending more writes once it has decided to stop (-ErrorAction Stop): a call
    /// whose first attempt has gone out completes (retries included); a call not yet sent fails with
    /// <see cref="OrgNotSentException"/>. Ambient (flows with async calls), so services need no parameter for it.
    /// </summary>
    public sealed class SendGate
    {
        private static readonly AsyncLocal<SendGate?> CurrentGate = new AsyncLocal<SendGate?>();
        private int _closed;

        /// <param name="closeOnFailure">Close at the first item failure reported through <see cref="Services.ItemOutcome{TInput, TResult}"/>.</param>
        public SendGate(bool closeOnFailure) { CloseOnFailure = closeOnFailure; }

        /// <summary>The gate of the command whose work runs on this async flow, or null.</summary>
        public static SendGate? Current
        {
            get => CurrentGate.Value;
            set => CurrentGate.Value = value;
        }

        public bool CloseOnFailure { get; }

        public bool IsClosed => Volatile.Read(ref _closed) != 0;

        public void Close() => Interlocked.Exchange(ref _closed, 1);

        /// <summary>An item failed: under fail-fast nothing more may be sent.</summary>
        public void ItemFailed()
        {
            if (CloseOnFailure) Close();
        }

        /// <summary>Failures the command counts as done (Sync: "already exists" to an add), which must not close the gate.</summary>
        public System.Func<System.Exception, bool>? Tolerates { get; set; }

        /// <summary>An item failed with this error: closes the gate under fail-fast unless the command tolerates the error.</summary>
        public void ItemFailed(System.Exception error)
        {
            if (Tolerates == null || !Tolerates(error)) ItemFailed();
        }

        internal static void ThrowIfClosed(string action)
        {
            if (Current is { IsClosed: true }) throw new OrgNotSentException(action);
        }
    }

    /// <summary>A write was never sent because its command stopped after an earlier failure.</summary>
    public sealed class OrgNotSentException : OrgTransportException
    {
        public OrgNotSentException(string action)
            : base(action, "ClientError.NotSent", "not sent: the command stopped after an earlier error (-ErrorAction Stop).", false)
        {
        }
    }
}

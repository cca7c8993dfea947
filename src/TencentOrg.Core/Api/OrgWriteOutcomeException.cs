using System;

namespace TencentOrg.Api
{
    /// <summary>
    /// A write whose final state is known to be "not done": the read-back proved it absent (a create) or still
    /// present (a remove) every time, and the retry budget (-MaxRetries) was spent resending it.
    /// </summary>
    public sealed class OrgWriteNotAppliedException : OrgTransportException
    {
        /// <param name="action">The write action.</param>
        /// <param name="item">The item, in words.</param>
        /// <param name="notDone">"not created", "not removed", ...</param>
        /// <param name="readState">What the last read-back found: "absent", "still present".</param>
        /// <param name="attempts">Sends made.</param>
        /// <param name="lastAnswer">The failure of the last send.</param>
        public OrgWriteNotAppliedException(string action, string item, string notDone, string readState, int attempts, Exception lastAnswer)
            : base(action, "ClientError.NotApplied", notDone + ": the read-back found " + item + " " + readState + " after " + attempts
                + " attempt(s), and the retry budget (-MaxRetries) is spent; last answer: " + lastAnswer.Message,
                mayHaveReachedServer: true, lastAnswer)
        {
            Item = item;
            Attempts = attempts;
        }

        /// <summary>The item, in words.</summary>
        public string Item { get; }
        /// <summary>Sends made.</summary>
        public int Attempts { get; }
    }

    /// <summary>
    /// A write whose answer was lost and whose effect could not be read back either: it may or may not have been
    /// applied. Read the state before sending it again.
    /// </summary>
    public sealed class OrgWriteOutcomeUnknownException : OrgTransportException
    {
        /// <param name="action">The write action.</param>
        /// <param name="item">The item, in words.</param>
        /// <param name="readError">Why the read-back failed.</param>
        /// <param name="lostAnswer">The uncertain answer of the write.</param>
        public OrgWriteOutcomeUnknownException(string action, string item, Exception readError, Exception lostAnswer)
            : base(action, "ClientError.OutcomeUnknown", "outcome unknown: " + item + " may or may not have been applied; reading it back failed ("
                + readError.Message + "); the write's answer: " + lostAnswer.Message, mayHaveReachedServer: true, readError)
        {
            Item = item;
            LostAnswer = lostAnswer;
        }

        /// <summary>The item, in words.</summary>
        public string Item { get; }
        /// <summary>The uncertain answer of the write.</summary>
        public Exception LostAnswer { get; }
    }
}

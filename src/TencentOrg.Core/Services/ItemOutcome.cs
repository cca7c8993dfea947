using System;

namespace TencentOrg.Services
{
    /// <summary>What happened to one input: a result, or the error that names it. Batches never hide one item's fate.</summary>
    internal sealed class ItemOutcome<TInput, TResult>
    {
        private ItemOutcome(TInput input, TResult? result, Exception? error)
        {
            Input = input;
            Result = result;
            Error = error;
        }

        public TInput Input { get; }
        public TResult? Result { get; }
        public Exception? Error { get; }
        public bool Succeeded => Error == null;

        public static ItemOutcome<TInput, TResult> Success(TInput input, TResult result) => new ItemOutcome<TInput, TResult>(input, result, null);
        /// <summary>A known failure; under -ErrorAction Stop it also closes the command's <see cref="Api.SendGate"/>.</summary>
        public static ItemOutcome<TInput, TResult> Failure(TInput input, Exception error)
        {
            Api.SendGate.Current?.ItemFailed(error);
            return new ItemOutcome<TInput, TResult>(input, default, error);
        }
    }

    /// <summary>An async CIC task ended Failed; carries the service's FailureReason.</summary>
    public sealed class OrgTaskFailedException : Exception
    {
        public OrgTaskFailedException(RoleTask task)
            : base("Task " + task.TaskId + " (" + task.TaskType + ") failed: " + (string.IsNullOrEmpty(task.FailureReason) ? "no reason given" : task.FailureReason))
        {
            Task = task;
        }

        public RoleTask Task { get; }
        public string? FailureReason => Task.FailureReason;
    }
}

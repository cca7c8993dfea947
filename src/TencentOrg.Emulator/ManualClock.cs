using System.Collections.Concurrent;

namespace TencentOrg.Emulator;

/// <summary>
/// A clock that only moves when told, for <see cref="EmulatorOptions.Clock"/>: tests of time-based task
/// completion and ListTasks retention advance it instead of sleeping. It starts at the real current time.
/// Signatures are still checked against real time, so moving this clock never expires a request.
/// </summary>
public sealed class ManualClock : TimeProvider
{
    private long _utcTicks;

    public ManualClock() : this(DateTimeOffset.UtcNow) { }

    public ManualClock(DateTimeOffset start) => _utcTicks = start.UtcTicks;

    /// <summary>
    /// Steps taken automatically after each answered request naming the action (for example "ListTasks" → 10 s),
    /// so a waiting client sees time pass per round without the test having to run beside it.
    /// </summary>
    public ConcurrentDictionary<string, TimeSpan> StepAfterAction { get; } = new(StringComparer.Ordinal);

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _utcTicks), TimeSpan.Zero);

    public void Advance(TimeSpan by)
    {
        if (by < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(by), "The clock only moves forward.");
        Interlocked.Add(ref _utcTicks, by.Ticks);
    }

    internal void AfterAction(string action)
    {
        if (StepAfterAction.TryGetValue(action, out var step)) Advance(step);
    }
}

using System;
using TencentOrg.Emulator;
using Xunit;

namespace TencentOrg.Tests.Emulator;

/// <summary>The emulator's command line: what each option sets, what --help documents, what it refuses.</summary>
public sealed class EmulatorCommandLineTests
{
    [Fact]
    public void TaskTimingOptionsSetTheirEmulatorOptions()
    {
        Assert.True(Program.TryParseArguments(new[] { "--task-seconds", "30", "--list-tasks-retention", "600", "--task-polls", "3", "--port", "0" },
            out var options, out bool help, out string? error), error);
        Assert.False(help);
        Assert.Equal(TimeSpan.FromSeconds(30), options.TaskDuration);
        Assert.Equal(TimeSpan.FromSeconds(600), options.ListTasksRetention);
        Assert.Equal(3, options.TaskPollsToComplete);
        Assert.Equal(0, options.Port);
        Assert.True(Program.TryParseArguments(new[] { "--task-seconds", "0.5" }, out options, out _, out _));
        Assert.Equal(TimeSpan.FromMilliseconds(500), options.TaskDuration);
    }

    [Fact]
    public void DefaultsAreTheDocumentedOnes()
    {
        Assert.True(Program.TryParseArguments(Array.Empty<string>(), out var options, out bool help, out _));
        Assert.False(help);
        Assert.Equal(8080, options.Port);
        Assert.Null(options.TaskDuration);
        Assert.Null(options.ListTasksRetention);
        Assert.Equal(1, options.TaskPollsToComplete);
        Assert.Same(TimeProvider.System, options.Clock);
    }

    [Fact]
    public void HelpDocumentsEveryOption()
    {
        Assert.True(Program.TryParseArguments(new[] { "--help" }, out _, out bool help, out _));
        Assert.True(help);
        foreach (string option in new[] { "--port", "--seed", "--rate-limit", "--members", "--users", "--groups", "--task-polls", "--task-seconds", "--list-tasks-retention" })
        {
            Assert.Contains(option + " ", Program.Usage);
            Assert.False(Program.TryParseArguments(new[] { option }, out _, out _, out string? error));
            Assert.Equal(option + " needs a value.", error);
        }
    }

    [Theory]
    [InlineData("--task-seconds", "-1")]
    [InlineData("--task-seconds", "soon")]
    [InlineData("--list-tasks-retention", "-5")]
    [InlineData("--task-polls", "1.5")]
    [InlineData("--bogus", "1")]
    public void BadValuesAreRefusedWithAMessage(string option, string value)
    {
        Assert.False(Program.TryParseArguments(new[] { option, value }, out _, out _, out string? error));
        Assert.Contains(option, error);
    }
}

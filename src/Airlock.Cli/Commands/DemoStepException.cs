namespace Airlock.Cli.Commands;

/// <summary>A demo step that did not behave as expected; the message says what was seen.</summary>
internal sealed class DemoStepException(string message) : Exception(message);

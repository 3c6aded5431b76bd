using Airlock.Fuzz;
using SharpFuzz;

// Instrumented fuzzing (see fuzz/README.md): afl-fuzz drives this process over stdin, or libFuzzer over its own loop.
if (args is ["--libfuzzer"])
{
    Fuzzer.LibFuzzer.Run(span => ManifestTarget.Run(span));
}
else
{
    Fuzzer.OutOfProcess.Run(stream =>
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        ManifestTarget.Run(buffer.ToArray());
    });
}

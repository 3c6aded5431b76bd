using Airlock.Runtime.Memory;

namespace Airlock.Runtime.Tests.Memory;

public class NativeHeapTests
{
    [Test]
    public void The_C_heap_is_trimmed_on_a_glibc_linux()
    {
        Assume.That(OperatingSystem.IsLinux() && File.Exists("/lib/x86_64-linux-gnu/libc.so.6"), "needs glibc on x86-64 Linux (the CI machine)");

        NativeHeap.Trim().Should().BeTrue();
    }
}

using System.Runtime.InteropServices;

namespace Airlock.Runtime.Memory;

/// <summary>
/// The C allocator's heap, which the runtime's own native parts (the JIT, TLS, sockets) allocate from: glibc keeps what they
/// free in its per-thread arenas, so after a burst of JIT compilation and connections tens of MiB stay resident though
/// unused. <see cref="Trim"/> hands those free pages back (glibc's <c>malloc_trim</c>).
/// </summary>
public static class NativeHeap
{
    private static volatile bool _unavailable;

    /// <summary>Returns the C allocator's free memory to the system; false where that is not available (not glibc, not Linux).</summary>
    public static bool Trim()
    {
        if (_unavailable || !OperatingSystem.IsLinux()) return false;
        try
        {
            // 1 when memory was released, 0 when there was nothing to release: both are a successful trim.
            _ = MallocTrim(0);
            return true;
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            _unavailable = true;
            return false;
        }
    }

    // A blittable signature: DllImport needs no marshalling stub here, and LibraryImport would need unsafe code enabled.
    [DllImport("libc.so.6", EntryPoint = "malloc_trim", ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int MallocTrim(nuint pad);
}

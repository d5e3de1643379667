using System.Collections.Concurrent;

namespace Proving.Core.Compute;

/// <summary>
/// Backend selection by name. "cpu" is always present. GPU backends ("cuda", "opencl") live in Proving.Gpu, which
/// registers its factories with <see cref="Register"/>; "auto" picks the first registered GPU backend that starts
/// (cuda, then opencl) and otherwise the CPU. A named backend that is unknown or fails to start is an error with the
/// reason, never a silent fallback.
/// </summary>
public static class ComputeBackends
{
    private static readonly string[] AutoOrder = ["cuda", "opencl"];
    private static readonly ConcurrentDictionary<string, Func<IComputeBackend>> Factories = new(StringComparer.OrdinalIgnoreCase)
    {
        ["cpu"] = () => new CpuBackend(),
    };

    // Factories that "auto" uses instead of the named one (e.g. OpenCL restricted to GPU devices).
    private static readonly ConcurrentDictionary<string, Func<IComputeBackend>> AutoFactories = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The names that can be requested now ("auto" plus every registered backend).</summary>
    public static IReadOnlyList<string> Names => ["auto", .. Factories.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Registers (or replaces) the factory for <paramref name="name"/>; the factory throws
    /// <see cref="ComputeBackendUnavailableException"/> when its device cannot start. <paramref name="forAuto"/>, when
    /// given, is what "auto" calls instead (e.g. an OpenCL factory that accepts only GPU devices).</summary>
    /// <exception cref="ArgumentException">The name is empty or "auto".</exception>
    public static void Register(string name, Func<IComputeBackend> factory, Func<IComputeBackend>? forAuto = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(factory);
        if (name.Equals("auto", StringComparison.OrdinalIgnoreCase)) throw new ArgumentException("'auto' is reserved", nameof(name));
        Factories[name] = factory;
        if (forAuto != null) AutoFactories[name] = forAuto; else AutoFactories.TryRemove(name, out _);
    }

    /// <summary>The backend named <paramref name="name"/> (case-insensitive): "cpu", "auto", or a registered GPU backend.</summary>
    /// <exception cref="ComputeBackendUnavailableException">The name is unknown, or the backend cannot start (the reason says why).</exception>
    public static IComputeBackend Create(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Equals("auto", StringComparison.OrdinalIgnoreCase))
        {
            foreach (var candidate in AutoOrder)
            {
                if (!AutoFactories.TryGetValue(candidate, out var f) && !Factories.TryGetValue(candidate, out f)) continue;
                try { return f(); }
                catch (ComputeBackendUnavailableException) { }
            }
            return Factories["cpu"]();
        }
        if (Factories.TryGetValue(name, out var factory))
        {
            try { return factory(); }
            catch (ComputeBackendUnavailableException) { throw; }
            catch (Exception e) { throw new ComputeBackendUnavailableException(name, e.Message, e); }
        }
        string reason = name.ToLowerInvariant() is "cuda" or "opencl"
            ? "GPU backends are provided by Proving.Gpu, which is not loaded or has not registered this backend"
            : $"unknown backend name; known: {string.Join(", ", Names)}";
        throw new ComputeBackendUnavailableException(name, reason);
    }
}

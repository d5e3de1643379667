using System.Security.Cryptography;
using System.Text;

namespace Proving.Gpu;

/// <summary>
/// Compiled kernel binaries on disk, one file per key: the SHA-256 of the binary followed by the binary, so a truncated
/// or damaged entry is detected and ignored. Keys hash the source text, the compiler options and the device/driver
/// identity, so a change to any of them compiles afresh. Writes go to a temporary file renamed into place, so
/// concurrent processes never read a partial entry. Cache failures (read-only disk) only cost a recompile.
/// </summary>
public sealed class KernelCache
{
    /// <summary>Uses <paramref name="directory"/> (created on first write).</summary>
    public KernelCache(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory = directory;
    }

    /// <summary>The cache folder: $PROVING_KERNEL_CACHE, else $XDG_CACHE_HOME/proving/kernels, else ~/.cache/proving/kernels.</summary>
    public static string DefaultDirectory
    {
        get
        {
            var env = Environment.GetEnvironmentVariable("PROVING_KERNEL_CACHE");
            if (!string.IsNullOrWhiteSpace(env)) return env;
            var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
            var root = !string.IsNullOrWhiteSpace(xdg) ? xdg : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
            return Path.Combine(root, "proving", "kernels");
        }
    }

    /// <summary>A cache in <see cref="DefaultDirectory"/>.</summary>
    public static KernelCache Default => new(DefaultDirectory);

    /// <summary>The folder holding the entries.</summary>
    public string Directory { get; }

    /// <summary>The key for <paramref name="parts"/> (source, options, device, driver, ...): lowercase hex SHA-256 of the parts, each length-prefixed.</summary>
    public static string Key(params string[] parts)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var p in parts)
        {
            var bytes = Encoding.UTF8.GetBytes(p);
            hash.AppendData(BitConverter.GetBytes(bytes.Length));
            hash.AppendData(bytes);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>The path of the entry for <paramref name="key"/>.</summary>
    public string PathOf(string key) => Path.Combine(Directory, key + ".bin");

    /// <summary>The binary stored under <paramref name="key"/>, or null when absent or damaged (a damaged entry is deleted).</summary>
    public byte[]? TryGet(string key)
    {
        var path = PathOf(key);
        byte[] data;
        try { data = File.ReadAllBytes(path); }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
        if (data.Length > 32)
        {
            var payload = data.AsSpan(32);
            if (SHA256.HashData(payload).AsSpan().SequenceEqual(data.AsSpan(0, 32))) return payload.ToArray();
        }
        Remove(key);
        return null;
    }

    /// <summary>Stores <paramref name="binary"/> under <paramref name="key"/>; returns false when the disk refuses (the build still succeeds).</summary>
    public bool Put(string key, ReadOnlySpan<byte> binary)
    {
        try
        {
            System.IO.Directory.CreateDirectory(Directory);
            var tmp = Path.Combine(Directory, $"{key}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
            using (var f = File.Create(tmp))
            {
                f.Write(SHA256.HashData(binary));
                f.Write(binary);
            }
            File.Move(tmp, PathOf(key), overwrite: true);
            return true;
        }
        catch (IOException) { return false; }
        catch (UnauthorizedAccessException) { return false; }
    }

    /// <summary>Deletes the entry for <paramref name="key"/> if present.</summary>
    public void Remove(string key)
    {
        try { File.Delete(PathOf(key)); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}

using System.Diagnostics;

namespace Proving.Testing;

/// <summary>Runs a program to completion with a time limit and captures its output (for tests that drive tools).</summary>
public static class ProcessRunner
{
    /// <summary>The exit code and the captured standard output and error of a finished process.</summary>
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    /// <summary>Runs <paramref name="file"/> with <paramref name="args"/>; kills the whole tree and throws
    /// <see cref="TimeoutException"/> after <paramref name="timeout"/>.</summary>
    public static Result Run(string file, IEnumerable<string> args, TimeSpan timeout, string? workingDirectory = null,
        IDictionary<string, string>? environment = null)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        if (workingDirectory != null) psi.WorkingDirectory = workingDirectory;
        if (environment != null) foreach (var (k, v) in environment) psi.Environment[k] = v;
        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"could not start {file}");
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(timeout))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish within {timeout}");
        }
        p.WaitForExit();
        return new Result(p.ExitCode, stdout.Result, stderr.Result);
    }
}

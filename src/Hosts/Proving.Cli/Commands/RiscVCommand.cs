using System.CommandLine;
using System.Globalization;
using Proving.Core.RiscV;

namespace Proving.Cli.Commands;

/// <summary><c>proving riscv run &lt;program.elf&gt; [--input FILE] [--trace FILE] [--segment-cycles N] [--max-cycles N] [--json]</c>:
/// runs an RV32IM guest. The guest's fd 1 and 2 go to this process's stdout and stderr; then the exit code,
/// cycle count, speed and journal (hex) are reported on stderr, or with <c>--json</c> as one JSON object on the
/// last line of stdout. Exit status: 0 when the guest reached its exit syscall, 1 for a bad ELF or file,
/// 2 for a fault or an exceeded limit.</summary>
internal static class RiscVCommand
{
    public static Command Create()
    {
        var program = new Argument<FileInfo>("program.elf") { Description = "RV32IM ELF executable" };
        var input = new Option<FileInfo?>("--input") { Description = "File whose bytes the guest reads from fd 0" };
        var trace = new Option<FileInfo?>("--trace") { Description = "Record the execution trace into this file (binary format: see TraceFile)" };
        var segment = new Option<int>("--segment-cycles") { Description = "Rows per trace segment", DefaultValueFactory = _ => 1 << 20 };
        var maxCycles = new Option<long>("--max-cycles") { Description = "Cycle limit", DefaultValueFactory = _ => 1L << 32 };
        var json = new Option<bool>("--json") { Description = "Print the report as one JSON object on the last line of stdout" };
        var run = new Command("run", "Run a RISC-V guest program");
        run.Arguments.Add(program);
        run.Options.Add(input);
        run.Options.Add(trace);
        run.Options.Add(segment);
        run.Options.Add(maxCycles);
        run.Options.Add(json);
        run.SetAction(parse => Run(parse.GetValue(program)!, parse.GetValue(input), parse.GetValue(trace),
            parse.GetValue(segment), parse.GetValue(maxCycles), parse.GetValue(json)));
        var command = new Command("riscv", "RISC-V RV32IM executor");
        command.Subcommands.Add(run);
        return command;
    }

    private static int Run(FileInfo elf, FileInfo? inputFile, FileInfo? traceFile, int segmentCycles, long maxCycles, bool json)
    {
        RiscVProgram program;
        byte[] input;
        try
        {
            program = RiscVProgram.LoadFile(elf.FullName);
            input = inputFile is null ? [] : File.ReadAllBytes(inputFile.FullName);
        }
        catch (Exception e) when (e is ElfFormatException or IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 1;
        }
        if (segmentCycles <= 0)
        {
            Console.Error.WriteLine("error: --segment-cycles must be positive");
            return 1;
        }
        using var stdout = new LastByteStream(Console.OpenStandardOutput());
        using var stderr = Console.OpenStandardError();
        var options = new RiscVExecutionOptions { MaxCycles = maxCycles, Stdout = stdout, Stderr = stderr };
        RiscVExecutionResult result;
        try
        {
            if (traceFile is null)
                result = RiscVExecutor.Run(program, input, options);
            else
            {
                using var file = new BufferedStream(File.Create(traceFile.FullName), 1 << 20);
                TraceFile.WriteHeader(file);
                int segments = 0;
                result = RiscVExecutor.Trace(program, input, segmentCycles, s =>
                {
                    TraceFile.WriteSegment(file, s);
                    segments++;
                }, options);
                TraceFile.WriteEnd(file, segments, result.Cycles);
            }
        }
        catch (RiscVExecutionException e)
        {
            stdout.Flush();
            Console.Error.WriteLine($"error: {e.Message}");
            return 2;
        }
        stdout.Flush();
        string hex = Convert.ToHexString(result.Journal).ToLowerInvariant();
        string mhz = result.Mhz.ToString("0.0", CultureInfo.InvariantCulture);
        if (json)
        {
            if (stdout.Last is not null and not (byte)'\n') stdout.WriteByte((byte)'\n');
            var line = $"{{\"exit_code\":{result.ExitCode},\"cycles\":{result.Cycles},\"mhz\":{mhz},\"output_hex\":\"{hex}\"}}\n";
            stdout.Write(System.Text.Encoding.ASCII.GetBytes(line));
            stdout.Flush();
        }
        else
            Console.Error.WriteLine($"exit code {result.ExitCode}, {result.Cycles} cycles, {mhz} MHz, output {hex}");
        return 0;
    }

    /// <summary>Passes writes through and remembers the last byte, so the JSON report can start on a new line.</summary>
    private sealed class LastByteStream(Stream inner) : Stream
    {
        public byte? Last { get; private set; }
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            if (buffer.Length > 0) Last = buffer[^1];
            inner.Write(buffer);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }
}

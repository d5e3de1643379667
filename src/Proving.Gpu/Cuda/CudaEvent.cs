using static Proving.Gpu.Cuda.CudaNative;

namespace Proving.Gpu.Cuda;

/// <summary>A CUDA event on the default stream, for timing device work (cuEventRecord / cuEventElapsedTime).</summary>
public sealed unsafe class CudaEvent : IDisposable
{
    private readonly CudaContext _context;
    private nint _event;

    /// <summary>Creates an event in <paramref name="context"/>.</summary>
    /// <exception cref="CudaException">cuEventCreate fails.</exception>
    public CudaEvent(CudaContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
        context.Bind();
        nint e;
        CudaException.Check(cuEventCreate(&e, 0), "cuEventCreate");
        _event = e;
    }

    /// <summary>Records the event after the work issued so far.</summary>
    public void Record()
    {
        _context.Bind();
        CudaException.Check(cuEventRecord(_event, 0), "cuEventRecord");
    }

    /// <summary>Milliseconds of device time from <paramref name="start"/> to this event (waits for this event).</summary>
    public float ElapsedSince(CudaEvent start)
    {
        ArgumentNullException.ThrowIfNull(start);
        _context.Bind();
        CudaException.Check(cuEventSynchronize(_event), "cuEventSynchronize");
        float ms;
        CudaException.Check(cuEventElapsedTime(&ms, start._event, _event), "cuEventElapsedTime");
        return ms;
    }

    /// <summary>Destroys the event.</summary>
    public void Dispose()
    {
        if (_event == 0) return;
        _context.Bind();
        cuEventDestroy(_event);
        _event = 0;
    }
}

using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace Clerk.Sdk.ConformanceTests.Prism;

/// <summary>
/// One Prism mock server: <c>node prism-cli/dist/index.js mock SPEC -h 127.0.0.1 -p PORT [args]</c> on a free loopback
/// port. Its output is read continuously (the last lines are kept for failure messages) and the process tree is
/// killed on dispose. Prism serves the spec's paths at the root, without the server's <c>/v1</c>. A request that
/// crashes Prism fails its own case; the server is then restarted on the same port so the other cases still run.
/// </summary>
internal sealed class PrismServer : IDisposable
{
    private const int KeptLines = 200;

    private readonly ConcurrentQueue<string> _output = new();
    private readonly SemaphoreSlim _restart = new(1, 1);
    private readonly ProcessStartInfo _start;
    private readonly int _port;
    private readonly TimeSpan _timeout;
    private Process _process;

    private PrismServer(string name, int port, ProcessStartInfo start, TimeSpan timeout)
    {
        Name = name;
        BaseUrl = new Uri($"http://127.0.0.1:{port}");
        _port = port;
        _start = start;
        _timeout = timeout;
        _process = new Process();
    }

    /// <summary>A label for messages, e.g. <c>static</c> or <c>dynamic seed 3</c>.</summary>
    public string Name { get; }

    /// <summary>The server's root, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>Starts Prism and returns once its port accepts connections (it opens after the spec is loaded).</summary>
    public static async Task<PrismServer> StartAsync(string name, string cli, string spec, IReadOnlyList<string> extraArgs, TimeSpan timeout)
    {
        var port = FreeLoopbackPort();
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { cli, "mock", spec, "-h", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture) }.Concat(extraArgs))
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["NO_COLOR"] = "1";
        start.Environment["FORCE_COLOR"] = "0";
        var server = new PrismServer(name, port, start, timeout);
        try
        {
            await server.LaunchAsync().ConfigureAwait(false);
        }
        catch
        {
            server.Dispose();
            throw;
        }
        return server;
    }

    /// <summary>The last lines Prism printed (request log, warnings, a startup error).</summary>
    public string RecentOutput(int lines = KeptLines) => string.Join(Environment.NewLine, _output.TakeLast(lines));

    /// <summary>Whether the server is still running, and its last lines, for a failure message.</summary>
    public string Health()
    {
        string state;
        try
        {
            var process = _process;
            state = process.HasExited ? $"has exited with code {process.ExitCode}" : "is running";
        }
        catch (InvalidOperationException)
        {
            state = "is restarting";
        }
        return $"Prism ({Name}) {state}; its last output:{Environment.NewLine}{RecentOutput(30)}";
    }

    /// <summary>Starts the server again when it has exited (a request crashed it); returns whether it did.</summary>
    public async Task<bool> RestartIfExitedAsync()
    {
        await _restart.WaitAsync().ConfigureAwait(false);
        try
        {
            if (!_process.HasExited) return false;
            Keep($"--- Prism ({Name}) exited with code {_process.ExitCode}; restarting ---");
            var crashed = _process;
            await LaunchAsync().ConfigureAwait(false);
            crashed.Dispose();
            return true;
        }
        finally
        {
            _restart.Release();
        }
    }

    /// <summary>Kills the whole process tree (node may have children).</summary>
    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Never started or already gone.
        }
        _process.Dispose();
        _restart.Dispose();
    }

    private async Task LaunchAsync()
    {
        var process = new Process { StartInfo = _start };
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        try
        {
            process.Start();
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            process.Dispose();
            throw new InvalidOperationException($"Could not start 'node' for Prism ({Name}); Node 20 must be on PATH: {ex.Message}", ex);
        }
        _process = process;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await WaitForPortAsync().ConfigureAwait(false);
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        _output.Enqueue(line);
        while (_output.Count > KeptLines && _output.TryDequeue(out _))
        {
        }
    }

    private async Task WaitForPortAsync()
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < _timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Prism ({Name}) exited with code {_process.ExitCode} before opening port {_port}:{Environment.NewLine}{RecentOutput()}");
            }
            using var client = new TcpClient();
            try
            {
                using var attempt = new CancellationTokenSource(TimeSpan.FromSeconds(1));
                await client.ConnectAsync(IPAddress.Loopback, _port, attempt.Token).ConfigureAwait(false);
                return;
            }
            catch (Exception ex) when (ex is SocketException or OperationCanceledException)
            {
                await Task.Delay(100).ConfigureAwait(false);
            }
        }
        throw new TimeoutException($"Prism ({Name}) did not open port {_port} within {_timeout.TotalSeconds:0} s:{Environment.NewLine}{RecentOutput()}");
    }

    private static int FreeLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }
}

using System.Buffers;
using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text.Json;

namespace ReproBundle.Browser;

/// <summary>
/// The few Chrome DevTools Protocol commands <see cref="PngRenderer"/> sends, over one WebSocket, without PuppeteerSharp.
/// A command is a JSON message with an id; its answer carries the same id and is matched here; events are read and
/// dropped, except a crashed or detached page, which fails every command still waiting at once. Nothing is
/// deserialized by reflection, and there is no page, frame or network bookkeeping: cheaper per run than PuppeteerSharp's
/// connection (bench/RESULTS.md has the measurement).
/// </summary>
internal sealed class DevToolsConnection : IAsyncDisposable
{
    private readonly ClientWebSocket _socket;
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonDocument>> _waiting = new();
    private readonly SemaphoreSlim _sending = new(1, 1);
    private readonly CancellationTokenSource _closing = new();
    private readonly Task _receiving;
    private int _lastId;
    private volatile string? _fault;

    private DevToolsConnection(ClientWebSocket socket)
    {
        _socket = socket;
        _receiving = Task.Run(ReceiveAsync);
    }

    /// <summary>Opens the browser-wide DevTools connection at <paramref name="endpoint"/> (the <c>ws://</c> address Chromium prints).</summary>
    public static async Task<DevToolsConnection> OpenAsync(Uri endpoint, TimeSpan timeout)
    {
        var socket = new ClientWebSocket();
        // Figures go out as one message each (tens of KB) and PNGs come back as base64 (up to a few hundred KB).
        socket.Options.SetBuffer(64 * 1024, 64 * 1024);
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await socket.ConnectAsync(endpoint, limit.Token);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        return new DevToolsConnection(socket);
    }

    /// <summary>
    /// Sends <paramref name="method"/> with the parameters <paramref name="writeParameters"/> writes (inside the
    /// <c>params</c> object), to the page attached as <paramref name="sessionId"/> or to the browser when null, and
    /// returns the whole answer (read its <c>result</c>; dispose it). Throws <see cref="ChromiumFaultException"/>
    /// when the browser answers with an error, the connection ends, the page crashes, or no answer comes within
    /// <paramref name="timeout"/>.
    /// </summary>
    public async Task<JsonDocument> SendAsync(string method, Action<Utf8JsonWriter>? writeParameters, string? sessionId, TimeSpan timeout)
    {
        var id = Interlocked.Increment(ref _lastId);
        var answer = new TaskCompletionSource<JsonDocument>(TaskCreationOptions.RunContinuationsAsynchronously);
        // Registered before the fault is checked, so a fault recorded in between still fails this command.
        _waiting[id] = answer;
        if (_fault is { } earlier) Fail(earlier);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(_closing.Token);
        limit.CancelAfter(timeout);
        JsonDocument reply;
        try
        {
            var message = new ArrayBufferWriter<byte>(1024);
            using (var json = new Utf8JsonWriter(message))
            {
                json.WriteStartObject();
                json.WriteNumber("id", id);
                json.WriteString("method", method);
                if (sessionId is not null) json.WriteString("sessionId", sessionId);
                json.WriteStartObject("params");
                writeParameters?.Invoke(json);
                json.WriteEndObject();
                json.WriteEndObject();
            }
            await _sending.WaitAsync(limit.Token);
            try
            {
                await _socket.SendAsync(message.WrittenMemory, WebSocketMessageType.Text, endOfMessage: true, limit.Token);
            }
            finally
            {
                _sending.Release();
            }
            reply = await answer.Task.WaitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            throw new ChromiumFaultException(_closing.IsCancellationRequested
                ? $"DevTools {method} was cut off: the connection was closed"
                : $"DevTools {method} had no answer within {timeout.TotalSeconds:0} s");
        }
        catch (Exception e) when (e is WebSocketException or IOException or ObjectDisposedException or InvalidOperationException)
        {
            throw new ChromiumFaultException($"DevTools {method} failed: {_fault ?? $"{e.GetType().Name}: {e.Message}"}", e);
        }
        finally
        {
            _waiting.TryRemove(id, out _);
        }
        if (reply.RootElement.TryGetProperty("error", out var error))
        {
            var text = error.TryGetProperty("message", out var m) ? m.GetString() : error.GetRawText();
            reply.Dispose();
            throw new ChromiumFaultException($"DevTools {method} failed: {text}");
        }
        return reply;
    }

    /// <summary>Reads every message until the socket closes; answers go to their waiting command, events are dropped.</summary>
    private async Task ReceiveAsync()
    {
        var buffer = new ArrayBufferWriter<byte>(256 * 1024);
        try
        {
            while (true)
            {
                buffer.ResetWrittenCount();
                ValueWebSocketReceiveResult part;
                do
                {
                    part = await _socket.ReceiveAsync(buffer.GetMemory(64 * 1024), _closing.Token);
                    if (part.MessageType == WebSocketMessageType.Close)
                    {
                        Fail("Chromium closed the DevTools connection");
                        return;
                    }
                    buffer.Advance(part.Count);
                } while (!part.EndOfMessage);

                // A document keeps the memory it was parsed from: each message gets its own copy, as the buffer is reused.
                var message = JsonDocument.Parse(buffer.WrittenMemory.ToArray());
                var root = message.RootElement;
                if (root.TryGetProperty("id", out var id) && id.TryGetInt32(out var number) && _waiting.TryRemove(number, out var waiter))
                {
                    waiter.TrySetResult(message);
                    continue;
                }
                if (root.TryGetProperty("method", out var method))
                {
                    switch (method.GetString())
                    {
                        case "Inspector.targetCrashed":
                        case "Target.targetCrashed":
                            Fail("the page crashed");
                            break;
                        case "Target.detachedFromTarget":
                            Fail("the page was closed");
                            break;
                    }
                }
                message.Dispose();
            }
        }
        catch (Exception e) when (e is WebSocketException or IOException or OperationCanceledException or ObjectDisposedException or JsonException)
        {
            Fail(_closing.IsCancellationRequested ? "the connection was closed" : $"the DevTools connection failed: {e.GetType().Name}: {e.Message}");
        }
    }

    /// <summary>Records the first fault and fails every command still waiting with it.</summary>
    private void Fail(string reason)
    {
        _fault ??= reason;
        foreach (var id in _waiting.Keys)
        {
            if (_waiting.TryRemove(id, out var waiter)) waiter.TrySetException(new ChromiumFaultException(_fault));
        }
    }

    /// <summary>Drops the connection at once (the browser's process is ended by its owner, not asked to close).</summary>
    public async ValueTask DisposeAsync()
    {
        if (_closing.IsCancellationRequested) return;
        _closing.Cancel();
        _socket.Abort();
        try
        {
            await _receiving;
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // Ended by the abort.
        }
        // _closing and _sending are not disposed: a command that races with the end still reads them and fails cleanly.
        _socket.Dispose();
    }
}

using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Kiln.Benchmarks.Serve;

/// <summary>
/// One keep-alive HTTP/1.1 connection that posts a fixed, pre-encoded request and reads the status and body
/// (Content-Length or chunked). Far cheaper per request than HttpClient, so the generator leaves the cores to the server.
/// </summary>
internal sealed class RawHttpConnection(IPEndPoint endpoint, byte[] request) : IDisposable
{
    private readonly byte[] buffer = new byte[64 * 1024];
    private Socket? socket;
    private int start;
    private int end;

    /// <summary>Encodes <c>POST path</c> with a JSON body as the bytes every request of a run sends.</summary>
    public static byte[] EncodePost(Uri url, byte[] body)
    {
        var head = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture,
            $"POST {url.PathAndQuery} HTTP/1.1\r\nHost: {url.Authority}\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\n\r\n"));
        return [.. head, .. body];
    }

    /// <summary>Sends the request (connecting first if needed) and returns the response's status code once its body is read.</summary>
    public async Task<int> SendAsync(CancellationToken ct)
    {
        try
        {
            if (socket is null)
            {
                socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                await socket.ConnectAsync(endpoint, ct).ConfigureAwait(false);
                start = end = 0;
            }

            for (var sent = 0; sent < request.Length;)
                sent += await socket.SendAsync(request.AsMemory(sent), SocketFlags.None, ct).ConfigureAwait(false);
            var statusLine = await ReadLineAsync(ct).ConfigureAwait(false);
            var status = int.Parse(statusLine.AsSpan(9, 3), CultureInfo.InvariantCulture);
            long length = 0;
            bool chunked = false, close = false;
            for (var line = await ReadLineAsync(ct).ConfigureAwait(false); line.Length > 0; line = await ReadLineAsync(ct).ConfigureAwait(false))
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                var name = line[..colon].Trim();
                var value = line[(colon + 1)..].Trim();
                if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                    length = long.Parse(value, CultureInfo.InvariantCulture);
                else if (name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
                    chunked = value.Contains("chunked", StringComparison.OrdinalIgnoreCase);
                else if (name.Equals("Connection", StringComparison.OrdinalIgnoreCase))
                    close = value.Equals("close", StringComparison.OrdinalIgnoreCase);
            }

            if (chunked)
                await SkipChunkedAsync(ct).ConfigureAwait(false);
            else
                await SkipAsync(length, ct).ConfigureAwait(false);
            if (close)
                Dispose();
            return status;
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>Closes the socket; the next <see cref="SendAsync"/> reconnects.</summary>
    public void Dispose()
    {
        socket?.Dispose();
        socket = null;
    }

    private async Task SkipChunkedAsync(CancellationToken ct)
    {
        while (true)
        {
            var sizeLine = await ReadLineAsync(ct).ConfigureAwait(false);
            var semicolon = sizeLine.IndexOf(';', StringComparison.Ordinal);
            var size = long.Parse(semicolon < 0 ? sizeLine : sizeLine[..semicolon], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            if (size == 0)
            {
                while ((await ReadLineAsync(ct).ConfigureAwait(false)).Length > 0)
                {
                    // Trailer fields: read and ignored.
                }

                return;
            }

            await SkipAsync(size + 2, ct).ConfigureAwait(false);
        }
    }

    private async Task SkipAsync(long count, CancellationToken ct)
    {
        while (count > 0)
        {
            if (start == end)
                await FillAsync(ct).ConfigureAwait(false);
            var take = (int)Math.Min(count, end - start);
            start += take;
            count -= take;
        }
    }

    private async Task<string> ReadLineAsync(CancellationToken ct)
    {
        while (true)
        {
            var newline = buffer.AsSpan(start, end - start).IndexOf("\r\n"u8);
            if (newline >= 0)
            {
                var line = Encoding.ASCII.GetString(buffer, start, newline);
                start += newline + 2;
                return line;
            }

            if (start > 0)
            {
                Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
                end -= start;
                start = 0;
            }

            if (end == buffer.Length)
                throw new IOException("a response header line is longer than 64 KiB.");
            await FillAsync(ct).ConfigureAwait(false);
        }
    }

    private async Task FillAsync(CancellationToken ct)
    {
        if (start == end)
            start = end = 0;
        var read = await socket!.ReceiveAsync(buffer.AsMemory(end), SocketFlags.None, ct).ConfigureAwait(false);
        if (read == 0)
            throw new IOException("the server closed the connection mid-response.");
        end += read;
    }
}

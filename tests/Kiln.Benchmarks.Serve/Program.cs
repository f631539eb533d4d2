using System.Globalization;
using Kiln.Benchmarks.Serve;

// Usage:
//   Kiln.Benchmarks.Serve load <infer-url> <body.json> <rate req/s> <seconds> [connections] [warm-up seconds]
//       Open-loop load: request i is due at start + i / rate whatever the earlier ones did, and goes out on the next
//       free one of `connections` keep-alive connections (raw HTTP/1.1, loopback IP only). Sends rate * seconds
//       requests, gives up 10 s after the last was due, and prints one line: "sent N ok N rejected N other N errors N
//       elapsed S ok_rps X ok_p50 MS ok_p99 MS rej_p50 MS rej_p99 MS lag_p50 MS lag_p99 MS" (latency from send,
//       lag from due time to send). A warm-up (default 0 s) at the same rate runs first and is not reported.
var inv = CultureInfo.InvariantCulture;
if (args.Length < 5 || args[0] != "load")
    throw new ArgumentException("usage: load <infer-url> <body.json> <rate> <seconds> [connections] [warm-up seconds]");
var (url, body, rate) = (new Uri(args[1]), await File.ReadAllBytesAsync(args[2]), double.Parse(args[3], inv));
var connections = args.Length > 5 ? int.Parse(args[5], inv) : 1024;
var warmUp = args.Length > 6 ? double.Parse(args[6], inv) : 0;
if (warmUp > 0)
    await OpenLoopLoad.RunAsync(url, body, rate, warmUp, connections);
var result = await OpenLoopLoad.RunAsync(url, body, rate, double.Parse(args[4], inv), connections);
Console.WriteLine(result.ToLine());
return 0;

"""Drives the Kiln C# kernel with jupyter_client (Debian's python3-jupyter-client) and asserts on its replies.

Usage: kernel_client.py SCENARIO LOGFILE, with JUPYTER_PATH pointing at a prefix holding the kiln-csharp kernelspec.
Prints "PASS <check>" for each check and exits 0; an assertion failure exits non-zero with its message.
"""
import os
import sys
import time

import zmq
from jupyter_client.manager import KernelManager

TIMEOUT = 60


def check(name, condition, detail=""):
    if not condition:
        raise AssertionError(f"{name}: {detail}")
    print(f"PASS {name}", flush=True)


def start(log_path):
    km = KernelManager(kernel_name="kiln-csharp")
    km.start_kernel(stderr=open(log_path, "w"))
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=TIMEOUT)
    return km, kc


def reply_to(kc, msg_id, timeout=TIMEOUT):
    """Returns the content of the shell reply to msg_id, skipping stale replies.

    wait_for_ready resends kernel_info_request until a reply comes within a second, so late kernel_info_replies can
    still be queued on the shell channel when a scenario starts.
    """
    reply = kc.get_shell_msg(timeout=timeout)
    while reply["parent_header"].get("msg_id") != msg_id:
        reply = kc.get_shell_msg(timeout=timeout)
    return reply["content"]


def run(kc, code, **kwargs):
    """Executes code and returns (reply content, iopub messages of the request)."""
    msg_id = kc.execute(code, **kwargs)
    reply = reply_to(kc, msg_id)
    return reply, collect_iopub(kc, msg_id)


def collect_iopub(kc, msg_id):
    outputs = []
    while True:
        msg = kc.get_iopub_msg(timeout=TIMEOUT)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        outputs.append(msg)
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            return outputs


def brief(outputs):
    return [(m["msg_type"], m["content"]) for m in outputs]


def texts(outputs, msg_type):
    return [m["content"] for m in outputs if m["msg_type"] == msg_type]


def language(km, kc):
    info = reply_to(kc, kc.kernel_info())
    check("kernel_info protocol", info["protocol_version"] == "5.3", info)
    check("kernel_info implementation", info["implementation"] == "kiln", info)
    check("kernel_info language", info["language_info"]["name"] == "C#" and info["language_info"]["file_extension"] == ".cs", info)

    reply, _ = run(kc, "var numbers = new List<int> { 1, 2, 3 };\nstatic int Twice(int x) => 2 * x;")
    check("execute declarations", reply["status"] == "ok", reply)

    code = "numbers.Cou"
    comp = reply_to(kc, kc.complete(code, len(code)))
    check("complete member of earlier cell's variable", "Count" in comp["matches"], comp["matches"][:20])
    check("complete cursor_start", comp["cursor_start"] == len("numbers.") and comp["cursor_end"] == len(code), comp)

    code = "var y = Twi"
    comp = reply_to(kc, kc.complete(code, len(code)))
    check("complete earlier cell's function", "Twice" in comp["matches"], comp["matches"][:20])

    code = "Math.Sqrt(2)"
    insp = reply_to(kc, kc.inspect(code, 7))
    check("inspect found", insp["status"] == "ok" and insp["found"], insp)
    check("inspect XML doc summary", "Returns the square root of a specified number." in insp["data"]["text/plain"], insp)
    check("inspect markdown", "Sqrt" in insp["data"]["text/markdown"], insp)

    insp = reply_to(kc, kc.inspect("numbers", 3))
    check("inspect variable type", insp["found"] and "List<int>" in insp["data"]["text/plain"], insp)

    for code, status in [("for (var i = 0; i < 3; i++) {", "incomplete"), ("var x = 1;", "complete"), ("var x = ;", "invalid")]:
        reply = reply_to(kc, kc.is_complete(code))
        check(f"is_complete {status}", reply["status"] == status, (code, reply))
        if status == "incomplete":
            check("is_complete indent", reply["indent"] == "    ", reply)

    check("history empty", reply_to(kc, kc.history())["history"] == [])
    check("comm_info empty", reply_to(kc, kc.comm_info())["comms"] == {})


def stdin(km, kc):
    msg_id = kc.execute('var name = Console.ReadLine();\nvar secret = JupyterInput.GetPassword("Password: ");\nConsole.WriteLine($"hello {name}, {secret.Length}");', allow_stdin=True)
    request = kc.get_stdin_msg(timeout=TIMEOUT)
    check("input_request for Console.ReadLine", request["msg_type"] == "input_request" and not request["content"]["password"], request)
    check("input_request parent", request["parent_header"]["msg_id"] == msg_id, request["parent_header"])
    kc.input("kiln")
    request = kc.get_stdin_msg(timeout=TIMEOUT)
    check("input_request password", request["content"]["password"] and request["content"]["prompt"] == "Password: ", request)
    kc.input("s3cret")
    reply = reply_to(kc, msg_id)
    check("stdin cell ok", reply["status"] == "ok", reply)
    streams = "".join(c["text"] for c in texts(collect_iopub(kc, msg_id), "stream"))
    check("stdin values reach the cell", "hello kiln, 6" in streams, streams)

    reply, outputs = run(kc, "Console.ReadLine()", allow_stdin=False)
    check("stdin refused without allow_stdin", reply["status"] == "error" and "allow_stdin" in reply["evalue"], reply)


def errors(km, kc):
    first = kc.execute('throw new InvalidOperationException("boom");')
    second = kc.execute("var after = 1;")
    replies = {msg_id: reply_to(kc, msg_id) for msg_id in (first, second)}
    check("error reply", replies[first]["status"] == "error" and replies[first]["ename"] == "InvalidOperationException", replies[first])
    check("queued execute aborted after error", replies[second]["status"] == "aborted", replies[second])

    first = kc.execute('throw new InvalidOperationException("boom");', stop_on_error=False)
    second = kc.execute("var after = 1;")
    replies = {msg_id: reply_to(kc, msg_id) for msg_id in (first, second)}
    check("no abort when stop_on_error is false", replies[second]["status"] == "ok", replies[second])

    reply, outputs = run(kc, "int broken = \"text\";")
    errs = texts(outputs, "error")
    check("compile error published", reply["status"] == "error" and errs and errs[0]["ename"] == reply["ename"], (reply, errs))

    reply, outputs = run(kc, "Console.WriteLine(\"quiet\"); 42", silent=True)
    check("silent publishes nothing", reply["status"] == "ok" and not texts(outputs, "stream") and not texts(outputs, "execute_result"), outputs)


def interrupt(km, kc):
    msg_id = kc.execute('Console.WriteLine("spinning");\nwhile (true) { }')
    while True:
        msg = kc.get_iopub_msg(timeout=TIMEOUT)
        if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "stream":
            break
    time.sleep(1.5)
    check("heartbeat answers while a cell spins", kc.hb_channel.is_beating())
    km.interrupt_kernel()
    reply = reply_to(kc, msg_id, timeout=30)
    check("interrupted cell replies", reply["status"] == "error", reply)
    reply, outputs = run(kc, "1 + 1")
    results = texts(outputs, "execute_result")
    check("kernel alive after interrupt", reply["status"] == "ok" and results and results[0]["data"]["text/plain"] == "2", (reply, brief(outputs)))


def restart(km, kc):
    reply, _ = run(kc, "var kept = 42;")
    check("state before restart", reply["status"] == "ok", reply)
    km.restart_kernel(now=False)
    kc.wait_for_ready(timeout=TIMEOUT)
    reply, _ = run(kc, "kept")
    check("state gone after restart", reply["status"] == "error" and "kept" in reply["evalue"], reply)
    reply, outputs = run(kc, "6 * 7")
    check("kernel works after restart", reply["status"] == "ok" and reply["execution_count"] == 2, reply)

    kc.shutdown()
    deadline = time.time() + 15
    reply = None
    while time.time() < deadline and reply is None:
        msg = kc.get_control_msg(timeout=TIMEOUT)
        if msg["msg_type"] == "shutdown_reply":
            reply = msg["content"]
    check("shutdown reply", reply is not None and reply["status"] == "ok" and reply["restart"] is False, reply)
    while time.time() < deadline and km.is_alive():
        time.sleep(0.1)
    check("process exits after shutdown", not km.is_alive())
    check("process exit code 0", km.provisioner.process.poll() == 0, km.provisioner.process.poll())


def signature(km, kc):
    info = km.get_connection_info(session=True)
    session = info["session"]
    context = zmq.Context.instance()
    sock = context.socket(zmq.DEALER)
    sock.linger = 0
    sock.connect(f"{info['transport']}://{info['ip']}:{info['shell_port']}")
    poller = zmq.Poller()
    poller.register(sock, zmq.POLLIN)

    forged = session.msg("kernel_info_request", {})
    frames = session.serialize(forged)
    frames[1] = b"0" * 64
    sock.send_multipart(frames)
    check("forged message gets no reply", not poller.poll(3000))

    genuine = session.msg("kernel_info_request", {})
    sock.send_multipart(session.serialize(genuine))
    check("signed message gets a reply", poller.poll(TIMEOUT * 1000))
    reply = session.deserialize(session.feed_identities(sock.recv_multipart())[1])
    check("reply is verified and answers the signed request", reply["parent_header"]["msg_id"] == genuine["header"]["msg_id"], reply["header"])
    sock.close()


def orphan(km, kc):
    """Exits abruptly, leaving the kernel without its launcher; the C# test checks that the kernel exits by itself."""
    print(f"KERNEL_PID {km.provisioner.process.pid}", flush=True)
    os._exit(0)


def main():
    scenario, log_path = sys.argv[1], sys.argv[2]
    km, kc = start(log_path)
    try:
        globals()[scenario](km, kc)
    finally:
        kc.stop_channels()
        if km.is_alive():
            km.shutdown_kernel(now=False)
    if scenario == "signature":
        log = open(log_path).read()
        check("bad signature logged", "invalid signature" in log, log)
        check("log has no payload", "kernel_info_request" not in log, log)


if __name__ == "__main__":
    main()

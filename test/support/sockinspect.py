#!/usr/bin/env python3
"""Socket-option oracle for elproc's behaviour tests, independent of elproc's FFI.

Usage:
  sockinspect.py PID FD [FD ...]     duplicate each FD of process PID with pidfd_open/pidfd_getfd
                                     and report its getsockopt values
  sockinspect.py --fresh FAMILY      report a freshly created stream socket (FAMILY: inet | inet6)
  --consume-error (before PID)       also report SO_ERROR as "soError" (an errno name or null);
                                     reading it clears the pending error, so it is opt-in

Prints one JSON array, one object per socket: {"fd", "family", "type", "listening", "local",
"peer", "options", and for TCP "tcpState"} or {"fd", "error", "errno"} when the descriptor could not be inspected.
Needs Linux >= 5.6 and ptrace rights over PID (the tests inspect their own process as root).
"""
import ctypes
import errno
import json
import os
import socket
import struct
import sys

# Linux's generic syscall numbers: the same on x86-64 and arm64 (asm-generic/unistd.h).
SYS_PIDFD_OPEN = 434
SYS_PIDFD_GETFD = 438

libc = ctypes.CDLL(None, use_errno=True)
libc.syscall.restype = ctypes.c_long

SOL = socket.SOL_SOCKET
INT_OPTIONS = [
    "SO_KEEPALIVE",
    "SO_BROADCAST",
    "SO_DONTROUTE",
    "SO_OOBINLINE",
    "SO_PRIORITY",
    "SO_REUSEADDR",
    "SO_REUSEPORT",
    "SO_SNDBUF",
    "SO_RCVBUF",
    "SO_RCVLOWAT",
]
TCP_OPTIONS = ["TCP_NODELAY", "TCP_KEEPIDLE", "TCP_KEEPINTVL", "TCP_KEEPCNT"]
IFNAMSIZ = 16
# include/net/tcp_states.h
TCP_STATES = [None, "ESTABLISHED", "SYN_SENT", "SYN_RECV", "FIN_WAIT1", "FIN_WAIT2", "TIME_WAIT", "CLOSE",
              "CLOSE_WAIT", "LAST_ACK", "LISTEN", "CLOSING", "NEW_SYN_RECV"]


def duplicate(pid, fd):
    pidfd = libc.syscall(SYS_PIDFD_OPEN, ctypes.c_int(pid), ctypes.c_uint(0))
    if pidfd < 0:
        err = ctypes.get_errno()
        raise OSError(err, "pidfd_open: " + os.strerror(err))
    try:
        nfd = libc.syscall(SYS_PIDFD_GETFD, ctypes.c_int(pidfd), ctypes.c_int(fd), ctypes.c_uint(0))
        if nfd < 0:
            err = ctypes.get_errno()
            raise OSError(err, "pidfd_getfd: " + os.strerror(err))
        return nfd
    finally:
        os.close(pidfd)


def address(value):
    if value is None:
        return None
    if isinstance(value, tuple):
        return [value[0], value[1]]
    if isinstance(value, bytes):
        return value.decode("latin-1")
    return value


def report(sock, fd, consume_error=False):
    fam = sock.family
    typ = sock.type
    out = {
        "fd": fd,
        "family": getattr(fam, "name", str(fam)),
        "type": getattr(typ, "name", str(typ)),
        "listening": bool(sock.getsockopt(SOL, socket.SO_ACCEPTCONN)),
    }
    try:
        out["local"] = address(sock.getsockname())
    except OSError:
        out["local"] = None
    try:
        out["peer"] = address(sock.getpeername())
    except OSError:
        out["peer"] = None
    options = {}
    for name in INT_OPTIONS:
        options[name] = sock.getsockopt(SOL, getattr(socket, name))
    onoff, seconds = struct.unpack("ii", sock.getsockopt(SOL, socket.SO_LINGER, 8))
    options["SO_LINGER"] = [onoff, seconds]
    options["SO_BINDTODEVICE"] = sock.getsockopt(SOL, socket.SO_BINDTODEVICE, IFNAMSIZ).split(b"\0")[0].decode()
    if fam in (socket.AF_INET, socket.AF_INET6) and typ == socket.SOCK_STREAM:
        for name in TCP_OPTIONS:
            options[name] = sock.getsockopt(socket.IPPROTO_TCP, getattr(socket, name))
        # struct tcp_info starts with the state byte; reading it does not disturb the socket.
        state = sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_INFO, 1)[0]
        out["tcpState"] = TCP_STATES[state] if state < len(TCP_STATES) else str(state)
    out["options"] = options
    if consume_error:
        err = sock.getsockopt(SOL, socket.SO_ERROR)
        out["soError"] = errno.errorcode.get(err, str(err)) if err else None
    return out


def inspect_fd(pid, fd, consume_error=False):
    try:
        nfd = duplicate(pid, fd)
    except OSError as e:
        return {"fd": fd, "error": e.strerror, "errno": errno.errorcode.get(e.errno, str(e.errno))}
    try:
        sock = socket.socket(fileno=nfd)
    except OSError as e:
        os.close(nfd)
        return {"fd": fd, "error": e.strerror, "errno": errno.errorcode.get(e.errno, str(e.errno))}
    try:
        return report(sock, fd, consume_error)
    finally:
        sock.detach()
        os.close(nfd)


def fresh(family_name):
    family = {"inet": socket.AF_INET, "inet6": socket.AF_INET6}[family_name]
    with socket.socket(family, socket.SOCK_STREAM) as sock:
        return report(sock, None)


def main(argv):
    consume_error = "--consume-error" in argv
    argv = [arg for arg in argv if arg != "--consume-error"]
    if len(argv) == 3 and argv[1] == "--fresh":
        result = [fresh(argv[2])]
    elif len(argv) >= 3:
        pid = int(argv[1])
        result = [inspect_fd(pid, int(fd), consume_error) for fd in argv[2:]]
    else:
        sys.stderr.write(__doc__)
        return 2
    json.dump(result, sys.stdout)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

#!/usr/bin/env python3
"""A TCP peer that sends one byte of urgent (out-of-band) data, for elproc's :oobinline tests.

Usage:
  oob-peer.py listen         listen on 127.0.0.1 (random port), print the port, accept one peer
  oob-peer.py connect PORT   connect to 127.0.0.1:PORT

Once connected, it waits for one byte from the other side (the go signal, sent once the other
side has set its options), then sends b"before", b"!" with MSG_OOB, b"after", shuts down its
sending side, reads until EOF and prints "done".
"""
import socket
import sys


def serve(sock):
    sock.settimeout(20)
    if not sock.recv(1):
        raise SystemExit("no go signal")
    sock.sendall(b"before")
    sock.send(b"!", socket.MSG_OOB)
    sock.sendall(b"after")
    sock.shutdown(socket.SHUT_WR)
    while sock.recv(4096):
        pass
    print("done", flush=True)


def main(argv):
    if len(argv) == 2 and argv[1] == "listen":
        with socket.socket() as listener:
            listener.bind(("127.0.0.1", 0))
            listener.listen(1)
            print(listener.getsockname()[1], flush=True)
            listener.settimeout(20)
            conn, _ = listener.accept()
            with conn:
                serve(conn)
    elif len(argv) == 3 and argv[1] == "connect":
        with socket.create_connection(("127.0.0.1", int(argv[2])), timeout=20) as conn:
            serve(conn)
    else:
        sys.stderr.write(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

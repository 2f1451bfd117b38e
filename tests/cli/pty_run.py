#!/usr/bin/env python3
"""Runs a command with its stderr (and, with --stdout-too, its stdout) on a pseudo-terminal.

Usage: pty_run.py [--stdout-too] STDOUT_FILE -- COMMAND...
Writes the command's stdout to STDOUT_FILE (unless --stdout-too), copies everything it wrote to the
terminal to our stdout byte for byte, and exits with the command's exit status.
"""
import os
import pty
import subprocess
import sys


def main() -> int:
    args = sys.argv[1:]
    stdout_too = args[:1] == ["--stdout-too"]
    if stdout_too:
        args = args[1:]
    out_path, separator, command = args[0], args[1], args[2:]
    assert separator == "--" and command, __doc__
    master, slave = pty.openpty()
    with open(out_path, "wb") as out:
        process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=slave if stdout_too else out, stderr=slave)
        os.close(slave)
        seen = bytearray()
        while True:
            try:
                chunk = os.read(master, 1 << 16)
            except OSError:  # EIO: every writer to the terminal is gone
                break
            if not chunk:
                break
            seen += chunk
        status = process.wait()
    os.close(master)
    sys.stdout.buffer.write(bytes(seen))
    return status


if __name__ == "__main__":
    sys.exit(main())

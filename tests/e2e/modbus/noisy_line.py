#!/usr/bin/env python3
"""A noisy RS485 line for the Modbus fault test: two pseudo-terminals joined by a relay that
flips one bit in a share of the bytes passing either way (as a line without common ground does,
reference §1.9). The master opens LINK_MASTER, the simulator LINK_NODE (symlinks to the ptys).
Noise stops when the file QUIET exists; the relay runs until SIGTERM.

usage: noisy_line.py LINK_MASTER LINK_NODE QUIET [PER_MILLE]
"""
import os
import random
import select
import signal
import sys
import tty


def main():
    link_master, link_node, quiet = sys.argv[1:4]
    per_mille = int(sys.argv[4]) if len(sys.argv) > 4 else 3
    pairs = [os.openpty() for _ in range(2)]
    for (master, slave), link in zip(pairs, (link_master, link_node)):
        tty.setraw(slave)
        if os.path.lexists(link):
            os.unlink(link)
        os.symlink(os.ttyname(slave), link)
    ends = [pairs[0][0], pairs[1][0]]
    random.seed(3267)
    flipped = 0
    running = True

    def stop(*_):
        nonlocal running
        running = False

    signal.signal(signal.SIGTERM, stop)
    print("noisy_line: ready", flush=True)
    while running:
        try:
            readable, _, _ = select.select(ends, [], [], 0.05)
        except InterruptedError:
            continue
        noisy = not os.path.exists(quiet)
        for fd in readable:
            try:
                data = bytearray(os.read(fd, 512))
            except OSError:
                continue
            if noisy:
                for i in range(len(data)):
                    if random.randrange(1000) < per_mille:
                        data[i] ^= 1 << random.randrange(8)
                        flipped += 1
            other = ends[1] if fd == ends[0] else ends[0]
            try:
                os.write(other, bytes(data))
            except OSError:
                pass
    print(f"noisy_line: {flipped} bits flipped", flush=True)


if __name__ == "__main__":
    main()

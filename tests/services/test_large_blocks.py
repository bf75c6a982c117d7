"""glibc told to map blocks of 1 MB or more, so freed columns go back to the system.

Checked through glibc's own accounting (mallinfo2: bytes in mapped blocks), after the free of a
16 MB block that, by default, would raise the threshold and send a 2 MB block to the heap."""

from __future__ import annotations

import ctypes
import subprocess
import sys
import textwrap

from linkmanager.services.large_blocks import THRESHOLD, map_large_blocks

PROBE = textwrap.dedent(
    """
    import ctypes, sys
    from linkmanager.services.large_blocks import map_large_blocks

    class Info(ctypes.Structure):
        _fields_ = [(n, ctypes.c_size_t) for n in
                    "arena ordblks smblks hblks hblkhd usmblks fsmblks uordblks fordblks keepcost".split()]

    libc = ctypes.CDLL(None)
    libc.mallinfo2.restype = Info
    libc.malloc.restype = ctypes.c_void_p
    libc.free.argtypes = [ctypes.c_void_p]
    if sys.argv[1] == "fixed":
        assert map_large_blocks()
    libc.free(libc.malloc(16 << 20))  # glibc's default: the threshold rises to 16 MB here
    before = libc.mallinfo2().hblkhd
    block = libc.malloc(2 << 20)
    print(libc.mallinfo2().hblkhd - before)
    libc.free(block)
    """
)


def mapped_growth(mode: str) -> int:
    done = subprocess.run([sys.executable, "-c", PROBE, mode], capture_output=True, text=True, check=True)
    return int(done.stdout)


def test_on_glibc_a_freed_large_block_no_longer_sends_the_next_to_the_heap() -> None:
    assert hasattr(ctypes.CDLL(None), "mallinfo2"), "these tests run on glibc (Debian)"
    assert mapped_growth("default") == 0  # the 2 MB block came from the heap
    assert mapped_growth("fixed") >= 2 << 20  # mapped: returned to the system when freed
    assert THRESHOLD == 1 << 20


def test_asking_twice_is_asking_once() -> None:
    assert map_large_blocks() is map_large_blocks()

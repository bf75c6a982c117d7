"""The command line's exit codes, one list for every command (the README's "Exit codes")."""

from __future__ import annotations

EXIT_OK = 0
EXIT_ERROR = 1  # one sentence on stderr says what and what to do
EXIT_USAGE = 2  # the command was not given right; nothing was done
EXIT_OFFLINE = 3  # Lean could not be reached; reads still work from the cache
EXIT_PROBLEMS = 4  # a sync finished, but some links could not be updated (each named)
EXIT_CANCELLED = 130  # Ctrl+C
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, as a shell reports it

"""Child processes that never outlive the process that started them."""

from __future__ import annotations

import os
import threading

CHECK_SECONDS = 1.0


def exit_with_parent(check_seconds: float = CHECK_SECONDS) -> None:
    """Call first thing in a worker process: it ends within `check_seconds` of its parent's death, even when
    the parent was killed with SIGKILL and had no chance to stop it.

    A watcher thread polls the parent id (orphans are re-parented). Linux's PR_SET_PDEATHSIG is not used: it
    fires when the *thread* that started the child ends, and pools start replacement workers from short-lived
    threads."""
    parent = os.getppid()
    if parent == 1:  # already orphaned before this ran
        os._exit(1)
    threading.Thread(target=_watch_parent, args=(parent, check_seconds), name="parent-watch", daemon=True).start()


def _watch_parent(parent: int, check_seconds: float) -> None:
    stop = threading.Event()
    while not stop.wait(check_seconds):
        if os.getppid() != parent:
            os._exit(1)

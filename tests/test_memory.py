"""The server process hands freed memory back to the system (service/memory.py)."""

from __future__ import annotations

import threading

import pytest

from service import memory


@pytest.mark.skipif(memory._glibc() is None, reason="glibc only")
def test_the_trimmer_trims_until_stopped(monkeypatch):
    trimmed = threading.Event()
    monkeypatch.setattr(memory, "trim", trimmed.set)
    trimmer = memory.Trimmer(seconds=0.01).start()
    assert trimmed.wait(5)
    trimmer.stop()
    trimmer._thread.join(5)
    assert not trimmer._thread.is_alive()


def test_limiting_arenas_says_whether_it_could():
    assert memory.limit_arenas() is (memory._glibc() is not None)


def test_objects_alive_at_start_up_are_never_collected_again():
    import gc

    before = gc.get_threshold()
    gc.unfreeze()  # as in a fresh process
    try:
        memory.freeze_startup_objects()
        assert gc.get_freeze_count() > 0
        assert gc.get_threshold()[0] == memory.YOUNG_COLLECTION_THRESHOLD
    finally:
        gc.unfreeze()
        gc.set_threshold(*before)

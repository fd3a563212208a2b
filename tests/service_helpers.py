"""Helpers shared by the service tests: an app on a temporary store, invented pages, auth headers."""

from __future__ import annotations

import subprocess
from pathlib import Path

KEY = "test-key"
AUTH = {"Authorization": f"Bearer {KEY}"}

SKATING_NL = (
    "Smeekens tiende op de 500 meter\n\n"
    "Jan Smeekens is tiende geworden op de 500 meter. "
    "De schaatser van Team Zuidwind finishte in 34,93, op 0,52 seconde van winnaar Havard Lorentzen.\n\n"
    '"Dit is heel erg zonde", zei Smeekens na afloop.\n\n'
    "Woensdag rijdt Sven Kramer de ploegenachtervolging.\n"
)

SKATING_NL_LATER = (
    "Smeekens wint in Heerenveen\n\n"
    "Jan Smeekens heeft de 500 meter gewonnen in Heerenveen. "
    "De schaatser van Team Zuidwind was 0,10 seconde sneller dan Kai Verbij.\n\n"
    '"Eindelijk weer eens winnen", zei Smeekens.\n'
)

CYCLING_EN = (
    "Quinn wins stage two at Lago Verde\n\n"
    "Oscar Quinn won the second stage of the Giro della Valle Fittizia from Lago Verde to Monte Nebbia on Sunday, "
    "beating Tomas Varga by two seconds.\n\n"
    '"I knew I had the legs today," Quinn said.\n'
)

CALENDAR = """it Giro della Valle Fittizia
WorldTeam Men 02 May '26 - 04 May '26
1/3 Borgo Alto › Lago Verde 152km
2/3 Lago Verde › Monte Nebbia 171km
3/3 Monte Nebbia › Borgo Alto 18km
nl Omloop van het Testland
WorldTeam Women 10 May '26
1/1 Testdorp › Testdorp 131km
"""

SEED = Path(__file__).resolve().parents[1].parent / "shared" / "seed" / "team-site-page.txt"


def make_client(tmp_path: Path, engine, **settings):
    from fastapi.testclient import TestClient

    from service.app import create_app
    from service.settings import Settings

    options = {"data_dir": tmp_path / "data", "api_keys": KEY, **settings}
    return TestClient(create_app(Settings(**options), engine=engine), raise_server_exceptions=False)


def wait_for(client, url, timeout=60.0):
    """The batch job at `url` once it is done or failed."""
    import time

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job = client.get(url).json()
        if job["status"] in ("done", "failed"):
            return job
        time.sleep(0.1)
    raise AssertionError(f"job still running after {timeout}s: {job}")


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def palmares_command() -> list[str]:
    import shutil
    import sys

    script = Path(sys.executable).parent / "palmares"
    if script.exists():
        return [str(script)]
    found = shutil.which("palmares")
    if found is None:
        raise RuntimeError("the palmares command is not installed (pip install -e .)")
    return [found]


class RunningServer:
    """`palmares serve` in a subprocess on a free port, with its own data directory."""

    def __init__(self, data_dir: Path, *extra: str, env: dict[str, str] | None = None) -> None:
        """`env`: more settings, e.g. PALMARES_DATABASE_URL for another store than SQLite in `data_dir`."""
        import os

        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.env = {
            **os.environ,
            "PALMARES_DATA_DIR": str(data_dir),
            "PALMARES_API_KEYS": KEY,
            "PALMARES_DATABASE_URL": "",
        }
        self.env.pop("PALMARES_DATABASE_URL")
        self.env.update(env or {})
        self.args = [*palmares_command(), "serve", "--host", "127.0.0.1", "--port", str(self.port), *extra]
        self.log = data_dir / "server.log"
        self.process: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> RunningServer:
        import time

        import httpx

        self.log.parent.mkdir(parents=True, exist_ok=True)
        self._log_file = self.log.open("w")
        process = self.process = subprocess.Popen(
            self.args, env=self.env, stdout=self._log_file, stderr=subprocess.STDOUT
        )
        deadline = time.monotonic() + 300  # several workers each load the pipelines on a shared 2-core machine
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise RuntimeError(f"server exited early:\n{self.log.read_text()}")
            try:
                if httpx.get(self.base + "/ready", timeout=2).status_code == 200:
                    return self
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        self.__exit__(None, None, None)
        raise RuntimeError(f"server not ready after 300 s:\n{self.log.read_text()}")

    def __exit__(self, *exc) -> None:
        import subprocess

        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self._log_file.close()


class IsolatedEngine:
    """The real engine, minus gazetteer feeding: the spaCy pipelines (and their gazetteer) are shared by the
    whole test process, so names stored by service tests must not leak into other tests' extractions."""

    def __init__(self, engine) -> None:
        self.engine = engine
        self.fed: list[tuple[list[str], list[str], list[str]]] = []

    def add_known(self, athletes=(), teams=(), races=()) -> None:
        self.fed.append((list(athletes), list(teams), list(races)))

    def extract(self, *args, **kwargs):
        return self.engine.extract(*args, **kwargs)

    def extract_many(self, *args, **kwargs):
        return self.engine.extract_many(*args, **kwargs)

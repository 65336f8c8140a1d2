"""A throwaway PostgreSQL server for tests, from the Debian binaries (``postgresql`` package).

``initdb`` + ``pg_ctl`` on a fresh temporary folder, a free TCP port on 127.0.0.1 and the unix
socket inside that folder, so tests never touch a system server. ``initdb`` refuses to run as
root, so as root every server command runs as the ``postgres`` user (``runuser``) in a folder
that user owns. Durability settings are off: the data is thrown away at the end of the session.

``python -m tests.postgres_server`` starts one and prints its URL until interrupted or
terminated, then stops it (handy for trying ``tacitus ingest --db postgresql://...`` by hand).
"""

from __future__ import annotations

import glob
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

USER = "postgres"


def find_bin_dir() -> Path | None:
    """The newest ``/usr/lib/postgresql/*/bin`` holding initdb and pg_ctl, if any."""
    found = [Path(p) for p in glob.glob("/usr/lib/postgresql/*/bin")
             if (Path(p) / "initdb").exists() and (Path(p) / "pg_ctl").exists()]
    return max(found, key=lambda p: int(p.parent.name)) if found else None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class PostgresServer:
    """One running server; ``url(name)`` connects to a database on it as the superuser."""

    def __init__(self, bin_dir: Path) -> None:
        self.bin_dir = bin_dir
        self.root = Path(tempfile.mkdtemp(prefix="tacitus-pg-"))
        self.data = self.root / "data"
        self.log = self.root / "server.log"
        self.port = _free_port()
        self.as_root = os.geteuid() == 0
        if self.as_root:
            shutil.chown(self.root, USER, USER)

    def _run(self, tool: str, *args: str) -> None:
        command = [str(self.bin_dir / tool), *args]
        if self.as_root:
            command = ["runuser", "-u", USER, "--", *command]
        done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False,
                              cwd=self.root)
        if done.returncode:
            log = self.log.read_text(errors="replace")[-2000:] if self.log.exists() else ""
            raise RuntimeError(f"{tool} failed: {done.stderr.strip()}\n{log}")

    def start(self) -> None:
        self._run("initdb", "-D", str(self.data), "-U", USER, "--auth=trust", "-E", "UTF8",
                  "--locale=C.UTF-8", "--no-sync")
        self.pg_ctl("start")

    def pg_ctl(self, action: str, mode: str = "fast") -> None:
        """``pg_ctl start|stop|restart`` on this server with its options (tests of a server that
        goes away and comes back). With -l the server does not hold pg_ctl's output pipes."""
        options = (f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 "
                   "-c fsync=off -c synchronous_commit=off -c full_page_writes=off "
                   "-c max_connections=100")
        starting = () if action == "stop" else ("-o", options)
        stopping = () if action == "start" else ("-m", mode)
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.log), *starting, *stopping,
                  "-w", "-t", "60", action)

    def stop(self) -> None:
        try:
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)

    def url(self, dbname: str = "postgres") -> str:
        return f"postgresql://{USER}@127.0.0.1:{self.port}/{dbname}"

    def create_database(self, name: str, template: str | None = None) -> str:
        """A new empty (or copied from ``template``) database; its URL."""
        import psycopg

        with psycopg.connect(self.url(), autocommit=True) as con:
            copy = f' TEMPLATE "{template}"' if template else ""
            con.execute(f'CREATE DATABASE "{name}"{copy}')
        return self.url(name)


def running_server() -> Iterator[PostgresServer]:
    """Start a server, yield it, stop it; skip the test if PostgreSQL is not installed."""
    bin_dir = find_bin_dir()
    if bin_dir is None:
        pytest.skip("PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin "
                    "(apt-get install postgresql)")
    server = PostgresServer(bin_dir)
    try:
        server.start()
    except BaseException:
        shutil.rmtree(server.root, ignore_errors=True)
        raise
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """One throwaway PostgreSQL server for the whole test session."""
    yield from running_server()


if __name__ == "__main__":
    # SIGTERM (and SIGINT, which a background job ignores) unwind through running_server's
    # finally, which stops the server and removes its folder.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    for server in running_server():
        print(server.url(), flush=True)
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass

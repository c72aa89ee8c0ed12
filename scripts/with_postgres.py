"""Run a command against a throwaway PostgreSQL cluster.

Usage::

    python scripts/with_postgres.py -- pytest -q ...

The script creates a temporary PostgreSQL cluster (server binaries from the
Debian ``postgresql`` package, found under ``/usr/lib/postgresql/*/bin``),
starts it on a free port on 127.0.0.1, runs the given command with
``DATABASE_URL`` pointing at it and exits with the command's exit code.
The server is always stopped and the temporary directory removed afterwards,
also on Ctrl-C, SIGTERM or errors.

When running as root (e.g. in CI) the cluster is owned by and run as the
``postgres`` system user via ``runuser``; otherwise it runs as the current
user. The cluster is tuned for speed (no fsync, 1 GB of shared buffers), not durability.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import FrameType

BIN_GLOB = "/usr/lib/postgresql/*/bin/initdb"
SYSTEM_USER = "postgres"
DB_USER = "postgres"
HOST = "127.0.0.1"
START_TIMEOUT_SECONDS = 60
STOP_TIMEOUT_SECONDS = 60
CHILD_GRACE_SECONDS = 10
LOG_TAIL_LINES = 30
PREFIX = "with_postgres:"


class SetupError(Exception):
    """Raised when the temporary cluster cannot be created or started."""


class Terminated(Exception):
    """Raised from the SIGTERM handler so that cleanup code runs."""


@dataclass(frozen=True)
class Cluster:
    """Locations and settings of the temporary cluster."""

    bindir: Path
    version: str
    basedir: Path
    port: int
    run_as_postgres: bool

    @property
    def datadir(self) -> Path:
        return self.basedir / "data"

    @property
    def logfile(self) -> Path:
        return self.basedir / "server.log"

    @property
    def url(self) -> str:
        return f"postgres://{DB_USER}@{HOST}:{self.port}/postgres"


def log(message: str) -> None:
    """Print a short status line to stderr."""
    print(f"{PREFIX} {message}", file=sys.stderr, flush=True)


def _version_key(initdb: Path) -> tuple[int, ...]:
    """Sort key for .../postgresql/<version>/bin/initdb paths."""
    return tuple(int(part) for part in re.findall(r"\d+", initdb.parent.parent.name))


def find_bindir() -> tuple[Path, str]:
    """Return the bin directory and version of the newest installed server."""
    candidates = [Path(p) for p in Path("/").glob(BIN_GLOB.lstrip("/"))]
    if not candidates:
        raise SetupError(
            f"no PostgreSQL server binaries found ({BIN_GLOB}); install them first, e.g. `apt-get install postgresql`"
        )
    initdb = max(candidates, key=_version_key)
    return initdb.parent, initdb.parent.parent.name


def find_free_port() -> int:
    """Ask the kernel for a currently unused TCP port on HOST."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        port: int = sock.getsockname()[1]
    return port


def make_basedir(run_as_postgres: bool) -> Path:
    """Create the temporary directory, owned by the postgres user if needed."""
    basedir = Path(tempfile.mkdtemp(prefix="with_postgres-"))
    if run_as_postgres:
        try:
            shutil.chown(basedir, user=SYSTEM_USER, group=SYSTEM_USER)
        except LookupError as exc:
            shutil.rmtree(basedir, ignore_errors=True)
            raise SetupError(f"system user {SYSTEM_USER!r} not found: {exc}") from exc
    return basedir


def server_command(cluster: Cluster, program: str, *args: str) -> list[str]:
    """Build a command line for a server binary, run as the right user."""
    command = [str(cluster.bindir / program), *args]
    if not cluster.run_as_postgres:
        return command
    runuser = shutil.which("runuser")
    if runuser is None:
        raise SetupError("`runuser` not found; it is needed when running as root")
    return [runuser, "-u", SYSTEM_USER, "--", *command]


def run_setup(cluster: Cluster, description: str, command: list[str]) -> None:
    """Run a setup step; on failure raise SetupError including its output."""
    try:
        subprocess.run(  # noqa: S603
            command,
            check=True,
            cwd=cluster.basedir,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            timeout=START_TIMEOUT_SECONDS + 30,
        )
    except subprocess.CalledProcessError as exc:
        raise SetupError(f"{description} failed (exit {exc.returncode}):\n{exc.stdout}") from exc
    except subprocess.TimeoutExpired as exc:
        raise SetupError(f"{description} timed out") from exc
    except OSError as exc:
        raise SetupError(f"{description} could not be run: {exc}") from exc


def log_tail(cluster: Cluster) -> str:
    """Return the last lines of the server log, if any."""
    try:
        lines = cluster.logfile.read_text(errors="replace").splitlines()
    except OSError:
        return "(no server log)"
    return "\n".join(lines[-LOG_TAIL_LINES:]) or "(server log is empty)"


def init_cluster(cluster: Cluster) -> None:
    """Create the database cluster with initdb."""
    command = server_command(
        cluster,
        "initdb",
        "-D",
        str(cluster.datadir),
        "--auth=trust",
        f"--username={DB_USER}",
        "--encoding=UTF8",
        "--locale=C.UTF-8",
    )
    run_setup(cluster, "initdb", command)


def start_server(cluster: Cluster) -> None:
    """Start the server and wait until it accepts connections."""
    options = " ".join(
        [
            f"-c listen_addresses={HOST}",
            f"-p {cluster.port}",
            f"-k {shlex.quote(str(cluster.basedir))}",
            "-c fsync=off",
            "-c synchronous_commit=off",
            "-c full_page_writes=off",
            # Sized like a small production server, so that benchmarks read tables from memory.
            "-c shared_buffers=1GB",
        ]
    )
    command = server_command(
        cluster,
        "pg_ctl",
        "start",
        "-w",
        "-t",
        str(START_TIMEOUT_SECONDS),
        "-D",
        str(cluster.datadir),
        "-l",
        str(cluster.logfile),
        "-o",
        options,
    )
    try:
        run_setup(cluster, "pg_ctl start", command)
    except SetupError as exc:
        raise SetupError(f"{exc}\nserver log tail:\n{log_tail(cluster)}") from exc


def stop_server(cluster: Cluster) -> None:
    """Stop the server if it is (possibly) running; only warn on failure."""
    if not (cluster.datadir / "postmaster.pid").exists():
        return
    command = server_command(
        cluster,
        "pg_ctl",
        "stop",
        "-w",
        "-m",
        "fast",
        "-t",
        str(STOP_TIMEOUT_SECONDS),
        "-D",
        str(cluster.datadir),
    )
    try:
        subprocess.run(  # noqa: S603
            command,
            check=True,
            cwd=cluster.basedir,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            timeout=STOP_TIMEOUT_SECONDS + 30,
        )
    except (subprocess.SubprocessError, OSError) as exc:
        log(f"warning: could not stop the server: {exc}")


def run_command(command: Sequence[str], env: dict[str, str]) -> int:
    """Run the user's command and return a shell-style exit code."""
    try:
        process = subprocess.Popen(command, env=env)  # noqa: S603
    except OSError as exc:
        log(f"error: cannot run {command[0]!r}: {exc}")
        return 127 if isinstance(exc, FileNotFoundError) else 126
    try:
        returncode = process.wait()
    except BaseException as exc:
        # On Ctrl-C the child got SIGINT from the terminal too: let it finish.
        terminate(process, interrupted=isinstance(exc, KeyboardInterrupt))
        raise
    return 128 - returncode if returncode < 0 else returncode


def terminate(process: subprocess.Popen[bytes], interrupted: bool = False) -> None:
    """Make a child process exit: wait (if interrupted), SIGTERM, then SIGKILL."""
    with signals_ignored():
        steps = [process.terminate, process.kill]
        if interrupted:
            steps.insert(0, lambda: None)
        for step in steps:
            if process.poll() is not None:
                return
            step()
            try:
                process.wait(timeout=CHILD_GRACE_SECONDS)
            except subprocess.TimeoutExpired:
                continue
            return
        process.wait()


def _raise_terminated(signum: int, frame: FrameType | None) -> None:
    raise Terminated(signal.Signals(signum).name)


@contextlib.contextmanager
def signals_ignored() -> Iterator[None]:
    """Ignore SIGINT and SIGTERM so that cleanup is not interrupted."""
    previous = {sig: signal.signal(sig, signal.SIG_IGN) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


@contextlib.contextmanager
def temporary_cluster() -> Iterator[Cluster]:
    """Create and start a throwaway cluster; stop and remove it on exit."""
    bindir, version = find_bindir()
    run_as_postgres = os.geteuid() == 0
    basedir = make_basedir(run_as_postgres)
    cluster = Cluster(bindir, version, basedir, find_free_port(), run_as_postgres)
    try:
        init_cluster(cluster)
        start_server(cluster)
        log(f"PostgreSQL {version} on {HOST}:{cluster.port}")
        yield cluster
    finally:
        with signals_ignored():
            stop_server(cluster)
            shutil.rmtree(basedir, ignore_errors=True)
            log(f"PostgreSQL {version} cluster removed ({basedir})")


def parse_args(argv: Sequence[str]) -> list[str]:
    """Return the command to run (everything after ``--``)."""
    parser = argparse.ArgumentParser(
        description="Run a command against a throwaway PostgreSQL cluster.",
        usage="%(prog)s -- COMMAND [ARG ...]",
    )
    parser.add_argument("command", nargs=argparse.REMAINDER, help="command to run")
    command: list[str] = parser.parse_args(argv).command
    if command and command[0] == "--":
        command = command[1:]
    if not command:
        parser.error("no command given")
    return command


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point; returns the exit code of the command."""
    command = parse_args(sys.argv[1:] if argv is None else argv)
    signal.signal(signal.SIGTERM, _raise_terminated)
    try:
        with temporary_cluster() as cluster:
            env = {**os.environ, "DATABASE_URL": cluster.url}
            return run_command(command, env)
    except SetupError as exc:
        log(f"error: {exc}")
        return 1
    except KeyboardInterrupt:
        return 128 + signal.SIGINT
    except Terminated:
        return 128 + signal.SIGTERM


if __name__ == "__main__":
    sys.exit(main())

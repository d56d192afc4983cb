"""A throwaway OpenSSH server on the loopback address, for end-to-end tests over a real SSH link.

:class:`SSHServer` generates a host key and a user key with ``ssh-keygen``, writes an
``sshd_config`` that listens on ``127.0.0.1`` on a free port of its own and accepts only that user
key, and runs ``/usr/sbin/sshd -D -e -f CONFIG`` as a child process. Everything lives in one
temporary folder: keys, ``authorized_keys``, the pid file, the server log, the client's
``known_hosts`` and ``ssh_config`` (``ssh -F`` keeps the client away from ``~/.ssh`` and
``/etc/ssh/ssh_config``), and the remote side's HOME.

Every login runs a wrapper (``ForceCommand``) that sets PATH (the virtualenv's ``bin`` first),
HOME, the XDG folders and ``READER_DB`` to the temporary folder, records its pid (the pid of the
command it ``exec``\\ s into) and then runs the requested command, so nothing reads or writes the
real home on either side.

:func:`unavailable` says why the server cannot be had (no OpenSSH installed), for ``pytest.skip``.
"""

from __future__ import annotations

import contextlib
import os
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Mapping, Sequence
from pathlib import Path

SSHD = Path("/usr/sbin/sshd")
PRIVSEP_DIR = Path("/run/sshd")


def unavailable() -> str | None:
    """Why an SSH server cannot be started here, or None when it can."""
    if not SSHD.exists():
        return f"{SSHD} is missing (Debian package openssh-server; .ci/run installs it)"
    for tool in ("ssh", "ssh-keygen"):
        if shutil.which(tool) is None:
            return f"{tool} is not on PATH (Debian package openssh-client)"
    if not PRIVSEP_DIR.is_dir():
        try:
            PRIVSEP_DIR.mkdir(mode=0o755, parents=True, exist_ok=True)
        except OSError as error:
            return f"sshd needs {PRIVSEP_DIR} and it cannot be created: {error.strerror}"
    return None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _keygen(path: Path) -> None:
    for old in (path, path.with_suffix(".pub")):
        old.unlink(missing_ok=True)
    subprocess.run(
        ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "reader-e2e", "-f", str(path)],
        check=True,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        timeout=30,
    )


class SSHServer:
    """``sshd`` on 127.0.0.1 with a throwaway host key and key-only login; see the module doc."""

    def __init__(self, root: Path, *, env: Mapping[str, str] | None = None) -> None:
        self.root = root
        self.home = root / "home"
        self.db = self.home / "reader.json"
        self.pid_dir = root / "pids"
        self.log = root / "sshd.log"
        self.port = 0
        self.process: subprocess.Popen[bytes] | None = None
        self._extra_env = dict(env or {})
        self.user = _user_name()

    # -- set-up ---------------------------------------------------------------------------------

    def _write_files(self) -> None:
        root = self.root
        for folder in (self.home, self.pid_dir, root / "etc"):
            folder.mkdir(parents=True, exist_ok=True)
        os.chmod(root, 0o755)
        self.host_key = root / "etc" / "ssh_host_ed25519_key"
        self.user_key = root / "etc" / "id_ed25519"
        _keygen(self.host_key)
        _keygen(self.user_key)
        authorized = root / "etc" / "authorized_keys"
        authorized.write_bytes(self.user_key.with_suffix(".pub").read_bytes())
        os.chmod(authorized, 0o600)

        venv_bin = Path(sys.executable).parent
        variables = {
            "HOME": str(self.home),
            "XDG_DATA_HOME": str(self.home / ".local" / "share"),
            "XDG_CONFIG_HOME": str(self.home / ".config"),
            "XDG_CACHE_HOME": str(self.home / ".cache"),
            "READER_DB": str(self.db),
            "LANG": "C.UTF-8",
            "LC_ALL": "C.UTF-8",
            **self._extra_env,
        }
        exports = "\n".join(
            f"export {name}={shlex.quote(value)}" for name, value in variables.items()
        )
        self.wrapper = root / "etc" / "login.sh"
        self.wrapper.write_text(
            "#!/bin/sh\n"
            "# Every SSH login runs this (ForceCommand): a clean environment in the test folder.\n"
            f"{exports}\n"
            f'export PATH={shlex.quote(str(venv_bin))}:"$PATH"\n'
            "unset NO_COLOR TEXTUAL COLORTERM\n"
            f"cd {shlex.quote(str(self.home))} || exit 97\n"
            # The pid survives the exec: it is the pid of the command itself.
            f'echo $$ > {shlex.quote(str(self.pid_dir))}/"$$"\n'
            'exec /bin/sh -c "$SSH_ORIGINAL_COMMAND"\n',
            encoding="utf-8",
        )
        os.chmod(self.wrapper, 0o755)

        self.port = _free_port()
        self.config = root / "etc" / "sshd_config"
        self.config.write_text(
            "\n".join(
                [
                    "ListenAddress 127.0.0.1",
                    f"Port {self.port}",
                    f"HostKey {self.host_key}",
                    f"PidFile {root / 'sshd.pid'}",
                    f"AuthorizedKeysFile {authorized}",
                    "AuthenticationMethods publickey",
                    "PubkeyAuthentication yes",
                    "PasswordAuthentication no",
                    "KbdInteractiveAuthentication no",
                    "HostbasedAuthentication no",
                    "PermitRootLogin prohibit-password",
                    f"AllowUsers {self.user}",
                    "UsePAM no",
                    "StrictModes no",
                    "PermitUserEnvironment no",
                    "PermitUserRC no",
                    "PrintMotd no",
                    "PrintLastLog no",
                    "UseDNS no",
                    "X11Forwarding no",
                    "AllowAgentForwarding no",
                    "AllowTcpForwarding no",
                    "Subsystem sftp internal-sftp",
                    "ClientAliveInterval 0",
                    "LogLevel INFO",
                    f"ForceCommand {self.wrapper}",
                    "",
                ]
            ),
            encoding="utf-8",
        )

        known_hosts = root / "etc" / "known_hosts"
        host_pub = self.host_key.with_suffix(".pub").read_text(encoding="utf-8").split()
        known_hosts.write_text(f"[127.0.0.1]:{self.port} {host_pub[0]} {host_pub[1]}\n")
        self.client_config = root / "etc" / "ssh_config"
        self.client_config.write_text(
            "\n".join(
                [
                    "Host reader-e2e",
                    "  HostName 127.0.0.1",
                    f"  Port {self.port}",
                    f"  User {self.user}",
                    f"  IdentityFile {self.user_key}",
                    "  IdentitiesOnly yes",
                    "  IdentityAgent none",
                    "  PreferredAuthentications publickey",
                    "  PasswordAuthentication no",
                    "  KbdInteractiveAuthentication no",
                    "  BatchMode yes",
                    f"  UserKnownHostsFile {known_hosts}",
                    "  GlobalKnownHostsFile /dev/null",
                    "  StrictHostKeyChecking yes",
                    "  UpdateHostKeys no",
                    "  CheckHostIP no",
                    "  ControlMaster no",
                    "  ControlPath none",
                    "  ForwardAgent no",
                    "  ForwardX11 no",
                    "  EscapeChar none",
                    "  LogLevel ERROR",
                    "  ConnectTimeout 10",
                    "",
                ]
            ),
            encoding="utf-8",
        )

    # -- lifetime -------------------------------------------------------------------------------

    def start(self, timeout: float = 15) -> SSHServer:
        """Start sshd and wait until it accepts connections. RuntimeError if it does not."""
        problem = unavailable()
        if problem:
            raise RuntimeError(problem)
        self._write_files()
        for attempt in range(3):
            if attempt:
                self.port = _free_port()  # someone took the port between probe and bind
                self._write_files()
            log = open(self.log, "ab")  # noqa: SIM115 - closed in stop()
            self._log_file = log
            self.process = subprocess.Popen(
                [str(SSHD), "-D", "-e", "-f", str(self.config)],
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=log,
                start_new_session=True,
            )
            if self._wait_listening(timeout):
                return self
            self.stop()
            if "Address already in use" not in self.log_text():
                break
        raise RuntimeError(f"sshd did not start; its log:\n{self.log_text()}")

    def _wait_listening(self, timeout: float) -> bool:
        assert self.process is not None
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                return False
            with (
                contextlib.suppress(OSError),
                socket.create_connection(("127.0.0.1", self.port), timeout=1) as sock,
            ):
                sock.settimeout(2)
                with contextlib.suppress(OSError):
                    if sock.recv(4).startswith(b"SSH-"):
                        return True
            time.sleep(0.05)
        return False

    def stop(self) -> None:
        """Stop sshd, and any command a login left running (killed by pid, one by one)."""
        for pid in self.remote_pids():
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.kill(pid, signal.SIGKILL)
        process, self.process = self.process, None
        if process is not None and process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=5)
        log = getattr(self, "_log_file", None)
        if log is not None:
            log.close()
            self._log_file = None

    def __enter__(self) -> SSHServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- using it -------------------------------------------------------------------------------

    def ssh_argv(self, command: Sequence[str]) -> list[str]:
        """The OpenSSH client command line that runs ``command`` remotely under a pty."""
        return [
            "ssh",
            "-F",
            str(self.client_config),
            "-tt",
            "reader-e2e",
            "--",
            "exec " + shlex.join(command),
        ]

    def run(self, command: Sequence[str], timeout: float = 30) -> subprocess.CompletedProcess[str]:
        """Run ``command`` remotely without a pty; its output as text."""
        argv = [a for a in self.ssh_argv(command) if a != "-tt"]
        argv.insert(1, "-T")
        return subprocess.run(
            argv,
            capture_output=True,
            text=True,
            timeout=timeout,
            stdin=subprocess.DEVNULL,
            check=False,
        )

    def remote_pids(self) -> list[int]:
        """Pids of the commands logins started that are still running."""
        alive = []
        for entry in self.pid_dir.glob("*") if self.pid_dir.is_dir() else []:
            with contextlib.suppress(ValueError):
                pid = int(entry.name)
                if _alive(pid):
                    alive.append(pid)
        return alive

    def wait_remote_exit(self, timeout: float = 10) -> bool:
        """Wait until every command a login started has exited; False on timeout."""
        deadline = time.monotonic() + timeout
        while self.remote_pids():
            if time.monotonic() >= deadline:
                return False
            time.sleep(0.05)
        return True

    def log_text(self) -> str:
        try:
            return self.log.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ""


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # A zombie counts as gone: its parent (sshd) reaps it in its own time.
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as stat:
            return stat.read().rsplit(")", 1)[-1].split()[0] != "Z"
    except OSError:
        return False


def _user_name() -> str:
    import pwd

    return pwd.getpwuid(os.getuid()).pw_name

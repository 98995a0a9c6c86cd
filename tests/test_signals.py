"""Issue 17, items 10 and 13, and kill safety: signals stop any command at once with nothing half-written.

SIGTERM and Ctrl+C exit 130 promptly (SDL's own handlers, which turned them into a window-close event
nobody read in a headless run, are off); a SIGKILL between writing a replay and renaming it leaves the
previous replay intact; a windowed run on a machine with no display says so and exits 1.
"""
import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from game.paths import LEVELS, ROOT

ENV = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy", "PYTHONPATH": str(ROOT)}


def start(*args, env=ENV):
    return subprocess.Popen([sys.executable, "-m", "game", *args], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, preexec_fn=as_a_terminal,
                            start_new_session=True)  # its own group: only the signal the test sends reaches it


def as_a_terminal():
    """Ctrl+C as a shell's foreground job gets it: test workers may run with SIGINT ignored, which a
    child would inherit (and Python then installs no KeyboardInterrupt handler)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def cpu_seconds(pid):
    """CPU time the process has used (user + system), from /proc: it grows with the work done, not with
    the wall clock, so a loaded machine does not shift where in the run a signal lands."""
    with open(f"/proc/{pid}/stat") as fh:
        fields = fh.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def wait_for_import(proc, seconds=120.0, into_run=0.5):
    """Wait until the command catches SIGTERM (its handler is in place: /proc shows it), then until it has
    done `into_run` CPU seconds of work past that: into the run itself, past its imports (a signal that
    lands mid-import on a loaded machine tests Python's import machinery, not the game)."""
    deadline = time.monotonic() + seconds
    start = None
    while time.monotonic() < deadline:
        assert proc.poll() is None, proc.communicate()
        if start is None:
            with open(f"/proc/{proc.pid}/cmdline", "rb") as fh:
                execed = b"game" in fh.read()  # before exec the child is a fork of this worker, with its handlers
            with open(f"/proc/{proc.pid}/status") as fh:
                caught = next(int(line.split()[1], 16) for line in fh if line.startswith("SigCgt:"))
            if execed and caught & (1 << (signal.SIGTERM - 1)):
                start = cpu_seconds(proc.pid)
        elif cpu_seconds(proc.pid) - start >= into_run:
            return
        time.sleep(0.05)
    raise AssertionError("the command never installed its SIGTERM handler or never got going")


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_autoplay_all_stops_promptly_on_sigterm_and_ctrl_c(sig):
    proc = start("autoplay", "--all")
    wait_for_import(proc)
    sent = time.monotonic()
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 130 and "Traceback" not in err, err[-3000:]
    assert time.monotonic() - sent < 10  # it ran on to the credits (48 s) after a SIGTERM


def test_sigterm_during_autoplay_record_keeps_the_previous_replay(tmp_path):
    rep = tmp_path / "run.rep"
    rep.write_text("# the previous recording\n1 10\n")
    proc = start("autoplay", str(LEVELS / "bus_chase.tmx"), "--record", str(rep))  # several CPU seconds
    wait_for_import(proc)
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 130, err[-3000:]
    assert rep.read_text() == "# the previous recording\n1 10\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["run.rep"]


KILLED_RECORDER = textwrap.dedent("""
    import os, sys, time
    def stall(src, dst):
        print("written", flush=True)  # the temp file is complete and fsynced; the rename never comes
        time.sleep(60)
    os.replace = stall
    from game.cli import main
    sys.exit(main(["autoplay", sys.argv[1], "--record", sys.argv[2], "--max-steps", "120"]))
""")


def test_sigkill_mid_write_of_a_recording_leaves_the_previous_file_whole(tmp_path):
    rep = tmp_path / "run.rep"
    rep.write_text("# the previous recording\n1 10\n")
    proc = subprocess.Popen([sys.executable, "-c", KILLED_RECORDER, str(LEVELS / "locksmith.tmx"), str(rep)],
                            cwd=ROOT, env=ENV, stdout=subprocess.PIPE, text=True)
    try:
        lines = iter(proc.stdout.readline, "")
        assert "written" in (line.strip() for line in lines)  # after the outcome and hash lines
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
    assert proc.returncode == -signal.SIGKILL
    assert rep.read_text() == "# the previous recording\n1 10\n"  # nothing partial under the final name
    from game.cli import main

    assert main(["autoplay", str(LEVELS / "locksmith.tmx"), "--record", str(rep)]) == 0  # a stale .tmp is no obstacle
    assert rep.read_text().startswith("# red-heat replay") and not (tmp_path / "run.rep.tmp").exists()


def test_a_windowed_run_with_no_display_says_so_and_exits_1():
    env = {k: v for k, v in ENV.items() if k not in ("SDL_VIDEODRIVER", "DISPLAY", "WAYLAND_DISPLAY")}
    proc = start("--frames", "5", env=env)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 1, err
    lines = [line for line in err.splitlines() if "no display" in line]
    assert len(lines) == 1 and lines[0].startswith("error: no display found") and "--headless" in lines[0]


def test_an_interrupt_python_turned_into_another_error_still_exits_130(monkeypatch):
    """Under a loaded machine a SIGTERM can land while a class is being built mid-import, and Python hands
    it on as "RuntimeError: Error calling __set_name__": that is still a stop, exit 130, no traceback."""
    import game.cli as cli
    from game import interrupts

    def interrupted_mid_import(args):
        interrupts._signals.append(signal.SIGTERM)
        raise RuntimeError("Error calling __set_name__ on 'Field' instance 'hit_ids' in 'Player'")

    monkeypatch.setattr(interrupts, "_signals", [])
    monkeypatch.setattr(cli, "_dispatch", interrupted_mid_import)
    assert cli.main(["story"]) == 130
    monkeypatch.setattr(interrupts, "_signals", [])  # the same error with no signal is a bug, and shows as one
    monkeypatch.setattr(cli, "_dispatch", lambda args: (_ for _ in ()).throw(RuntimeError("a real bug")))
    with pytest.raises(RuntimeError, match="a real bug"):
        cli.main(["story"])


def test_an_interrupt_python_dropped_is_raised_again_until_caught(monkeypatch):
    """A KeyboardInterrupt that lands in a callback is printed and dropped by Python ("Exception ignored
    in ... _get_module_lock.<locals>.cb", seen under xdist) and the run would go on to the credits: the
    handler raises it again until the command has caught it, and a command that ran on still exits 130."""
    import game.cli as cli
    from game import interrupts

    monkeypatch.setattr(interrupts, "_signals", [])
    monkeypatch.setattr(interrupts, "RERAISE_S", 0.05)
    seen = []

    def dropped_once(args):
        try:
            interrupts._interrupt(signal.SIGTERM, None)
        except KeyboardInterrupt:
            seen.append("dropped")  # as Python does in a weakref callback: printed, then the run goes on
        while True:
            time.sleep(0.01)  # the run goes on, until the handler raises the interrupt again

    monkeypatch.setattr(cli, "_dispatch", dropped_once)
    try:
        assert cli.main(["story"]) == 130 and seen == ["dropped"]
    finally:
        signal.signal(signal.SIGALRM, signal.SIG_DFL)

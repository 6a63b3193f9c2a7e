"""End-to-end test of analysis/calibrate_essay.py on a tiny calibration (400 agents, two waves,
a short chain, one hypothesis, a decomposition at one draw): killed during its first sweep and
rerun, every stage runs through the real simulator and writes its results, and
plot_calibration.py plots them; a second rerun resumes from the files (no sweep is run again)
and gives the same report; a changed calibration file is refused in the same folder; a
scenario the simulator refuses is reported with the simulator's message.

Run: /usr/bin/python3 tests/analysis/test_calibrate_essay.py PATH/TO/netadopt
"""

import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

import h5py

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, "..", ".."))
SCRIPT = os.path.join(REPO, "analysis", "calibrate_essay.py")

TINY = {
    "population_size = 10000": "population_size = 400",
    "wave1_points = 80": "wave1_points = 20",
    "wave_points = 50": "wave_points = 16",
    "max_waves = 4": "max_waves = 2",
    "walkers = 40": "walkers = 20",
    "steps = 3000": "steps = 160",
    "burn = 1000": "burn = 80",
    "posterior_draws = 300": "posterior_draws = 4",
    "benchmark_points = 40": "benchmark_points = 16",
    "decomposition_draws = 8": "decomposition_draws = 1",
    "decomposition_replications = 2": "decomposition_replications = 1",
    "decomposition_permutations = 8": "decomposition_permutations = 2",
    "predict_until = 2014-01-01": "predict_until = 2011-01-01",
}


def tiny_settings(folder):
    with open(os.path.join(REPO, "scenarios", "history_matching.ini")) as handle:
        text = handle.read()
    for old, new in TINY.items():
        assert old in text, f"the shipped calibration file no longer has '{old}'"
        text = text.replace(old, new)
    text = text[:text.index("[hypothesis.H3]")] + text[text.index("[hypothesis.H7]"):text.index("[hypothesis.H8]")]
    for name in ("france.ini", "us.ini", "germany.ini"):
        shutil.copy(os.path.join(REPO, "scenarios", name), folder)
    os.makedirs(os.path.join(folder, "data"))
    shutil.copy(os.path.join(REPO, "scenarios", "data", "membership.csv"), os.path.join(folder, "data"))
    path = os.path.join(folder, "calibration.ini")
    with open(path, "w") as handle:
        handle.write(text)
    return path


def calibrate(netadopt, settings, output):
    command = [sys.executable, SCRIPT, settings, "-o", output, "--netadopt", netadopt, "--threads", "2"]
    return subprocess.run(command, capture_output=True, text=True, env=dict(os.environ, OMP_NUM_THREADS="1"))


def killed_during_first_sweep(netadopt, settings, output):
    """Starts the pipeline and kills its whole process group (SIGKILL, as a scheduler ends a
    job) once the first sweep has stored finished pairs; returns how many were stored."""
    command = [sys.executable, SCRIPT, settings, "-o", output, "--netadopt", netadopt, "--threads", "1"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               start_new_session=True, env=dict(os.environ, OMP_NUM_THREADS="1"))
    pairs = os.path.join(output, "full_wave1_france.h5.pairs")
    deadline = time.time() + 120
    while time.time() < deadline and process.poll() is None:
        if os.path.isdir(pairs) and len(stored_pairs(pairs)) >= 3:
            break
        time.sleep(0.02)
    assert process.poll() is None, "the pipeline ended before it could be killed"
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    return len(stored_pairs(pairs))


def stored_pairs(folder):
    """The sweep journal's finished pairs (pair-*; tmp-* are writes in progress)."""
    return [name for name in os.listdir(folder) if name.startswith("pair-")]


def sweep_outputs(output):
    return {n: os.path.getmtime(os.path.join(output, n)) for n in os.listdir(output) if n.endswith(".h5")
            and n != "calibration.h5"}


def check_first_run(done, output):
    assert done.returncode == 0, f"exit {done.returncode}:\n{done.stderr[-3000:]}"
    report = open(os.path.join(output, "report.txt")).read()
    for line in ("History matching:", "wave 1:", "wave 2:", "Posterior", "US/France members",
                 "Held-out points", "france_linkedin@2008-11-15", "Benchmarks", "culture_free", "none+H7",
                 "Decomposition of log(US/France)", "employment_protection", "interaction share"):
        assert line in report, f"report lacks '{line}'"
    with h5py.File(os.path.join(output, "calibration.h5")) as f:
        assert f["posterior/draws"].shape[1] == 9
        assert f["predictive/points"].shape == (4, 9)
        assert f["predictive/germany_openbc"].shape[0] == 4
        assert f["waves/w1/points"].shape == (20, 9)
        assert f["waves/w1/outputs"].shape == (20, 2, 11)
        assert 0.0 < f["waves/w1"].attrs["fraction"] <= 1.0
        assert len(f["heldout/median"]) == 5
        assert f["decomposition/shapley"].shape == (10, 1), "10 groups x 1 draw x 1 replication"
        gap, parts = f["decomposition/log_gap"][0], f["decomposition/shapley"][:, 0].sum()
        assert abs(gap - parts) < 1e-9 * max(1.0, abs(gap)), "Shapley values sum to the log gap"
    rows = open(os.path.join(output, "predictions", "germany.csv")).read().splitlines()
    assert rows[0].startswith("# ") and any(r.startswith("germany_openbc,2010-07-01,") for r in rows)
    return report


def test_pipeline(netadopt):
    with tempfile.TemporaryDirectory() as folder:
        settings, output = tiny_settings(folder), os.path.join(folder, "out")
        stored = killed_during_first_sweep(netadopt, settings, output)
        print(f"killed (SIGKILL, whole process group) with {stored} pairs of the first sweep stored")
        first = calibrate(netadopt, settings, output)
        report = check_first_run(first, output)
        resumed = re.search(r"resuming, (\d+) of ", first.stderr)
        assert resumed and int(resumed.group(1)) == stored, \
            f"the killed sweep did not resume from its {stored} pairs: {first.stderr[:600]}"
        print("resumed after the kill (the sweep went on from its stored pairs): every stage "
              "wrote its results")
        plot = subprocess.run([sys.executable, os.path.join(REPO, "analysis", "plot_calibration.py"),
                               os.path.join(output, "calibration.h5"), "--dpi", "60"],
                              capture_output=True, text=True)
        assert plot.returncode == 0, plot.stderr
        for name in ("posterior_pairs.png", "posterior_pairs.pdf", "predictive.png", "predictive.pdf"):
            assert os.path.getsize(os.path.join(output, name)) > 1000, f"{name} missing or empty"
        print("plot_calibration.py: posterior pairs and predictive bands written")
        before = sweep_outputs(output)
        again = calibrate(netadopt, settings, output)
        assert again.returncode == 0, again.stderr[-2000:]
        assert sweep_outputs(output) == before, "a rerun must not run a finished sweep again"
        assert open(os.path.join(output, "report.txt")).read() == report, "a rerun changes the report"
        assert "points x" not in again.stderr, "a rerun started simulator runs"
        print("rerun: resumed from the files, same report")
        with open(settings, "a") as handle:
            handle.write("\n# changed\n")
        refused = calibrate(netadopt, settings, output)
        assert refused.returncode == 2 and "another version" in refused.stderr, refused.stderr
        print("changed calibration file in the same folder: refused:", refused.stderr.strip())


def test_simulator_refusal(netadopt):
    with tempfile.TemporaryDirectory() as folder:
        settings = tiny_settings(folder)
        text = open(settings).read().replace("key = adoption.propensity_sd", "key = adoption.propensity_sdd")
        open(settings, "w").write(text)
        done = calibrate(netadopt, settings, os.path.join(folder, "out"))
        assert done.returncode == 2, done.stderr[-2000:]
        assert re.search(r"propensity_sdd", done.stderr), done.stderr[-2000:]
        print("a key the simulator does not know: refused with its message")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: test_calibrate_essay.py NETADOPT")
    test_simulator_refusal(sys.argv[1])
    test_pipeline(sys.argv[1])
    print("calibrate_essay.py end to end: ok")

"""Runs the simulator for the calibration: every batch of parameter points is a `netadopt sweep`
with design = list, so that a wave shards onto a cluster like any sweep (its file is written
beside the output and can be given to `netadopt slurm`), resumes after a kill (the sweep's own
journal), and any point can be rerun alone with `netadopt run`.

The runs are smaller than a country's file says (population_size agents): the platforms'
founders are scaled with the population, as the decomposition does (sim/compare/decomposition.cpp),
so that every size starts from the same share of members.
"""

import configparser
import os
import subprocess

import h5py
import numpy as np

import compare_io


MEMBER_STATUSES = (b"active", b"dormant")
EPOCH = np.datetime64("2003-01-01", "D")


class SimulatorError(RuntimeError):
    """netadopt refused a scenario or a sweep, or its output lacks what the calibration reads."""


def resolved_scenario(netadopt, scenario, overrides=()):
    """Every key of `scenario` as netadopt resolves it: {"section.key": "value text"}."""
    command = [netadopt, "validate", scenario] + [a for o in overrides for a in ("--set", o)]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        raise SimulatorError(f"netadopt validate {scenario} failed (exit {done.returncode}):\n"
                             f"{done.stderr.strip()}")
    values, section = {}, ""
    for line in done.stdout.splitlines():
        line = line.strip()
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1]
        elif line and not line.startswith("#") and "=" in line:
            key, _, value = line.partition("=")
            values[f"{section}.{key.strip()}"] = value.split("#", 1)[0].strip()
    return values


def base_overrides(netadopt, scenario, population_size, end, extra=None):
    """[base] overrides of a calibration run: size, end date, founders scaled, then `extra`."""
    resolved = resolved_scenario(netadopt, scenario)
    factor = population_size / float(resolved["population.size"])
    overrides = {"population.size": str(population_size), "run.end": str(end)}
    for n in range(1, int(resolved["platforms.count"]) + 1):
        founders = int(resolved[f"platform{n}.founders"])
        if founders > 0:
            overrides[f"platform{n}.founders"] = str(max(1, round(founders * factor)))
    overrides.update(extra or {})
    return overrides


def _number(value):
    return repr(float(value))


def write_sweep_file(path, scenario, keys, points, base, replications, seed):
    """A list-design sweep: point p sets keys[a] = points[p, a]; [base] applies to every point."""
    lines = ["# Written by analysis/calibrate_essay.py: one calibration batch.", "[sweep]",
             f"base = {os.path.abspath(scenario)}", "design = list",
             f"replications = {replications}", f"seed = {seed}", "", "[base]"]
    lines += [f"{k} = {v}" for k, v in base.items()]
    for a, key in enumerate(keys):
        values = ", ".join(_number(v) for v in points[:, a])
        lines += ["", f"[axis.a{a}]", f"key = {key}", f"values = {values}"]
    text = "\n".join(lines) + "\n"
    if os.path.exists(path):
        with open(path, encoding="utf-8") as handle:
            if handle.read() != text:
                raise SimulatorError(f"{path} exists with other points or settings: "
                                     "remove the calibration folder (or use another) to start over")
        return
    with open(path + ".tmp", "w", encoding="utf-8") as handle:
        handle.write(text)
    os.replace(path + ".tmp", path)


def run_sweep(netadopt, sweep_file, output, threads=None, quiet=False):
    """Runs (or resumes) a sweep unless its complete output is already there."""
    if is_complete(output):
        return
    command = [netadopt, "sweep", sweep_file, "-o", output, "--progress-interval", "30"]
    if threads:
        command += ["--threads", str(threads)]
    if quiet:
        command.append("--quiet")
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=None if not quiet else subprocess.PIPE,
                          text=True)
    if done.returncode != 0:
        message = done.stderr.strip() if done.stderr else "(see the messages above)"
        raise SimulatorError(f"netadopt sweep {sweep_file} failed (exit {done.returncode}): {message}")


def is_complete(output):
    if not os.path.exists(output):
        return False
    with h5py.File(output, "r") as f:
        return bool(f.attrs.get("complete", 0))


def _workforce_share(base_text):
    config = configparser.ConfigParser(inline_comment_prefixes=("#", ";"), interpolation=None)
    config.read_string(base_text)
    return compare_io.workforce_share_of_config(config)


class SweepOutput:
    """Members per 1,000 workers of a finished sweep: per platform and on any platform."""

    def __init__(self, path):
        with h5py.File(path, "r") as f:
            if "members" not in f or f["members"].ndim != 6:
                raise SimulatorError(f"{path}: not an essay-model sweep (no 6-D 'members')")
            self.dates = EPOCH + np.round(f["time"][:]).astype("timedelta64[D]")
            self.platforms = [p.decode() for p in f["platform"][:]]
            statuses = [s for s in f["status"][:]]
            member_index = [statuses.index(s) for s in MEMBER_STATUSES]
            members = f["members"][...]                     # point, rep, time, platform, role, status
            agents = members[:, :, :1, :1, :, :].sum(axis=(2, 3, 4, 5))   # point, rep
            scale = 1000.0 * _workforce_share(f.attrs["base_scenario"]) / agents
            self.per_platform = members[..., member_index].sum(axis=(4, 5)) * scale[:, :, None, None]
            self.any_platform = f["members_any"][...].sum(axis=3) * scale[:, :, None]
            self.failed = (f["pair_status"][...] != 1)
            self.unit_per_agent = scale                     # one agent, per 1,000 workers

    def platform(self, name):
        if name not in self.platforms:
            raise SimulatorError(f"the sweep has no platform '{name}' (it has {', '.join(self.platforms)})")
        return self.per_platform[:, :, :, self.platforms.index(name)]

    def at(self, values, dates):
        """values (point, rep, time) linearly interpolated at `dates`: (point, rep, date).

        Reporting samples the state monthly; between two samples the count is interpolated."""
        days = (self.dates - EPOCH).astype(float)
        wanted = (np.asarray(dates, dtype="datetime64[D]") - EPOCH).astype(float)
        out = np.empty(values.shape[:2] + (len(wanted),))
        for p in range(values.shape[0]):
            for r in range(values.shape[1]):
                out[p, r] = np.interp(wanted, days, values[p, r])
        return out


def log_per_1000(values, output):
    """log of members per 1,000 workers (point, rep, date), a count of zero floored at half an
    agent (the smallest count the run resolves)."""
    return np.log(np.maximum(values, 0.5 * output.unit_per_agent[:, :, None]))

"""What the calibration concludes, from its stages' results: posterior summaries, the held-out
scores, the 2005 US/France ratio, predictions as tables, and the HDF5 file that keeps them all.

calibration.h5 layout (every dataset has a `description` attribute):
    /                       attrs: settings_file, settings_text, digest, created
    /targets                name, date, per_1000, log_sd, held_out (one row per observed point)
    /waves/wN               points (n, k), outputs (n, replications, fitted targets: log per
                            1,000 workers), implausibility (n), cross_validation (rows, targets:
                            standardized errors of 5-fold held-out points); attr fraction
    /posterior              keys, draws (n, k), log_prob (n); attrs acceptance
    /predictive             keys, points (draws, k), dates, <series> (draws, dates), any_<country>
    /heldout                per held-out target: median, lower, upper (90%), observed
    /benchmarks             variant, series, rms, rms_lower, rms_upper, log_score
    /decomposition          group, shapley and one_at_a_time (group, draws x replications: log
                            units), log_gap and interaction_share (draws x replications)
"""

import datetime
import os

import h5py
import numpy as np

from calibration import scoring

RATIO_DATE = np.datetime64("2005-08-15")


def _text(values):
    return np.array([str(v).encode() for v in values])


def _put(group, name, data, description):
    dataset = group.create_dataset(name, data=data)
    dataset.attrs["description"] = description
    return dataset


def predictive_series(settings, runs):
    """{series name: (draw, time) per 1,000 workers} and {country: any platform}, and dates."""
    series, any_platform, dates = {}, {}, None
    for s in settings.series:
        if s.country in runs:
            out = runs[s.country]
            series[s.name] = out.platform(s.model_platform)[:, 0, :]
            dates = out.dates
    for country, out in runs.items():
        any_platform[country] = out.any_platform[:, 0, :]
    return series, any_platform, dates


def predicted_at_targets(settings, runs, targets):
    by_name = {s.name: s for s in settings.series}
    columns = []
    for t in targets:
        out = runs[by_name[t.series].country]
        columns.append(out.at(out.platform(by_name[t.series].model_platform), [t.date])[:, 0, 0])
    return np.stack(columns, axis=1)


def ratio_draws(runs, date=RATIO_DATE):
    us, fr = runs["us"], runs["france"]
    return us.at(us.any_platform, [date])[:, 0, 0] / fr.at(fr.any_platform, [date])[:, 0, 0]


def prediction_rows(settings, runs, start, step_months=6):
    """Rows (series, date, median, lower, upper) every step_months from `start` to the end."""
    series, _, dates = predictive_series(settings, runs)
    wanted = np.arange(np.datetime64(start, "M"), np.datetime64(dates[-1], "M"), step_months)
    wanted = wanted.astype("datetime64[D]")
    rows = []
    for name, values in series.items():
        out = runs[next(s.country for s in settings.series if s.name == name)]
        at = out.at(values[:, None, :], wanted)[:, 0, :]
        q = scoring.quantiles(at)
        rows += [(name, str(d), q[0, i], q[1, i], q[2, i]) for i, d in enumerate(wanted)]
    return rows


def write_prediction_csv(path, rows, header_lines):
    with open(path + ".tmp", "w", encoding="utf-8") as handle:
        for line in header_lines:
            handle.write(f"# {line}\n")
        handle.write("series,date,median_per_1000_workers,lower_90,upper_90\n")
        for name, date, median, low, high in rows:
            handle.write(f"{name},{date},{median:.4g},{low:.4g},{high:.4g}\n")
    os.replace(path + ".tmp", path)


def write_hdf5(path, settings, targets, waves, keys, draws, log_prob, acceptance,
               predictive_points, runs, heldout, benchmarks, decomposition=None):
    tmp = path + ".tmp"
    with h5py.File(tmp, "w") as f:
        f.attrs.update({"settings_file": os.path.abspath(settings.path), "settings_text": settings.text,
                        "digest": settings.digest, "created": datetime.datetime.now().isoformat()})
        g = f.create_group("targets")
        _put(g, "name", _text(t.name for t in targets), "series@date")
        _put(g, "date", _text(t.date for t in targets), "date of the observed point")
        _put(g, "per_1000", [t.per_1000 for t in targets], "observed members per 1,000 workers")
        _put(g, "log_sd", [t.log_sd for t in targets], "observation error, sd of log(members)")
        _put(g, "held_out", [int(t.held_out) for t in targets], "1: held out (after fit_until)")
        for w in waves:
            g = f.create_group(f"waves/w{w.index}")
            g.attrs["fraction"] = w.fraction
            _put(g, "points", w.points, "design points, natural scale (column order: /posterior/keys)")
            _put(g, "outputs", w.outputs, "log members per 1,000 workers at the fitted targets")
            _put(g, "implausibility", w.implausibility, "largest implausibility of each point")
            _put(g, "cross_validation", w.cross_validation, "5-fold standardized errors")
        g = f.create_group("posterior")
        g.attrs["acceptance"] = acceptance
        _put(g, "keys", _text(keys), "scenario keys, column order of every points/draws array")
        _put(g, "draws", draws, "posterior draws (emcee on the emulators), natural scale")
        _put(g, "log_prob", log_prob, "log posterior (emulator likelihood) of each draw")
        g = f.create_group("predictive")
        _put(g, "keys", _text(keys), "scenario keys")
        _put(g, "points", predictive_points, "the posterior draws run on the simulator")
        series, any_platform, dates = predictive_series(settings, runs)
        _put(g, "dates", _text(dates), "reporting dates")
        for name, values in series.items():
            _put(g, name, values, "members per 1,000 workers (draw, date)")
        for country, values in any_platform.items():
            _put(g, f"any_{country}", values, "members of any platform per 1,000 workers")
        g = f.create_group("heldout")
        _put(g, "name", _text(s.target.name for s in heldout), "held-out target")
        for field in ("median", "lower", "upper"):
            _put(g, field, [getattr(s, field) for s in heldout], f"predictive {field} (90%)")
        _put(g, "observed", [s.target.per_1000 for s in heldout], "observed per 1,000 workers")
        g = f.create_group("benchmarks")
        _put(g, "variant", _text(v for v, _ in benchmarks), "model variant")
        _put(g, "series", _text(s.series for _, s in benchmarks), "series scored")
        for field in ("rms", "rms_lower", "rms_upper", "log_score"):
            _put(g, field, [getattr(s, field) for _, s in benchmarks], f"held-out {field}")
        if decomposition is not None:
            _write_decomposition(f.create_group("decomposition"), *decomposition)
    os.replace(tmp, path)


def _write_decomposition(g, rows, gap_draws, interaction_draws, shapley, one_at_a_time):
    _put(g, "group", _text(r.group for r in rows), "input group")
    _put(g, "shapley", shapley, "Shapley value of the group in log(US/France), per draw x replication")
    _put(g, "one_at_a_time", one_at_a_time, "France given the US's group alone, log effect")
    _put(g, "log_gap", gap_draws, "log(US/France) members per 1,000 workers, 2005-08-15")
    _put(g, "interaction_share", interaction_draws, "1 - sum of one-at-a-time effects / log gap")

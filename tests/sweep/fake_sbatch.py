"""A stand-in for SLURM's sbatch, strict where a real cluster is, for testing the scripts of
`netadopt slurm` without one.

    fake_sbatch.py STATE submit [SBATCH OPTIONS] [SCRIPT]   (what an `sbatch` wrapper runs)
    fake_sbatch.py STATE run                                (runs the queued jobs, in order)

submit records a job in STATE/jobs.json and prints its id (just the id with --parsable). It
reads the script (from SCRIPT or stdin), its #SBATCH lines as sbatch does (those before the
first command; quotes and backslashes as in sbatch's parser, an unquoted # ends the line), and
refuses what sbatch refuses: no #! line, an unknown option, a malformed --array, --mem or
--time, a dependency on an unknown job. Like sbatch, it ignores #SBATCH lines after the first
command (the test checks that the job got every setting it should).

run runs each pending job whose dependencies are met, as SLURM would: an array job's tasks one
after the other with SLURM_ARRAY_JOB_ID, SLURM_ARRAY_TASK_ID, ... set, stdout and stderr to
the --output file (%a, %A, %j and %% replaced; a missing folder fails the task, as on SLURM),
sbatch on the PATH still this fake. afterok waits for every task to succeed; a job whose
dependency failed is cancelled with --kill-on-invalid-dep=yes.
"""
import json
import os
import re
import subprocess
import sys

KNOWN = {"job-name", "array", "ntasks", "cpus-per-task", "mem", "time", "partition", "account",
         "qos", "output", "error", "dependency", "kill-on-invalid-dep", "parsable"}
PATTERNS = {"array": r"\d+-\d+", "mem": r"\d+[KMGT]?", "ntasks": r"\d+",
            "cpus-per-task": r"[1-9]\d*",
            "time": r"(\d+-)?\d+(:\d+){0,2}|UNLIMITED|INFINITE",
            "kill-on-invalid-dep": r"yes|no", "dependency": r"afterok:\d+(:\d+)*"}


def fail(message):
    print(f"sbatch: error: {message}", file=sys.stderr)
    sys.exit(1)


def directive_argument(text):
    """The argument of an #SBATCH line, after "#SBATCH", as sbatch's _get_argument reads it."""
    out, quote, escape = [], None, False
    text = text.lstrip()
    for c in text:
        if escape:
            out.append(c)
            escape = False
        elif c == "\\":
            escape = True
        elif quote:
            if c == quote:
                quote = None
            else:
                out.append(c)
        elif c in "\"'":
            quote = c
        elif c == "#" or c.isspace():
            break
        else:
            out.append(c)
    if quote:
        fail(f"unterminated quote in '#SBATCH {text}'")
    return "".join(out)


def directives(script):
    lines = script.split("\n")
    if not lines[0].startswith("#!"):
        fail("This does not look like a batch script. The first line must start with #!")
    found, in_header = [], True
    for line in lines[1:]:
        stripped = line.strip()
        if in_header and stripped and not stripped.startswith("#"):
            in_header = False
        if in_header and line.startswith("#SBATCH"):
            found.append(directive_argument(line[len("#SBATCH"):]))
    return found


def option(argument):
    if not argument.startswith("--"):
        fail(f"unrecognized option '{argument}'")
    name, _, value = argument[2:].partition("=")
    if name not in KNOWN:
        fail(f"unrecognized option '--{name}'")
    if name in PATTERNS and not re.fullmatch(PATTERNS[name], value):
        fail(f"invalid --{name} '{value}'")
    return name, value


def dependencies(settings):
    """The job ids of an afterok dependency (none without one)."""
    return [int(i) for i in settings.get("dependency", "afterok:").split(":")[1:] if i]


def load(state):
    path = os.path.join(state, "jobs.json")
    return json.load(open(path)) if os.path.exists(path) else []


def save(state, jobs):
    json.dump(jobs, open(os.path.join(state, "jobs.json"), "w"), indent=1)


def submit(state, args):
    options, script_file = {}, None
    for argument in args:
        if script_file is None and not argument.startswith("-"):
            script_file = argument
            break
        name, value = option(argument)
        options[name] = value
    script = open(script_file).read() if script_file else sys.stdin.read()
    settings = {}
    for argument in directives(script):
        name, value = option(argument)
        settings[name] = value
    settings.update(options)  # the command line wins over #SBATCH lines
    jobs = load(state)
    for dependency in dependencies(settings):
        if not any(job["id"] == dependency for job in jobs):
            fail("Job dependency problem")
    job_id = 1000 + len(jobs)
    path = os.path.join(state, f"job-{job_id}.sh")
    open(path, "w").write(script)
    jobs.append({"id": job_id, "args": args, "settings": settings, "script": path,
                 "cwd": os.getcwd(), "state": "pending", "exit_codes": []})
    save(state, jobs)
    print(job_id if "parsable" in options else f"Submitted batch job {job_id}")


def log_path(pattern, job_id, task):
    return (pattern.replace("%%", "\0").replace("%a", str(task)).replace("%A", str(job_id))
            .replace("%j", str(job_id)).replace("\0", "%"))


def run_task(job, task, first, last):
    s = job["settings"]
    env = dict(os.environ, SLURM_JOB_ID=str(job["id"] + (task or 0)),
               SLURM_CPUS_PER_TASK=s.get("cpus-per-task", "1"))
    if task is not None:
        env.update(SLURM_ARRAY_JOB_ID=str(job["id"]), SLURM_ARRAY_TASK_ID=str(task),
                   SLURM_ARRAY_TASK_MIN=str(first), SLURM_ARRAY_TASK_MAX=str(last),
                   SLURM_ARRAY_TASK_COUNT=str(last - first + 1))
    log = log_path(s.get("output", os.path.join(job["cwd"], "slurm-%j.out")), job["id"], task)
    try:
        with open(log, "w") as out:
            return subprocess.call(["bash", job["script"]], cwd=job["cwd"], env=env, stdout=out,
                                   stderr=subprocess.STDOUT)
    except OSError as e:
        print(f"job {job['id']}: cannot open the log {log}: {e}", file=sys.stderr)
        return 1


def ready(job, jobs):
    """True (run it), False (wait), or None (a dependency failed)."""
    for dependency in dependencies(job["settings"]):
        other = next(j for j in jobs if j["id"] == dependency)
        if other["state"] in ("failed", "cancelled"):
            return None
        if other["state"] != "completed":
            return False
    return True


def run(state):
    while True:
        jobs = load(state)
        pending = [j for j in jobs if j["state"] == "pending" and ready(j, jobs) is not False]
        if not pending:
            break
        job = pending[0]
        if ready(job, jobs) is None:
            job["state"] = "cancelled" if job["settings"].get("kill-on-invalid-dep") == "yes" \
                else "never"
            save(state, jobs)
            continue
        job["state"] = "running"
        save(state, jobs)
        if "array" in job["settings"]:
            first, last = map(int, job["settings"]["array"].split("-"))
            codes = [run_task(job, t, first, last) for t in range(first, last + 1)]
        else:
            codes = [run_task(job, None, 0, 0)]
        jobs = load(state)  # tasks may have submitted jobs
        done = next(j for j in jobs if j["id"] == job["id"])
        done["exit_codes"] = codes
        done["state"] = "completed" if all(c == 0 for c in codes) else "failed"
        save(state, jobs)


if __name__ == "__main__":
    state_dir, command = sys.argv[1], sys.argv[2]
    os.makedirs(state_dir, exist_ok=True)
    submit(state_dir, sys.argv[3:]) if command == "submit" else run(state_dir)

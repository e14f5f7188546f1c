"""Tuning studies for Table 1: `python bench/table1/bench_tune.py DATASET MODEL [MODEL ...] [--trials 20] [--seeds 5]`;
a variant of a model, with some options fixed: `... --variant NAME --fixed JSON` (folder DATASET-MODEL-NAME, not a
preset until `bench_promote.py` promotes it); a study that starts from another's winner as its first trial:
`... --first-from STUDY` (a folder under bench/table1/studies or bench/archive/studies).

Each (dataset, model) is one resumable Optuna study (cadvae_nb.tune.tune, the same code as `cadvae tune`) run in
bench/out/tune/DATASET-MODEL (trial runs, ignored by git); its study.db, best.json and trials.csv are copied to
bench/table1/studies/DATASET-MODEL/ as they land: study.db and trials.csv after every trial, so that a study spanning several
sessions is committed as it goes. Killed, the same command resumes where it stopped; on a machine without the run
folder it resumes from the committed study.db (the trials already told stay told)."""
import shlex, sys, json, shutil, sqlite3, argparse
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))   # bench/, for the scripts' shared _common.py
from _common import OUT, STUDIES, study_dir
from cadvae_nb.datasets import prepare
from cadvae_nb.tune import tune, trials_table

def copy_db(src, dst):
    "A consistent copy of a SQLite file that another connection may be writing (SQLite's backup API)."
    dst.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(src) as a, sqlite3.connect(dst) as b: a.backup(b)

def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('dataset'); ap.add_argument('models', nargs='+')
    ap.add_argument('--trials', type=int, default=20); ap.add_argument('--seeds', type=int, default=5)
    ap.add_argument('--setting', default='table1')
    ap.add_argument('--variant', help='name of a variant: its study goes to DATASET-MODEL-VARIANT'); ap.add_argument('--fixed', help='its fixed options, JSON')
    ap.add_argument('--first-from', help="a study (bench/table1/studies or bench/archive/studies) whose winner's options are the first trial (a warm start)")
    a = ap.parse_args()
    if bool(a.variant) != bool(a.fixed): ap.error('--variant and --fixed go together')
    first = None
    if a.first_from:
        f = study_dir(a.first_from) / 'best.json'
        if not f.exists(): ap.error(f'--first-from {a.first_from}: no {f}')
        first = json.loads(f.read_text())['params']
    fixed, tag = (json.loads(a.fixed), f'-{a.variant}') if a.variant else (None, '')
    split = prepare(a.dataset, download=False, progress=False)
    for model in a.models:
        out = OUT / 'tune' / f'{a.dataset}-{model}{tag}'
        keep = STUDIES / f'{a.dataset}-{model}{tag}'
        if not (out / 'study.db').exists() and (keep / 'study.db').exists(): copy_db(keep / 'study.db', out / 'study.db')
        def log(m, out=out, keep=keep, model=model):
            print(f'{a.dataset} {model}: {m}', flush=True)
            if m.startswith('trial') and 'resuming' not in m:      # a trial was told: keep the study as it stands
                copy_db(out / 'study.db', keep / 'study.db')
                trials_table(out).to_csv(keep / 'trials.csv', index=False)
        tune(split, model, out, trials=a.trials, setting=a.setting, seeds=a.seeds, progress=False, log=log,
             command=shlex.join(['python'] + sys.argv), fixed=fixed, first=first)
        for f in ('study.db', 'best.json', 'trials.csv'): shutil.copy(out / f, keep / f)

if __name__ == '__main__': main()

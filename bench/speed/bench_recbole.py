"""Our training epoch against RecBole 1.2.1's MultiVAE, side by side in one run (issue: a faster epoch).

    python -m venv .rbvenv && .rbvenv/bin/pip install torch==2.13.0 recbole==1.2.1 "numpy<2" "pandas<2.3" "scipy<1.14"
    CADVAE_DATA=../shared/data RECBOLE_PYTHON=.rbvenv/bin/python python bench/speed/bench_recbole.py

RecBole is an optional benchmark dependency with its own interpreter (1.2.1 needs numpy < 2). Both train the same
users (the training users of our ML-1M split, written as RecBole's atomic .inter file) with the same
I-600-200-600-I architecture and 500 users a batch, on the CPU, with the threads OMP_NUM_THREADS allows. The two
alternate `REPS` times, three epochs each, and the median of epochs 2-3 is compared, so both see the same machine
load. Ours also runs with bfloat16 autocast (`--cpu_amp`) when this CPU has native bfloat16. Writes
bench/speed/recbole_speed.json.
"""
import json, os, subprocess, sys, time, argparse
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))   # bench/, for the scripts' shared _common.py
from _common import OUT as RUNS, machine
import numpy as np, pandas as pd
from cadvae_nb.datasets import prepare
from cadvae_nb.train import TrainConfig, fit, cpu_bf16

HERE, OUT = Path(__file__).parent, RUNS / 'recbole'
REPS, EPOCHS = 2, 3


def recbole_epochs(py, data_dir) -> dict:
    out = subprocess.run([py, str((HERE / '_recbole_epoch.py').resolve()), str(Path(data_dir).resolve()), 'ml1m', str(EPOCHS)],
                         capture_output=True, text=True, cwd=OUT)   # RecBole writes log_tensorboard/ into its working folder
    if out.returncode: sys.exit(f'RecBole failed:\n{out.stderr[-3000:]}')
    return json.loads(out.stdout.strip().splitlines()[-1])


def ours(split, amp, rep) -> list:
    run = OUT / f'ours-{int(amp)}-{rep}'
    for f in run.glob('*'): f.unlink()
    fit(split, run, TrainConfig(model='multvae', setting='published', epochs=EPOCHS, batch_size=500, patience=100, seed=0, cpu_amp=amp),
        progress=False, log=lambda *a: None)
    return pd.read_csv(run / 'history.csv').seconds.tolist()


if __name__ == '__main__':
    argparse.ArgumentParser(description=__doc__.split('\n')[0]).parse_args()
    py = os.environ.get('RECBOLE_PYTHON') or sys.exit('set RECBOLE_PYTHON to the interpreter of a venv with recbole==1.2.1 (see the docstring)')
    split = prepare('ml-1m', download=False, progress=False)
    data = OUT / 'data'; (data / 'ml1m').mkdir(parents=True, exist_ok=True)
    X = split.train.tocoo()
    pd.DataFrame({'user_id:token': X.row, 'item_id:token': X.col}).to_csv(data / 'ml1m' / 'ml1m.inter', sep='\t', index=False)
    variants = {'recbole': lambda r: recbole_epochs(py, data)['seconds'], 'ours': lambda r: ours(split, False, r)}
    if cpu_bf16(): variants['ours, bfloat16'] = lambda r: ours(split, True, r)
    secs = {k: [] for k in variants}
    for rep in range(REPS):
        for k, f in variants.items():
            s = f(rep); secs[k].append(float(np.median(s[1:]))); print(k, rep, [round(x, 2) for x in s], flush=True)
    med = {k: float(np.median(v)) for k, v in secs.items()}
    (HERE / 'recbole_speed.json').write_text(json.dumps({
        'machine': machine(), 'when': time.strftime('%Y-%m-%d'), 'threads': os.environ.get('OMP_NUM_THREADS', 'all'),
        'command': 'CADVAE_DATA=../shared/data RECBOLE_PYTHON=.rbvenv/bin/python python bench/speed/bench_recbole.py',
        'setting': f'ML-1M training users ({split.train.shape[0]}), {split.n_items} items, MultiVAE I-600-200-600-I, 500 users a batch, '
                   f'median of epochs 2-{EPOCHS}, {REPS} alternating repetitions',
        'seconds_per_epoch': secs, 'median': med, 'ratio_to_recbole': {k: v / med['recbole'] for k, v in med.items()}}, indent=1))
    print('wrote', HERE / 'recbole_speed.json', med)

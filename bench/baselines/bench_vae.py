"""Quality and speed of MultDAE and beta-MultVAE on ML-100k and ML-1M (3 seeds, both settings), CPU.
Results go to bench/baselines/vae_quality.json (one record per run, appended as runs finish; finished runs are
skipped, so the script can be stopped and restarted), bench/baselines/dae_lam.json, bench/baselines/macridvae_quality.json
and, for the timings, bench/speed/vae_speed.json and bench/speed/vae_bf16.json. The results pages display them. The protocol and the
runs are defined beside this script (protocols.py: VAE_PLAN, protocol_runs, DAE_LAMS, dae_lambda_runs).

    CADVAE_DATA=../shared/data python bench/baselines/bench_vae.py [quality|speed|dae_lam|dae_tuned|macrid|bf16]

`bf16` (bench/speed/vae_bf16.json): bfloat16 autocast on this CPU (`--cpu_amp`) against float32, in one run: seconds per
training epoch of beta-Mult-VAE (published I-600-200-600-I, batch 500) on ML-1M, alternating the two, and test
NDCG@100 of Mult-DAE with its ML-1M preset (as `cadvae train` uses it), seeds 0-2, with and without.
"""
import json, resource, sys, time, argparse
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))   # bench/, for the scripts' shared _common.py
from _common import BENCH, OUT, machine, defaults_quality
from cadvae_nb.datasets import prepare
from cadvae_nb.train import TrainConfig, fit
from protocols import VAE_PLAN, protocol_runs, DAE_LAMS, dae_lambda_fit, dae_lambda_runs   # beside this script

HERE = Path(__file__).parent
SPEED = BENCH / 'speed'


def quality(seeds=(0, 1, 2)):
    "Mult-DAE and beta-Mult-VAE in both settings under the protocol (cadvae_nb.train.protocol_runs, notebook 06), `seeds`."
    path = HERE / 'vae_quality.json'
    rec = json.loads(path.read_text()) if path.exists() else {'machine': machine(), 'command': 'python bench/baselines/bench_vae.py quality', 'runs': []}
    done = {(r['dataset'], r['model'], r['setting'], r['seed']) for r in rec['runs']}
    for ds in VAE_PLAN:
        split = prepare(ds, download=False, progress=False)
        for res in protocol_runs(split, OUT, ('multdae', 'multvae'), ('table1', 'published'), seeds, done):
            rec['runs'].append(res); path.write_text(json.dumps(rec, indent=1))
            print(ds, res['model'], res['setting'], res['seed'], round(res['test']['ndcg@100'], 4), f"{res['seconds_per_epoch']:.2f}s/epoch", flush=True)

def speed():
    "Seconds per training epoch (median of epochs 2-3) and peak memory, CPU, published settings."
    res = []
    for ds, kw in [('ml-1m', {}), ('synthetic ML-20M size', dict(n_users=138_000, n_items=20_000, n_interactions=12_000_000, seed=0))]:
        split = prepare('synthetic' if 'synthetic' in ds else ds, download=False, progress=False, **kw)
        for model in ('multdae', 'multvae'):
            cfg = TrainConfig(model=model, epochs=3, batch_size=500, patience=100, seed=0)
            run = OUT / f'speed-{ds.replace(" ", "_")}-{model}'
            for f in run.glob('*'): f.unlink()
            fit(split, run, cfg, progress=False, log=lambda *a: None)
            import pandas as pd
            secs = float(pd.read_csv(run / 'history.csv').seconds.iloc[1:].median())
            from cadvae_nb.blocks import epoch_cost
            from cadvae_nb.train import make_model
            cost = epoch_cost(make_model(cfg, split), split.train.shape[0], int(split.train.nnz))
            r = {'dataset': ds, 'model': model, 'train_users': split.train.shape[0], 'items': split.n_items,
                 'train_clicks': int(split.train.nnz), 'seconds_per_epoch': round(secs, 2),
                 'gflop_per_epoch': round(cost['gflop'], 1), 'achieved_gflop_s': round(cost['gflop'] / secs, 1),
                 'logits_gb_per_epoch': round(cost['logits_gb'], 2),
                 'peak_rss_gb_process': round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20, 2)}
            print(r, flush=True); res.append(r)
    (SPEED / 'vae_speed.json').write_text(json.dumps({'machine': machine(), 'when': time.strftime('%Y-%m-%d'),
        'command': 'CADVAE_DATA=../shared/data python bench/baselines/bench_vae.py speed',
        'note': 'training epoch only (no validation), batch 500, published architectures; peak RSS is of the whole '
                'benchmark process so far (it includes preparing the data)', 'results': res}, indent=1))

def bf16(seeds=(0, 1, 2), reps=2):
    "bfloat16 autocast on the CPU against float32: epoch seconds (alternating, `reps` times) and test NDCG@100 over `seeds`."
    import dataclasses, numpy as np, pandas as pd
    from scipy import stats
    from cadvae_nb.train import cpu_bf16
    from cadvae_nb.tune import preset_config
    if not cpu_bf16(): sys.exit('this CPU has no AVX512-BF16 or AMX: nothing to measure')
    split = prepare('ml-1m', download=False, progress=False)
    speed = {False: [], True: []}
    for rep in range(reps):
        for amp in (False, True):
            run = OUT / f'bf16-speed-{int(amp)}-{rep}'
            for f in run.glob('*'): f.unlink()
            fit(split, run, TrainConfig(model='multvae', setting='published', epochs=3, batch_size=500, patience=100, seed=0, cpu_amp=amp),
                progress=False, log=lambda *a: None)
            speed[amp].append(float(pd.read_csv(run / 'history.csv').seconds.iloc[1:].median()))
            print('speed', amp, speed[amp][-1], flush=True)
    base, said = preset_config('multdae', split, 'table1')          # the same dense I-wide output layer, and about 1 min a run here
    quality = []
    for seed in seeds:
        for amp in (False, True):
            res = fit(split, OUT / f'bf16-quality-{int(amp)}-{seed}', dataclasses.replace(base, seed=seed, cpu_amp=amp), progress=False, log=lambda *a: None)
            quality.append({'cpu_amp': amp, 'seed': seed, 'test_ndcg@100': res['test']['ndcg@100'], 'validation_ndcg@100': res['validation']['ndcg@100'],
                            'best_epoch': res['best_epoch'], 'seconds_per_epoch': res['seconds_per_epoch']})
            print(quality[-1], flush=True)
    q = pd.DataFrame(quality)
    f32, b16 = (q[q.cpu_amp == a].sort_values('seed')['test_ndcg@100'].to_numpy() for a in (False, True))
    (SPEED / 'vae_bf16.json').write_text(json.dumps({'machine': machine(), 'when': time.strftime('%Y-%m-%d'),
        'command': 'CADVAE_DATA=../shared/data OMP_NUM_THREADS=1 python bench/baselines/bench_vae.py bf16', 'preset': said,
        'speed': {'model': 'multvae published, batch 500, ML-1M', 'float32_seconds': speed[False], 'bfloat16_seconds': speed[True],
                  'speedup': float(np.mean(speed[False]) / np.mean(speed[True]))},
        'quality': quality, 'paired_difference_test_ndcg@100': {'mean': float((b16 - f32).mean()), 'p': float(stats.ttest_rel(b16, f32).pvalue)}},
        indent=1))
    print('wrote', SPEED / 'vae_bf16.json')

def dae_lam(lams=DAE_LAMS):
    "Mult-DAE's L2 weight on ML-1M (table1 setting, seed 0), selected on validation NDCG@100: is vae_cf's 0.01 right here?"
    split = prepare('ml-1m', download=False, progress=False)
    rows = []
    for lam in lams:
        res = dae_lambda_fit(split, OUT, 'table1', lam)
        rows.append({'lam': lam, 'val_ndcg@100': res['validation']['ndcg@100'], 'test_ndcg@100': res['test']['ndcg@100'],
                     'test_recall@20': res['test']['recall@20'], 'best_epoch': res['best_epoch']})
        print(rows[-1], flush=True)
    (HERE / 'dae_lam.json').write_text(json.dumps({'machine': machine(), 'command': 'python bench/baselines/bench_vae.py dae_lam',
                                                   'results': rows}, indent=1))

def dae_tuned(seeds=(0, 1, 2)):
    "Mult-DAE with its L2 weight chosen on validation (cadvae_nb.train.dae_lambda_runs) per dataset and setting, then `seeds`; appended to vae_quality.json."
    path = HERE / 'vae_quality.json'
    rec = json.loads(path.read_text())
    for ds in VAE_PLAN:
        split = prepare(ds, download=False, progress=False)
        for setting in ('table1', 'published'):
            if any(r.get('tag', '').startswith('lambda') and (r['dataset'], r['setting']) == (ds, setting) for r in rec['runs']): continue
            for res in dae_lambda_runs(split, OUT, setting, seeds=seeds, log=lambda *a: print(*a, flush=True)):
                rec['runs'].append(res); path.write_text(json.dumps(rec, indent=1))
                print(ds, 'multdae', setting, res['seed'], res['config']['lam'], round(res['test']['ndcg@100'], 4), flush=True)

def macrid():
    "MacridVAE at the authors' defaults (K=7, d=100, tau=0.1, beta=0.2, std0=0.075, dropout 0.5) on ML-100k and ML-1M, 3 seeds."
    defaults_quality('macridvae', HERE / 'macridvae_quality.json', 'python bench/baselines/bench_vae.py macrid')

MODES = {'quality': quality, 'speed': speed, 'dae_lam': dae_lam, 'dae_tuned': dae_tuned, 'macrid': macrid, 'bf16': bf16}

if __name__ == '__main__':
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('what', nargs='?', choices=list(MODES), default='quality')
    MODES[ap.parse_args().what]()

"""The README's main job and what it is compared with:
`python bench/table1/bench_mainjob.py [DATASET] [MODEL ...]` -> bench/table1/mainjob_DATASET.json.

Runs `cadvae train --model M --dataset DATASET` with the command line's defaults (the shipped presets) for each
model, and scores popularity on the same split; EASE on that split is bench_ease.py's (bench/table1/ease.json), which
the results page shows beside these rows. Default: the synthetic dataset, CaD-VAE, Mult-VAE, Mult-DAE and MacridVAE,
seed 0. Finished runs are read back from bench/out/mainjob/."""
import shlex, sys, json, subprocess, time, argparse
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))   # bench/, for the scripts' shared _common.py
from _common import OUT, machine
import torch
from cadvae_nb.datasets import prepare
from cadvae_nb.metrics import evaluate, METRICS

HERE = Path(__file__).parent

def main(ds='synthetic', models=('cadvae', 'multvae', 'multdae', 'macridvae')):
    out = HERE / f'mainjob_{ds}.json'
    data = {'machine': machine(), 'command': shlex.join(['python'] + sys.argv), 'runs': []}
    for m in models:
        run = OUT / 'mainjob' / f'{ds}-{m}'
        cmd = ['cadvae', 'train', '--model', m, '--dataset', ds, '--out', str(run), '--quiet']
        t0 = time.perf_counter()
        p = subprocess.run(cmd, capture_output=True, text=True)
        if p.returncode: raise SystemExit(f'{" ".join(cmd)} failed:\n{p.stderr}')
        res = json.loads((run / 'metrics.json').read_text())
        cfg = json.loads((run / 'config.json').read_text())
        data['runs'].append({**res, 'cli': 'cadvae train --model %s --dataset %s' % (m, ds), 'said': p.stdout.splitlines()[:1],
                             'lr': cfg['lr'], 'batch_size': cfg['batch_size'], 'model_kw': cfg['model_kw'], 'wall_seconds': time.perf_counter() - t0})
        print(m, round(res['test']['ndcg@100'], 4), flush=True)
    split = prepare(ds, download=False, progress=False)
    pop = torch.tensor(split.train.sum(0).A1, dtype=torch.float32)
    keep = lambda r: {k: r[k] for k in METRICS} | {'n_users': r['n_users']}
    data['runs'].append({'model': 'popularity', 'dataset': ds, 'seed': 0, 'params': 0,
                         **{p: keep(evaluate(lambda x: pop.expand(len(x), -1), *pair)) for p, pair in
                            [('validation', (split.validation_tr, split.validation_te)), ('test', (split.test_tr, split.test_te))]}})
    out.write_text(json.dumps(data, indent=1))

if __name__ == '__main__':
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('dataset', nargs='?', default='synthetic')
    ap.add_argument('models', nargs='*', default=['cadvae', 'multvae', 'multdae', 'macridvae'])
    a = ap.parse_args()
    main(a.dataset, tuple(a.models))

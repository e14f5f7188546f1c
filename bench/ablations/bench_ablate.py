"""Ablations of the tuned CaD-VAE: `python bench/ablations/bench_ablate.py DATASET [--family tuned|decoder|l2]`
-> bench/ablations/ablate_FAMILY_DATASET[-FIXED].json.

Reads the selected options of bench/table1/studies/DATASET-cadvae/best.json and retrains them with seeds 0-2 with one
causal part changed (family `tuned`, `ablation_variants` in plans.py beside this script) or with Mult-DAE's
one-layer decoder at the same budget (family `decoder`, decoder_variants) or with Mult-DAE's L2 term at the weight Mult-DAE's study on DATASET selected
(family `l2`, l2_variants); the selected model's own seeds 0-2 are its study's final runs (same seeds: a paired
comparison). Each run's learned A is recorded, and the selected model's (its study's final runs, from bench/out/tune/).
Resumable: finished runs are read back from bench/out/ablate/.

`--more NAME [NAME ...] --seeds 3 4` adds seeds to the named ablations (a closer look at one that three pairs left
undecided); the file remembers them (`more_seeds`), so later runs of the script keep them."""
import shlex, sys, json, argparse
from dataclasses import replace
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))   # bench/, for the scripts' shared _common.py
from _common import OUT, STUDIES, machine
from cadvae_nb.datasets import prepare
from cadvae_nb.train import TrainConfig, fit, load_run
from cadvae_nb.tune import trial_config
from plans import ablation_variants, decoder_variants, l2_variants, ABLATION_SEEDS as SEEDS   # the plans, beside this script

HERE = Path(__file__).parent

def learned_A(run, split):
    "The causal layer's A (rows: cause, columns: effect) of the model saved in `run`, or None where the run is not on this machine."
    if not (Path(run) / 'model.pt').exists(): return None
    return load_run(run, split, 'cpu')[1].causal.A.detach().numpy().round(6).tolist()

def main(ds, family='tuned', more=(), more_seeds=()):
    best = json.loads((STUDIES / f'{ds}-cadvae' / 'best.json').read_text())
    split = prepare(ds, download=False, progress=False)
    p, fixed = best['preset'], best.get('fixed') or {}                # a promoted variant's study: its fixed options too
    params = {**fixed, **best['params']}
    base = trial_config(params, TrainConfig(model='cadvae', setting=best['setting'], epochs=p['epochs'], patience=p['patience']),
                        split.train.shape[0])
    tag = ''.join(f'-{k}{v}' for k, v in fixed.items())              # its runs apart from those of the study it replaced
    out = HERE / f'ablate_{family}_{ds}{tag}.json'                     # a promoted variant's ablations beside the replaced study's
    if family == 'tuned': variants = ablation_variants(params)
    elif family == 'decoder': variants = decoder_variants(params, len(split.stats['concepts']))
    else: variants = l2_variants(json.loads((STUDIES / f'{ds}-multdae' / 'best.json').read_text())['params']['lam'])
    if (bad := [n for n in more if n not in variants]): raise SystemExit(f'--more {bad[0]!r}: not an ablation of this family; one of {list(variants)}')
    extra = json.loads(out.read_text()).get('more_seeds', {}) if out.exists() else {}
    for n in more: extra[n] = sorted(set(extra.get(n, [])) | set(more_seeds) - set(SEEDS))
    seeds_of = lambda name: [*SEEDS, *extra.get(name, [])]
    data = {'machine': machine(), 'command': shlex.join(['python'] + sys.argv), 'selected': params, 'runs': [], 'more_seeds': extra,
            'selected_A': {s: learned_A(OUT / 'tune' / f'{ds}-cadvae' / 'final' / f'seed{s}', split)
                           for s in sorted({s for n in variants for s in seeds_of(n)})}}
    plan = [(name, change, s, OUT / 'ablate' / f'{ds}{tag}-{"-".join(f"{k}{v}" for k, v in change.items())}-seed{s}')
            for name, change in variants.items() for s in seeds_of(name)]
    # finished runs first, so that the file never holds fewer runs than were done, whenever the script is stopped
    order = sorted(range(len(plan)), key=lambda i: not (plan[i][3] / 'metrics.json').exists())
    got = {}
    for i in order:
        name, change, s, run = plan[i]
        res = json.loads((run / 'metrics.json').read_text()) if (run / 'metrics.json').exists() else \
            fit(split, run, replace(base, seed=s, model_kw={**base.model_kw, **change}), progress=False, log=lambda *a: None)
        got[i] = {**res, 'ablation': name, 'change': change, 'A': learned_A(run, split)}
        print(ds, name, s, round(res['test']['ndcg@100'], 4), flush=True)
        data['runs'] = [got[j] for j in sorted(got)]                  # in the plan's order
        tmp = OUT / (out.name + '.tmp')                      # written whole, then moved: a kill mid-write leaves the old file
        tmp.write_text(json.dumps(data, indent=1)); tmp.replace(out)

if __name__ == '__main__':
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0]); ap.add_argument('dataset'); ap.add_argument('--family', choices=('tuned', 'decoder', 'l2'), default='tuned')
    ap.add_argument('--more', nargs='+', default=[], metavar='NAME', help='ablations to give the seeds of --seeds as well')
    ap.add_argument('--seeds', nargs='+', type=int, default=[], help='the extra seeds of --more')
    a = ap.parse_args()
    if bool(a.more) != bool(a.seeds): ap.error('--more and --seeds go together')
    main(a.dataset, a.family, a.more, a.seeds)

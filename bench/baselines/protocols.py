"""The protocols of the baselines at their authors' settings (bench/baselines/): which runs, with which plan, and how
one option is chosen on validation. Experiment plans, not library code: the package's training loop (notebook 06)
trains what these ask for."""
from __future__ import annotations
import math
from pathlib import Path
from cadvae_nb.data import Split
from cadvae_nb.train import TrainConfig, fit

VAE_PLAN = {'ml-100k': dict(epochs=200, batch_size=100, patience=50),
            'ml-1m': dict(epochs=100, batch_size=100, patience=20)}

def protocol_fit(split: Split, out, model, seed=0, setting='published', name=None, plan=VAE_PLAN, **model_kw) -> dict:
    "Train (or reload the finished) `model` under `plan[split.name]` into OUT/NAME (by default DATASET-MODEL-SETTING-SEED), quietly."
    cfg = TrainConfig(model=model, setting=setting, seed=seed, model_kw=model_kw, **plan[split.name])
    return fit(split, Path(out)/(name or f'{split.name}-{model}-{setting}-{seed}'), cfg, progress=False, log=lambda *a: None)

def anneal_to_cap(split: Split, plan=VAE_PLAN, at=0.8) -> dict:
    "β-Mult-VAE's option for the protocol: the KL weight reaches its cap after `at` of the planned steps."
    p = plan[split.name]
    return {'anneal_steps': int(at * (p['epochs'] * math.ceil(split.train.shape[0] / p['batch_size'])))}

def protocol_runs(split: Split, out, models, settings=('published',), seeds=(0, 1, 2), done=(), plan=VAE_PLAN):
    "Each of `models` in each of `settings` with each of `seeds` under the protocol, skipping the (dataset, model, setting, seed) in `done`: yields the records."
    for setting in settings:
        for model in models:
            for seed in seeds:
                if (split.name, model, setting, seed) in done: continue
                kw = anneal_to_cap(split, plan) if model == 'multvae' else {}
                res = protocol_fit(split, out, model, seed, setting, plan=plan, **kw)
                res['config'] = {**plan[split.name], **kw}
                yield res

def choose_on_validation(train_one, values, seeds=(0, 1, 2)):
    "`train_one(value, seed)` for every value with seed 0, the best by validation NDCG@100, then `seeds` with it: (best, {value: seed-0 metrics}, [metrics per seed])."
    trials = {v: train_one(v, 0) for v in values}
    best = max(trials, key=lambda v: trials[v]['validation']['ndcg@100'])
    return best, trials, [trials[best] if s == 0 else train_one(best, s) for s in seeds]

DAE_LAMS = (0.0, 0.001, 0.003, 0.01)     # Mult-DAE's L2 weight: vae_cf's 0.01 (tuned on ML-20M) and smaller ones

def dae_lambda_fit(split: Split, out, setting, lam, seed=0, plan=VAE_PLAN) -> dict:
    "Mult-DAE with L2 weight `lam` under the protocol into OUT/DATASET-multdae-SETTING-lam{lam} (with -seedS after it for a seed other than 0)."
    name = f'{split.name}-multdae-{setting}-lam{lam}' + ('' if seed == 0 else f'-seed{seed}')
    return protocol_fit(split, out, 'multdae', seed, setting, name=name, plan=plan, lam=lam)

def dae_lambda_runs(split: Split, out, setting, lams=DAE_LAMS, seeds=(0, 1, 2), plan=VAE_PLAN, log=print) -> list:
    "Mult-DAE with its L2 weight chosen on validation NDCG@100 (seed 0) among `lams`, then `seeds`: the records, with every trial in `config`."
    best, trials, runs = choose_on_validation(lambda lam, seed: dae_lambda_fit(split, out, setting, lam, seed, plan), lams, seeds)
    log(split.name, setting, {l: round(r['validation']['ndcg@100'], 4) for l, r in trials.items()}, '->', best)
    for res in runs:
        res['config'] = {**plan[split.name], 'lam': best,
                         'validation_ndcg@100_by_lam': {str(l): r['validation']['ndcg@100'] for l, r in trials.items()}}
        res['tag'] = f'lambda={best} (chosen on validation)'
    return runs


# users a batch (each contributes all its clicks as BPR positives), epoch cap, patience, learning rates tried with seed 0
DGCF_PLAN = {'ml-100k': dict(batch_size=100, epochs=200, patience=30, lrs=(0.003, 0.01, 0.03)),
             'ml-1m': dict(batch_size=500, epochs=150, patience=15, lrs=(0.01, 0.03))}

def dgcf_protocol(plans=DGCF_PLAN) -> str:
    "The benchmark's protocol in words (the results file records it)."
    return ('graph = training users + validation/test users\' fold-in clicks (never held-out clicks); BPR over every graph edge '
            'once an epoch, one sampled negative each; learning rate chosen on validation NDCG@100 (seed 0); '
            + '; '.join(f'{ds}: {p["batch_size"]} users a batch, <= {p["epochs"]} epochs, patience {p["patience"]}, lr tried {p["lrs"]}'
                        for ds, p in plans.items()))

def dgcf_runs(split, out, plan, seeds=(0, 1, 2), log=print) -> list:
    "DGCF at the authors' defaults under `plan` into OUT/DATASET-dgcf-lr{lr}-{seed}, its learning rate chosen on validation: the records."
    def run(lr, seed):
        cfg = TrainConfig(model='dgcf', epochs=plan['epochs'], batch_size=plan['batch_size'], patience=plan['patience'], lr=lr, seed=seed)
        return fit(split, Path(out)/f'{split.name}-dgcf-lr{lr}-{seed}', cfg, progress=False, log=lambda *a: None)
    best, trials, runs = choose_on_validation(run, plan['lrs'], seeds)
    log(split.name, {lr: round(r['validation']['ndcg@100'], 4) for lr, r in trials.items()}, '->', best)
    for res in runs:
        res['config'] = {k: v for k, v in plan.items() if k != 'lrs'} | {
            'lr': best, 'validation_ndcg@100_by_lr': {str(lr): r['validation']['ndcg@100'] for lr, r in trials.items()}}
        res['tag'] = f'lr={best} (chosen on validation)'
    return runs


SEM_PROTOCOL = ('MacridVAE defaults (K=7, d=100, tau=0.1, beta=0.2, std0=0.075, dropout 0.5) and protocol (ML-100k: batch 100, '
                '<= 200 epochs, patience 50; ML-1M: batch 100, <= 100 epochs, patience 20); semantic features: genres, decade, '
                'director, leading actors, title words')

# one change each to SEM-MacridVAE: the decade block left out of the features, the prototypes left random
SEM_VARIANTS = {'without the decade block': {'blocks': ['director', 'genre', 'actor', 'title']},
                'item embeddings only (random prototypes)': {'init_cores': False}}

def sem_variant_runs(split, out, seeds=(0, 1, 2), done=(), variants=SEM_VARIANTS, plan=VAE_PLAN):
    "SEM-MacridVAE under the protocol with each change of `variants` and each of `seeds`, skipping the (dataset, tag, seed) in `done`: yields the records, tagged."
    for tag, kw in variants.items():
        for seed in seeds:
            if (split.name, tag, seed) in done: continue
            name = f'{split.name}-sem-macridvae-{"-".join(map(str, kw.values()))}-{seed}'.replace(' ', '')
            res = protocol_fit(split, out, 'sem-macridvae', seed, name=name, plan=plan, **kw)
            res['tag'] = tag
            yield res

"""Accuracy and control together: a multi-objective Optuna study of CaD-VAE over validation NDCG@100 and validation
control (the share gain do(concept = value) reaches for at most COST of NDCG@100, notebook 09a's `gain_at_cost`),
with the search space reaching the causal parts (the supervision weights gamma1 and gamma2, the form of L_zsup,
the block size d, beta):

    python bench/causal/bench_pareto.py ml-100k --trials 30 [--concept genre] [--aligned] [--tiny]

Each trial trains CaD-VAE (one-layer decoder, as shipped) into bench/out/pareto/DATASET/trialN and measures
`control_curve` on the validation users; the re-ranking baseline's gain at the same cost is recorded beside it.
With --aligned every trial has concept paths (notebook 05's
`aligned=True`), in a study of its own: bench/causal/pareto/DATASET-aligned/, pareto_DATASET-aligned.json.
The study lives in bench/causal/pareto/DATASET/study.db (resumable: a trial a kill left running is tried again with
the same options) and every finished trial is written to bench/causal/pareto_DATASET.json.
"""
import shlex, json, sys, time, argparse
from pathlib import Path
import optuna
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))   # bench/, for the scripts' shared _common.py
from _common import OUT, machine
from cadvae_nb.datasets import prepare
from cadvae_nb.train import TrainConfig, fit, load_run
from cadvae_nb.tune import trial_config, plan_for
from cadvae_nb.cadvae import cadvae_space
from cadvae_nb.control import control_curve, gain_at_cost

HERE = Path(__file__).parent
COST = 0.02                                                   # NDCG@100 a user would give up for control


def space(trial) -> dict:
    "CaD-VAE's search space (notebook 05) and the block size d."
    return {**cadvae_space(trial), 'd': trial.suggest_categorical('d', [10, 25, 50])}


def objective(split, concept, base, out, tiny):
    def run(trial):
        params = space(trial)
        cfg = trial_config(params, base, split.train.shape[0])
        res = fit(split, out / f'trial{trial.number}', cfg, progress=False, log=lambda *a: None)
        curve = control_curve(load_run(out / f'trial{trial.number}', split, 'cpu')[1], split, concept, part='validation')
        trial.set_user_attr('rerank_gain', gain_at_cost(curve, 're-rank', COST))
        trial.set_user_attr('test_ndcg@100', res['test']['ndcg@100'])
        trial.set_user_attr('curve', curve.round(5).to_dict(orient='records'))
        return res['validation']['ndcg@100'], gain_at_cost(curve, 'do', COST)
    return run


def record(study, args) -> dict:
    trials = [{'number': t.number, 'params': t.params, 'validation_ndcg@100': t.values[0], 'do_gain': t.values[1],
               **{k: t.user_attrs[k] for k in ('rerank_gain', 'test_ndcg@100', 'curve')}}
              for t in study.trials if t.state == optuna.trial.TrialState.COMPLETE]
    return {'machine': machine(), 'when': time.strftime('%Y-%m-%d'), 'command': shlex.join(['python'] + sys.argv),
            'dataset': args.dataset, 'aligned': args.aligned, 'concept': args.concept, 'cost': COST, 'part': 'validation',
            'pareto': sorted(t.number for t in study.best_trials), 'trials': trials}


if __name__ == '__main__':
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('dataset')
    ap.add_argument('--trials', type=int, default=30)
    ap.add_argument('--concept', default='genre')
    ap.add_argument('--seed', type=int, default=0)
    ap.add_argument('--aligned', action='store_true', help="every trial with concept paths (model_kw aligned=true)")
    ap.add_argument('--tiny', action='store_true', help='a check that the script works, written to bench/out/')
    a = ap.parse_args()
    split = prepare(a.dataset, download=False, progress=False, **(dict(n_users=300, n_items=150, n_interactions=9000) if a.tiny else {}))
    name = a.dataset + ('-aligned' if a.aligned else '')
    where = (OUT / 'pareto-tiny' / name) if a.tiny else (HERE / 'pareto' / name)
    where.mkdir(parents=True, exist_ok=True)
    plan = dict(epochs=2, patience=2) if a.tiny else plan_for(a.dataset)
    base = TrainConfig(model='cadvae', setting='table1', device='cpu', model_kw={'decoder': 'linear', **({'aligned': True} if a.aligned else {})}, **plan)
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    study = optuna.create_study(study_name='pareto', storage=f'sqlite:///{where / "study.db"}', load_if_exists=True,
                                directions=['maximize', 'maximize'])
    for t in study.trials:                                    # left running by a kill: the same options again
        if t.state == optuna.trial.TrialState.RUNNING:
            study.enqueue_trial(t.params); study.tell(t.number, state=optuna.trial.TrialState.FAIL)
    study.sampler = optuna.samplers.TPESampler(seed=a.seed + len(study.trials), n_startup_trials=10)
    path = (OUT / f'pareto_{name}_tiny.json') if a.tiny else (HERE / f'pareto_{name}.json')
    out = OUT / ('pareto-tiny' if a.tiny else 'pareto') / name
    left = a.trials - sum(t.state == optuna.trial.TrialState.COMPLETE for t in study.trials)
    for _ in range(max(0, left)):
        study.optimize(objective(split, a.concept, base, out, a.tiny), n_trials=1)
        t = study.trials[-1]
        path.write_text(json.dumps(record(study, a), indent=1))
        print(f'trial {t.number}: validation NDCG@100 {t.values[0]:.4f}, do gain {t.values[1]:.3f}, re-rank gain '
              f"{t.user_attrs['rerank_gain']:.3f} (at cost {COST})", flush=True)
    print('wrote', path)

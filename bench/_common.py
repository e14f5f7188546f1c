"""What the benchmark scripts share: the package's `machine()` (notebook 06a), recorded with every result, and the
bookkeeping of a results file that grows a run at a time."""
import json
from pathlib import Path
from cadvae_nb.tune import machine
from cadvae_nb.data import prepare
from cadvae_nb.train import VAE_PLAN, protocol_runs

__all__ = ['machine', 'defaults_quality']
OUT = Path(__file__).parent / 'out'


def defaults_quality(model, path, command, protocol=None, seeds=(0, 1, 2)):
    "`model` at its published setting under the protocol (cadvae_nb.train.protocol_runs) on ML-100k and ML-1M, `seeds`; records appended to `path`."
    rec = json.loads(path.read_text()) if path.exists() else {'machine': machine(), 'command': command, 'runs': []}
    if protocol: rec.setdefault('protocol', protocol)
    done = {(r['dataset'], r['model'], r['setting'], r['seed']) for r in rec['runs']}
    for ds in VAE_PLAN:
        split = prepare(ds, download=False, progress=False)
        for res in protocol_runs(split, OUT, (model,), ('published',), seeds, done):
            rec['runs'].append(res); path.write_text(json.dumps(rec, indent=1))
            print(ds, model, res['seed'], round(res['test']['ndcg@100'], 4), f"{res['seconds_per_epoch']:.2f}s/epoch", flush=True)

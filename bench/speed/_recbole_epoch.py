"""Seconds per training epoch of RecBole's MultiVAE (run by bench_recbole.py with RecBole's own interpreter).

    RECBOLE_PYTHON bench/speed/_recbole_epoch.py DATA_DIR DATASET EPOCHS  -> prints one JSON line: {"seconds": [...], "users": n, "items": m}
"""
import json, time, logging, argparse
from recbole.config import Config
from recbole.data import create_dataset, data_preparation
from recbole.model.general_recommender import MultiVAE
from recbole.trainer import Trainer
from recbole.utils import init_seed

ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
ap.add_argument('data_dir'); ap.add_argument('dataset'); ap.add_argument('epochs', type=int)
a = ap.parse_args()
data_dir, name, epochs = a.data_dir, a.dataset, a.epochs
cfg = Config(model='MultiVAE', dataset=name, config_dict={
    'data_path': data_dir, 'USER_ID_FIELD': 'user_id', 'ITEM_ID_FIELD': 'item_id', 'load_col': {'inter': ['user_id', 'item_id']},
    'mlp_hidden_size': [600], 'latent_dimension': 400, 'dropout_prob': 0.5, 'anneal_cap': 0.2, 'total_anneal_steps': 200000,
    'train_batch_size': 500, 'learning_rate': 1e-3, 'epochs': epochs, 'train_neg_sample_args': None, 'device': 'cpu', 'use_gpu': False,
    'eval_args': {'split': {'RS': [0.8, 0.1, 0.1]}, 'order': 'RO', 'group_by': 'user', 'mode': 'full'},
    'show_progress': False, 'state': 'ERROR', 'seed': 0, 'reproducibility': True, 'checkpoint_dir': data_dir + '/saved'})
logging.disable(logging.CRITICAL)
init_seed(cfg['seed'], True)
ds = create_dataset(cfg)
train, valid, test = data_preparation(cfg, ds)
model = MultiVAE(cfg, train.dataset)
trainer = Trainer(cfg, model)
secs = []
for e in range(epochs):
    t = time.perf_counter(); trainer._train_epoch(train, e, show_progress=False); secs.append(time.perf_counter() - t)
print(json.dumps({'seconds': secs, 'users': int(ds.user_num - 1), 'items': int(ds.item_num - 1),
                  'params': sum(p.numel() for p in model.parameters())}))

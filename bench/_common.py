"What the benchmark scripts record about the machine they ran on: the package's `machine()` (notebook 06a)."
from cadvae_nb.tune import machine

__all__ = ['machine']   # re-exported for the bench scripts


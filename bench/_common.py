"What the benchmark scripts record about the machine they ran on."
import os, platform

def machine():
    "CPU model, cores, memory, GPU and torch build of this machine, in one line."
    import torch
    cpu = next((l.split(':', 1)[1].strip() for l in open('/proc/cpuinfo') if l.startswith('model name')), platform.processor())
    mem = next((int(l.split()[1]) / 2**20 for l in open('/proc/meminfo') if l.startswith('MemTotal')), 0)
    gpu = torch.cuda.get_device_name() if torch.cuda.is_available() else 'no GPU'
    return (f'{cpu}, {os.cpu_count()} cores, {mem:.0f} GiB RAM, {gpu}, Python {platform.python_version()}, '
            f'torch {torch.__version__} ({torch.get_num_threads()} threads)')

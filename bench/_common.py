"""Shared helpers of the benchmark scripts (not part of the package)."""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def rss_mb() -> float:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def compile_bytecode() -> None:
    """Compile crmdesk's modules to bytecode, as `pip install` does for an installed program,
    before a bench times fresh processes. Without it (PYTHONDONTWRITEBYTECODE is set on the
    bench machine; an editable install has no .pyc) every new process compiled each module it
    imported from source: ~25 ms more on the targets dashboard's first open."""
    import compileall

    compileall.compile_dir(str(ROOT / "crmdesk"), quiet=1)


def median_ms(samples: list[float]) -> float:
    return round(statistics.median(samples) * 1000, 1)


def demo_database(customers: int, seed: int = 7, owned_only: bool = False) -> str:
    """A demo SQLite database of this size, built once and reused; owned_only: none of its
    customers in a pool (every one on the customer list)."""
    DATA.mkdir(exist_ok=True)
    path = DATA / f"customers-{customers}{'-owned' if owned_only else ''}.sqlite"
    url = f"sqlite:///{path}"
    if not path.exists():
        from crmdesk.models.database import open_database
        from crmdesk.models.demo import generate_demo

        start = time.perf_counter()
        db = open_database(url)
        extra = {"pooled": 0} if owned_only else {}
        generate_demo(db, customers=customers, seed=seed, deals=False, **extra)
        db.close()
        print(f"built {path.name} in {time.perf_counter() - start:.0f} s", file=sys.stderr)
    return url

import os
import subprocess
import sys


def test_models_load_no_qt():
    """Every module of crmdesk.models, found by walking the package (a new one is covered
    without anyone remembering to list it)."""
    code = (
        "import importlib, pkgutil, sys, crmdesk.models as m;"
        "names = [i.name for i in pkgutil.walk_packages(m.__path__, 'crmdesk.models.')"
        " if '.migrations.versions.' not in i.name and not i.name.endswith('.env')];"
        "[importlib.import_module(n) for n in names];"
        "assert len(names) > 12, names;"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'pyqtgraph',"
        " 'shiboken6'));"
        "print(','.join(bad)); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, f"crmdesk.models imported Qt: {result.stdout} {result.stderr}"


def test_startup_modules_leave_charts_and_excel_for_later():
    """pyqtgraph (+numpy) and the Excel readers cost ~0.6 s; start-up must not pay for them."""
    code = (
        "import sys, crmdesk.cli, crmdesk.app, crmdesk.views.main_window;"
        "bad = sorted(m for m in ('pyqtgraph', 'openpyxl', 'python_calamine', 'numpy')"
        " if m in sys.modules); print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stdout + result.stderr

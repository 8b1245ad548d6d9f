import subprocess
import sys


def test_models_load_no_qt():
    code = (
        "import sys, crmdesk.models.customers, crmdesk.models.contacts, crmdesk.models.follow_ups,"
        " crmdesk.models.demo, crmdesk.models.saved_views, crmdesk.models.database;"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'pyqtgraph',"
        " 'shiboken6'));"
        "print(','.join(bad)); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, f"crmdesk.models imported Qt: {result.stdout} {result.stderr}"

"""The shape the code keeps (ARCHITECTURE.md): no module of the program over 500 lines, so a
page or a service that grows is split by what it does before it becomes hard to read."""

from __future__ import annotations

from pathlib import Path

import crmdesk

LIMIT = 500


def test_no_module_is_over_500_lines():
    root = Path(crmdesk.__file__).parent
    long = {
        str(path.relative_to(root)): n
        for path in root.rglob("*.py")
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > LIMIT
    }
    assert long == {}

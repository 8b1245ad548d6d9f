"""python -m crmdesk"""

import multiprocessing
import sys

if __name__ == "__main__":
    # A frozen app's worker processes (a big import's texts: models/excel_derive.py) start
    # this same program; freeze_support runs them instead of the app.
    multiprocessing.freeze_support()
    from crmdesk.cli import main

    sys.exit(main())

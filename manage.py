#!/usr/bin/env python
"""Django's command-line utility. The project package lives in site/ (see README)."""

import os
import sys
from pathlib import Path


def main():
    # site/ holds the project package "tregks"; the folder name itself is not importable
    # because the standard library owns the module name "site".
    sys.path.insert(0, str(Path(__file__).resolve().parent / "site"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tregks.settings.dev")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()

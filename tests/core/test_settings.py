"""Production settings: refuse to start without a secret, pass Django's deploy checks."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# manage.py runs in another process with production settings and its own database URL.
pytestmark = pytest.mark.served


def run_manage(*args, env_overrides):
    env = {
        key: value for key, value in os.environ.items() if not key.startswith("DJANGO")
    }
    env.pop("SECRET_KEY", None)
    env.pop("DEBUG", None)
    env.update(
        {"DJANGO_SETTINGS_MODULE": "tregks.settings.production", **env_overrides}
    )
    return subprocess.run(  # noqa: S603
        [sys.executable, str(ROOT / "manage.py"), *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
        check=False,
    )


def test_production_refuses_to_start_without_secret_key():
    result = run_manage("check", env_overrides={})
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_deploy_check_passes_with_a_sample_environment():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env_overrides={
            "SECRET_KEY": "x7!Pq2vL9#tR4mZ8wK1sB6nD3fH0jG5yC_eA-uI.oXzVbNmQ-sample-only-4TgWk",
            "ALLOWED_HOSTS": "tregks.example",
            "BASE_URL": "https://tregks.example",
            "SECURITY_CONTACT": "mailto:security@tregks.example",
            "DATABASE_URL": f"sqlite:///{ROOT / 'db.sqlite3'}",
        },
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout

"""No secret in the repository: keys, tokens and passwords come from the environment."""

import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# Written so that this file does not match itself.
SECRET_PATTERNS = {
    "private key": re.compile(r"-{5}BEGIN [A-Z ]*PRIVATE KEY-{5}"),
    "AWS access key": re.compile(r"\b(?:AKIA|ASIA)[0-9A-Z]{16}\b"),
    "AWS secret key": re.compile(
        r"aws_secret_access_key\s*[=:]\s*['\"]?[A-Za-z0-9/+]{40}", re.IGNORECASE
    ),
    "GitHub token": re.compile(r"\bgh[pousr]_[A-Za-z0-9]{36,}\b"),
    "Slack token": re.compile(r"\bxox[abprs]-[A-Za-z0-9-]{10,}"),
    "Google API key": re.compile(r"\bAIza[0-9A-Za-z_\-]{35}\b"),
    "Stripe key": re.compile(r"\b[sr]k_live_[0-9A-Za-z]{20,}"),
    "password in a URL": re.compile(
        r"\b(?:postgres(?:ql)?|redis|mysql)://[^:/\s@]+:[^@\s/]{6,}@"
    ),
    "Django secret key": re.compile(
        r"SECRET_KEY\s*=\s*['\"](?!dev-only-|test-only-)[^'\"]{20,}['\"]"
    ),
}
SECRET_FILE_NAMES = re.compile(
    r"(^|/)(\.env(\..*)?|id_rsa|id_ed25519|.*\.pem|.*\.key|.*\.p12)$"
)


def tracked_files():
    try:
        listing = subprocess.run(
            ["git", "ls-files", "-z"],  # noqa: S607
            cwd=ROOT,
            capture_output=True,
            check=True,
            timeout=60,
        ).stdout.decode()
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("git is needed to list the repository's files")
    return [name for name in listing.split("\0") if name]


def test_no_secret_files_are_tracked():
    offenders = [name for name in tracked_files() if SECRET_FILE_NAMES.search(name)]
    assert not offenders, offenders


def test_no_secrets_in_tracked_files():
    findings = []
    for name in tracked_files():
        path = ROOT / name
        if not path.is_file() or path.stat().st_size > 2_000_000:
            continue
        text = path.read_bytes().decode("utf-8", errors="ignore")
        findings += [
            f"{name}: {kind}"
            for kind, pattern in SECRET_PATTERNS.items()
            if pattern.search(text)
        ]
    assert not findings, findings


@pytest.mark.parametrize(
    "sample",
    [
        # Assembled from parts, so that the scan of this very file finds nothing.
        "-----BEGIN RSA " + "PRIVATE KEY-----",
        "AKIA" + "IOSFODNN7EXAMPLE",
        "aws_secret_access_key = " + "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEYx",
        "DATABASE_URL=postgres://tregks:" + "s3cr3t-pass@db:5432/tregks",
        "SECRET_KEY = " + '"k8#vQ2!pL0zR7mW4xN9cT1bY6uH3jF5s"',
    ],
)
def test_the_patterns_find_real_looking_secrets(sample):
    assert any(pattern.search(sample) for pattern in SECRET_PATTERNS.values())

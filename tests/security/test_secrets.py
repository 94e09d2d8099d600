"""No secret in the repository: keys, tokens and passwords come from the environment.

The scan is detect-secrets' (Yelp), with its pattern plugins for keys and tokens of
known services and passwords in URLs; its entropy and keyword plugins are left out
(they flag every content hash in package-lock.json and every demo password field).
Two project rules stay hand-written, as detect-secrets has no plugin for them: a
literal Django SECRET_KEY, and files that hold keys by their name.
"""

import re
import subprocess
from pathlib import Path

import pytest
from detect_secrets import SecretsCollection
from detect_secrets.settings import transient_settings

pytestmark = pytest.mark.any_database  # reads files, no database

ROOT = Path(__file__).resolve().parents[2]

DETECT_SECRETS_PLUGINS = [
    {"name": name}
    for name in (
        "AWSKeyDetector",
        "ArtifactoryDetector",
        "AzureStorageKeyDetector",
        "BasicAuthDetector",
        "CloudantDetector",
        "DiscordBotTokenDetector",
        "GitHubTokenDetector",
        "GitLabTokenDetector",
        "JwtTokenDetector",
        "MailchimpDetector",
        "NpmDetector",
        "OpenAIDetector",
        "PrivateKeyDetector",
        "PypiTokenDetector",
        "SendGridDetector",
        "SlackDetector",
        "SquareOAuthDetector",
        "StripeDetector",
        "TelegramBotTokenDetector",
        "TwilioKeyDetector",
    )
]
# Written so that this file does not match itself.
SECRET_PATTERNS = {
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


def detected(paths):
    """[(file, kind)] that detect-secrets finds in these files."""
    with transient_settings({"plugins_used": DETECT_SECRETS_PLUGINS}):
        secrets = SecretsCollection(root=str(ROOT))
        for path in paths:
            secrets.scan_file(str(path))
    return [(filename, secret.type) for filename, secret in secrets if secret.type]


@pytest.mark.slow
def test_no_secrets_in_tracked_files():
    paths, findings = [], []
    for name in tracked_files():
        path = ROOT / name
        if not path.is_file() or path.stat().st_size > 2_000_000:
            continue
        paths.append(name)
        text = path.read_bytes().decode("utf-8", errors="ignore")
        findings += [
            f"{name}: {kind}"
            for kind, pattern in SECRET_PATTERNS.items()
            if pattern.search(text)
        ]
    findings += [f"{name}: {kind}" for name, kind in detected(paths)]
    assert not findings, findings


@pytest.mark.parametrize(
    "sample",
    [
        # Assembled from parts, so that the scan of this very file finds nothing.
        "-----BEGIN RSA " + "PRIVATE KEY-----",
        "AKIA" + "IOSFODNN7EXAMPLE",
        "DATABASE_URL=postgres://tregks:" + "s3cr3t-pass@db:5432/tregks",
        "token = 'ghp_" + "a" * 36 + "'",
        "SECRET_KEY = " + '"k8#vQ2!pL0zR7mW4xN9cT1bY6uH3jF5s"',
    ],
)
def test_the_scan_finds_real_looking_secrets(tmp_path, sample):
    sample_file = tmp_path / "settings.py"
    sample_file.write_text(sample + "\n")
    own_rule = any(pattern.search(sample) for pattern in SECRET_PATTERNS.values())
    with transient_settings({"plugins_used": DETECT_SECRETS_PLUGINS}):
        secrets = SecretsCollection(root=str(tmp_path))
        secrets.scan_file(str(sample_file))
    assert own_rule or list(secrets)

"""The benchmark reports say which code they measured: the commit, and whether the tree
had uncommitted changes (which a run would have served instead of the commit)."""

import subprocess

from bench.common import code_version


def git(folder, *args):
    command = ["git", "-C", str(folder), "-c", "user.name=测试", "-c", "user.email=t@example.org"]
    return subprocess.run([*command, *args], capture_output=True, text=True, check=True).stdout


def test_a_clean_checkout_is_named_by_its_commit(tmp_path):
    git(tmp_path, "init", "-q")
    (tmp_path / "models.py").write_text("A = 1\n")
    git(tmp_path, "add", "models.py")
    git(tmp_path, "commit", "-q", "-m", "first")
    commit = git(tmp_path, "rev-parse", "--short", "HEAD").strip()

    assert code_version(tmp_path) == f"commit {commit}"

    (tmp_path / "notes.txt").write_text("not tracked: not served either\n")
    assert code_version(tmp_path) == f"commit {commit}"

    (tmp_path / "models.py").write_text("A = 2\n")
    assert code_version(tmp_path) == f"commit {commit}, with uncommitted changes"


def test_outside_a_checkout_it_says_so(tmp_path):
    assert code_version(tmp_path) == "not a git checkout"

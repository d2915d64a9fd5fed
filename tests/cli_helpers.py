"""Run the command line in-process and capture what it prints (test helper, not a test)."""

from __future__ import annotations

import io
import sys
from dataclasses import dataclass

import pytest

from tabellino.cli import main


@dataclass
class Run:
    """The outcome of one command line run."""

    code: int
    out: str
    err: str


def run_cli(args: list[str], capsys: pytest.CaptureFixture[str], stdin: bytes = b"") -> Run:
    """Run ``tabellino ARGS`` through the real entry point and return exit code and output."""
    saved = sys.stdin
    sys.stdin = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8")
    try:
        with pytest.raises(SystemExit) as stop:
            main(args)
    finally:
        sys.stdin = saved
    captured = capsys.readouterr()
    return Run(code=int(stop.value.code or 0), out=captured.out, err=captured.err)

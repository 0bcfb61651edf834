"""A command's parser declares only that command's group, and says exactly what the whole parser says."""
from __future__ import annotations

import argparse

import pytest

from app.commands.parser import GROUPS, build_parser


def _commands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    return next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction)).choices


def _described(parser: argparse.ArgumentParser) -> dict[str, str]:
    """The parser's help and usage, and those of each action under it (keys, office, template)."""
    out = {"": parser.format_help() + parser.format_usage()}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                out[name] = child.format_help() + child.format_usage()
    return out


FULL = build_parser()
ALL = [command for _, commands in GROUPS for command in commands]


def test_the_groups_hold_every_command_once_in_the_order_help_lists_them():
    assert list(_commands(FULL)) == ALL


@pytest.mark.parametrize("command", ALL)
def test_each_command_reads_and_explains_itself_as_with_every_group_built(command):
    group = next(commands for _, commands in GROUPS if command in commands)
    for argv in ([command], ["--db", "x.sqlite3", command, "--help"], ["--db=x.sqlite3", command]):
        alone = _commands(build_parser(argv))
        assert list(alone) == list(group)
        assert _described(alone[command]) == _described(_commands(FULL)[command])


@pytest.mark.parametrize("argv", [[], ["--help"], ["--version"], ["khong-co"], ["--db"], ["-h", "export"]])
def test_without_a_known_command_every_command_is_declared(argv):
    parser = build_parser(argv)
    assert list(_commands(parser)) == ALL
    assert parser.format_help() == FULL.format_help()


def test_a_group_parses_its_command_as_the_whole_parser_does():
    argv = ["--db", "x.sqlite3", "export", "--office", "TTH", "--period", "2020-Q1", "--format", "pdf", "--out", "a.pdf"]
    assert build_parser(argv).parse_args(argv) == FULL.parse_args(argv)
    argv = ["keys", "trust", "k.pem", "--replace"]
    assert build_parser(argv).parse_args(argv) == FULL.parse_args(argv)

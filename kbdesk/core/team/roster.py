"""The team's roster: ``team.yaml`` at the library root, edited and published by editors.

It says who the team is: each person's OS account name(s), display name, role (``agent``,
``supervisor``, ``editor``) and groups. Read receipts are attributed through it (the account
that made a receipt is a person), roles come from it, and ``ack_required`` may name its groups
and roles. Example::

    groups: [一線客服, 主管, 品質組]     # every group a person may be in
    read_within: 7                      # optional: days to read a new version (default for all)
    people:
      - name: 陳小華
        accounts: [chenxh]              # or: account: chenxh
        role: agent
        groups: [一線客服]
      - name: 林主任
        account: lin.supervisor
        role: supervisor
        groups: [主管]

Accounts compare without regard to letter case (Windows account names do not have it). A
person with a problem (no account, an unknown role, an account someone else already has) is
left out and the problem is reported, naming ``team.yaml``, the line and the field; a group
that is not declared is reported and dropped from the person.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from kbdesk.core.errors import DocumentError, Problem
from kbdesk.core.library.acks import MAX_READ_WITHIN, read_within_problem
from kbdesk.core.library.catalog import TEAM_FILE
from kbdesk.core.library.yamlread import load_yaml

log = logging.getLogger(__name__)

ROLES = ("agent", "supervisor", "editor")
#: a roster larger than this is not read (a team of thousands fits in a fraction of it)
MAX_BYTES = 1024 * 1024
_TOP_KEYS = ("groups", "read_within", "people")
_PERSON_KEYS = ("name", "account", "accounts", "role", "groups")


def account_key(account: str) -> str:
    """How accounts compare: stripped, without regard to letter case."""
    return account.strip().casefold()


@dataclass(frozen=True)
class Person:
    """One member of the team.

    Attributes:
        name: the display name shown in receipts and the supervisor's view.
        accounts: the OS account names this person signs in with (at least one).
        role: ``agent``, ``supervisor`` or ``editor``.
        groups: the groups the person is in (declared in ``groups:``).
        line: the line of ``team.yaml`` the entry starts on.
    """

    name: str
    accounts: tuple[str, ...]
    role: str = "agent"
    groups: tuple[str, ...] = ()
    line: int = 0

    @property
    def account(self) -> str:
        """The person's first account (how paper receipts name them)."""
        return self.accounts[0]


@dataclass(frozen=True)
class Roster:
    """What ``team.yaml`` says, with the problems found reading it."""

    people: tuple[Person, ...] = ()
    groups: tuple[str, ...] = ()
    read_within: int | None = None
    problems: tuple[Problem, ...] = ()
    _accounts: Mapping[str, Person] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self._accounts:
            index = {account_key(a): p for p in self.people for a in p.accounts}
            object.__setattr__(self, "_accounts", index)

    def by_account(self, account: str) -> Person | None:
        """The person who signs in as ``account`` (None: nobody on the roster)."""
        return self._accounts.get(account_key(account))

    def find(self, name: str) -> Person | None:
        """The person an account name or display name names (accounts first)."""
        person = self.by_account(name)
        if person is not None:
            return person
        wanted = name.strip()
        return next((p for p in self.people if p.name == wanted), None)

    def knows(self, name: str) -> bool:
        """Whether ``name`` is a group or a role of this roster."""
        return name in self.groups or name in ROLES

    def members(self, targets: Sequence[str]) -> list[Person]:
        """The people in any of the groups or roles ``targets`` names; () means everyone."""
        if not targets:
            return list(self.people)
        wanted = set(targets)
        return [p for p in self.people if p.role in wanted or wanted.intersection(p.groups)]


# -- reading ----------------------------------------------------------------------------------


def _line(node: Node | None) -> int | None:
    return node.start_mark.line + 1 if node is not None and node.start_mark else None


def _pairs(node: Node | None) -> dict[str, tuple[Node, Node]]:
    """A mapping node's entries by key text: key -> (key node, value node)."""
    if not isinstance(node, MappingNode):
        return {}
    return {str(k.value): (k, v) for k, v in node.value if isinstance(k, ScalarNode)}


def _items(node: Node | None) -> list[Node]:
    return list(node.value) if isinstance(node, SequenceNode) else []


def _names(value: object) -> list[str] | None:
    """A list of texts (one text is a list of one); None when it is something else."""
    if isinstance(value, str | int) and not isinstance(value, bool):
        value = [value]
    if not isinstance(value, list):
        return None
    if not all(isinstance(v, str | int) and not isinstance(v, bool) for v in value):
        return None
    return [str(v).strip() for v in value if str(v).strip()]


def parse_roster(text: str, path: str = TEAM_FILE) -> Roster:
    """Read the text of ``team.yaml``; never raises: every problem names the file, the line and
    the field, and the people without a problem are kept."""
    try:
        data: Any = load_yaml(text, path)
    except DocumentError as exc:
        return Roster(problems=(exc.problem,))
    # the bounded reader accepted the text: composing it again for the lines is safe and cheap
    root = yaml.compose(text, Loader=yaml.SafeLoader) if data is not None else None
    problems: list[Problem] = []

    def problem(message: str, node: Node | None, name: str) -> None:
        problems.append(Problem(path, message, line=_line(node), field=name))

    if data is None:
        data = {}
    if not isinstance(data, dict):
        return Roster(problems=(Problem(path, "must be a mapping with groups: and people:",
                                        line=1),))
    top = _pairs(root)
    for key in sorted(set(map(str, data)) - set(_TOP_KEYS)):
        problem(f"field '{key}' is not a field of team.yaml (known: {', '.join(_TOP_KEYS)})",
                top.get(key, (None, None))[0], key)

    groups: list[str] = []
    raw_groups = _names(data.get("groups") or [])
    groups_node = top.get("groups", (None, None))[1]
    if raw_groups is None:
        problem("field 'groups' must be a list of group names, such as [一線客服, 主管]",
                groups_node, "groups")
        raw_groups = []
    for name in raw_groups:
        if name in ROLES:
            problem(f"field 'groups': {name!r} is a role; name the group otherwise",
                    groups_node, "groups")
        elif name in groups:
            problem(f"field 'groups': {name!r} is listed twice", groups_node, "groups")
        else:
            groups.append(name)

    read_within = data.get("read_within")
    bad = read_within_problem(read_within)
    if bad is not None:
        problem(f"field 'read_within': {bad}", top.get("read_within", (None, None))[1],
                "read_within")
        read_within = None

    people: list[Person] = []
    owners: dict[str, Person] = {}
    raw_people = data.get("people") or []
    people_node = top.get("people", (None, None))[1]
    if not isinstance(raw_people, list):
        problem("field 'people' must be a list of people (name:, account:, role:, groups:)",
                people_node, "people")
        raw_people = []
    nodes = _items(people_node)
    for number, entry in enumerate(raw_people, start=1):
        node = nodes[number - 1] if number - 1 < len(nodes) else None
        person = _person(entry, node, number, groups, problem)
        if person is None:
            continue
        taken = [a for a in person.accounts if account_key(a) in owners]
        if taken:
            other = owners[account_key(taken[0])]
            where = _pairs(node)
            key = "accounts" if "accounts" in where else "account"
            problem(f"person {number} ({person.name}): account {taken[0]!r} is also "
                    f"{other.name}'s (line {other.line}); each account is one person",
                    where.get(key, (node, node))[1], key)
            continue
        for account in person.accounts:
            owners[account_key(account)] = person
        people.append(person)
    return Roster(tuple(people), tuple(groups), read_within, tuple(problems))


def _person(entry: object, node: Node | None, number: int, groups: Sequence[str],
            problem: Any) -> Person | None:
    """One entry of ``people:`` (None, with the problem reported, when it cannot be used)."""
    if not isinstance(entry, dict):
        problem(f"person {number} must be a mapping (name:, account:, role:, groups:)",
                node, "people")
        return None
    where = _pairs(node)

    def at(key: str) -> Node | None:
        return where.get(key, (node, node))[1] if key in where else node

    for key in sorted(set(map(str, entry)) - set(_PERSON_KEYS)):
        problem(f"person {number}: field '{key}' is not a field of a person (known: "
                f"{', '.join(_PERSON_KEYS)})", where.get(key, (node, node))[0], key)
    name = entry.get("name")
    if not isinstance(name, str | int) or isinstance(name, bool) or not str(name).strip():
        problem(f"person {number}: field 'name' is required (the name shown in receipts)",
                at("name"), "name")
        return None
    name = str(name).strip()
    label = f"person {number} ({name})"
    accounts: list[str] = []
    for key in ("account", "accounts"):
        if key not in entry:
            continue
        found = _names(entry[key])
        if found is None:
            problem(f"{label}: field '{key}' must be an account name or a list of them",
                    at(key), key)
            return None
        accounts += found
    if not accounts:
        problem(f"{label}: field 'accounts' is required: the OS account name(s) the person "
                "signs in with", node, "accounts")
        return None
    if len({account_key(a) for a in accounts}) != len(accounts):
        problem(f"{label}: an account is listed twice", at("accounts"), "accounts")
        accounts = list({account_key(a): a for a in reversed(accounts)}.values())[::-1]
    role = entry.get("role", "agent")
    if not isinstance(role, str) or role.strip().lower() not in ROLES:
        problem(f"{label}: field 'role': {role!r} is not one of {', '.join(ROLES)}",
                at("role"), "role")
        return None
    member_of: list[str] = []
    raw = _names(entry.get("groups") or [])
    if raw is None:
        problem(f"{label}: field 'groups' must be a list of group names", at("groups"), "groups")
        raw = []
    for group in raw:
        if group not in groups:
            problem(f"{label}: field 'groups': {group!r} is not a group of the team (declare it "
                    "under groups: at the top of team.yaml)", at("groups"), "groups")
        elif group not in member_of:
            member_of.append(group)
    return Person(name, tuple(accounts), role.strip().lower(), tuple(member_of),
                  _line(node) or 0)


def load_roster(text: str | None) -> Roster | None:
    """The roster of a ``team.yaml`` text (None: the library has none)."""
    if text is None:
        return None
    roster = parse_roster(text)
    for item in roster.problems:
        log.warning("%s", item)
    return roster


def read_team_file(root: Path) -> str | None:
    """The working ``team.yaml`` of a library folder (None when there is none).

    Raises:
        DocumentError: it is too large, a link, or cannot be read as UTF-8.
    """
    path = root / TEAM_FILE
    if path.is_symlink():
        raise DocumentError(Problem(TEAM_FILE, "is a symbolic link; kbdesk never reads through "
                                    "a link: put the file itself in the library"))
    try:
        if path.stat().st_size > MAX_BYTES:
            raise DocumentError(Problem(TEAM_FILE, f"larger than {MAX_BYTES // 1024} KB; "
                                        "not read"))
        return path.read_bytes().decode("utf-8")
    except FileNotFoundError:
        return None
    except UnicodeDecodeError:
        raise DocumentError(Problem(TEAM_FILE, "is not UTF-8 text")) from None
    except OSError as exc:
        raise DocumentError(Problem(TEAM_FILE, f"cannot be read ({exc})")) from None


def check_roster(root: Path, ack_targets: Iterable[tuple[str, tuple[str, ...]]] = ()
                 ) -> list[Problem]:
    """Every problem of the working ``team.yaml`` of ``root``, and of the documents whose
    ``ack_required`` names a group or role the roster does not have.

    Args:
        ack_targets: (document path, the groups and roles its ``ack_required`` names).
    """
    try:
        text = read_team_file(root)
    except DocumentError as exc:
        return [exc.problem]
    if text is None:
        named = [(path, names) for path, names in ack_targets if names]
        return [Problem(path, f"field 'ack_required': names {', '.join(names)}, but the library "
                        "has no team.yaml to say who is in them", field="ack_required")
                for path, names in named]
    roster = parse_roster(text)
    problems = list(roster.problems)
    if not any(p.role == "editor" for p in roster.people) and not problems:
        problems.append(Problem(TEAM_FILE, "names no editor: nobody could publish or change "
                                "it again", field="people"))
    for path, names in ack_targets:
        unknown = [n for n in names if not roster.knows(n)]
        if unknown:
            problems.append(Problem(
                path, f"field 'ack_required': {', '.join(map(repr, unknown))} is not a group or "
                f"role of team.yaml (groups: {', '.join(roster.groups) or 'none'}; roles: "
                f"{', '.join(ROLES)})", field="ack_required"))
    return problems


__all__ = ["MAX_READ_WITHIN", "ROLES", "TEAM_FILE", "Person", "Roster", "account_key",
           "check_roster", "load_roster", "parse_roster", "read_team_file"]

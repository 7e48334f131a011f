"""Who may do what: one function decides a workstation user's role, one decides whether that
role may do an action. The command line and the app both ask; the core refuses.

The role comes from, in order:

1. the library's roster (``team.yaml``, as last published): the person whose account this is;
2. the machine's site settings (``settings: role:``) when only administrators can change the
   file;
3. the user's own ``role`` setting, only where the library has no roster; where a roster
   exists, or the site settings name a role (even in a file others could change, which is
   not trusted to give one), a local setting never makes anyone an editor.

Somebody not on a library's roster, with no site role, is an agent.

Editors' actions (:data:`EDITOR_ACTIONS`) need the ``editor`` role. A library with neither a
roster nor a role in trusted site settings keeps the behaviour it had before rosters: what it
publishes is its user's own business (a personal library), so publishing is not refused
there, but clearing the team's flags still needs the local role ``editor``.
"""

from __future__ import annotations

from dataclasses import dataclass

from kbdesk.core.errors import KbError
from kbdesk.core.library.frontmatter import read_meta, set_fields
from kbdesk.core.team.roster import ROLES, Person, Roster
from kbdesk.core.workstation.site import SiteSettings

#: editors' actions on the team's shared records: an editor's even where no roster exists
TEAM_ACTIONS = frozenset({"clear_flags", "accept_suggestion", "enrol_workstation"})

#: action -> what it is, for messages
EDITOR_ACTIONS: dict[str, str] = {
    "publish": "publishing",
    "rollback": "rolling back a version",
    "retire": "retiring a document",
    "move": "moving a document",
    "import_publish": "importing with publish",
    "accept_suggestion": "accepting a suggestion",
    "clear_flags": "clearing flags",
    "enrol_workstation": "listing an editor's workstation",
    "edit_team": "publishing a change to team.yaml",
    "edit_library": "publishing a change to library.yaml",
}
SUPERVISOR_ACTIONS: dict[str, str] = {
    "paper_ack": "recording a paper acknowledgement for someone else (--agent)",
}
#: front-matter fields only editors are shown (issue 18: the editors' own search terms are
#: "shown to editors, not agents"); searching uses them for everyone
EDITORS_FIELDS = ("keywords",)
#: where a role came from
ROSTER, SITE, LOCAL, NOT_LISTED = "roster", "site", "local", "not-listed"


class NotAllowed(KbError):
    """An action the user's role does not allow; the message names the role needed."""

    def __init__(self, message: str, action: str, needed: str) -> None:
        super().__init__(message)
        self.action, self.needed = action, needed


@dataclass(frozen=True)
class RoleDecision:
    """A user's role and where it came from.

    Attributes:
        role: ``agent``, ``supervisor`` or ``editor``.
        source: ``roster``, ``site``, ``local`` (no roster, no site role) or ``not-listed``
            (the library has a roster that does not name this account).
        account: the OS account asked about.
        person: the roster's entry for the account (None without one).
    """

    role: str
    source: str
    account: str
    person: Person | None = None

    @property
    def enforced(self) -> bool:
        """Whether a roster or trusted site settings gave the role (not the user's setting)."""
        return self.source != LOCAL


def decide_role(account: str, roster: Roster | None, site: SiteSettings | None,
                local_role: object = "agent") -> RoleDecision:
    """The role of the user signed in as ``account`` on a library with ``roster``."""
    person = roster.by_account(account) if roster is not None else None
    if person is not None:
        return RoleDecision(person.role, ROSTER, account, person)
    site_role = site.defaults.get("role") if site is not None else None
    if site is not None and site.trusted and site_role in ROLES:
        return RoleDecision(str(site_role), SITE, account)
    if roster is not None:
        return RoleDecision("agent", NOT_LISTED, account)
    role = str(local_role) if local_role in ROLES else "agent"
    if role == "editor" and site_role is not None:
        role = "agent"  # the site settings speak of roles: a local setting never makes editors
    return RoleDecision(role, LOCAL, account)


def refusal(decision: RoleDecision, action: str) -> str | None:
    """Why ``decision``'s user may not do ``action`` (None when they may)."""
    if action in EDITOR_ACTIONS:
        needed, what = "editor", EDITOR_ACTIONS[action]
        if decision.role == "editor":
            return None
        if not decision.enforced and action not in TEAM_ACTIONS:
            return None  # a library without a roster: as before rosters
    elif action in SUPERVISOR_ACTIONS:
        needed, what = "supervisor", SUPERVISOR_ACTIONS[action]
        if decision.role == "supervisor":
            return None
    else:
        raise ValueError(f"unknown action {action!r}")
    return (f"{what} needs the role {needed}; you ({decision.account}) are "
            f"{_article(decision.role)} {decision.role} {_source_text(decision)}")


def may(decision: RoleDecision, action: str) -> bool:
    """Whether ``decision``'s user may do ``action``."""
    return refusal(decision, action) is None


def require(decision: RoleDecision, action: str) -> None:
    """Refuse ``action`` unless ``decision``'s user may do it.

    Raises:
        NotAllowed: the message names the action, the role needed and where the role came from.
    """
    message = refusal(decision, action)
    if message is not None:
        needed = "editor" if action in EDITOR_ACTIONS else "supervisor"
        raise NotAllowed(message, action, needed)


def _article(role: str) -> str:
    return "an" if role[:1] in "aeiou" else "a"


def _source_text(decision: RoleDecision) -> str:
    if decision.source == ROSTER:
        return "in team.yaml (an editor changes roles there)"
    if decision.source == SITE:
        return "by the site settings of this computer"
    if decision.source == NOT_LISTED:
        return "(not listed in the library's team.yaml; ask an editor to add you)"
    return "by this workstation's settings"


def shown_text(decision: RoleDecision, text: str, path: str = "-") -> str:
    """A document's text as ``decision``'s user is shown it: everything for an editor; for
    anyone else without the front-matter fields only editors see (:data:`EDITORS_FIELDS`),
    every other line as it is.

    Raises:
        DocumentError: the text has front matter that cannot be read (then nothing is shown).
    """
    if decision.role == "editor":
        return text
    try:
        meta = read_meta(text, path)
    except KbError:
        if not text.lstrip("\ufeff").startswith("---"):
            return text  # no front matter: nothing to leave out
        raise
    hidden = [name for name in EDITORS_FIELDS if name in meta]
    if not hidden:
        return text
    return set_fields(text, dict.fromkeys(hidden), path)

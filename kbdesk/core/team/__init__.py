"""The team around one shared library: joining it, and the records workstations share.

``remote`` makes and joins shared libraries; ``records`` keeps this workstation's flags and
reads every workstation's receipts, flags and searches; ``exchange`` sends and fetches them on
refs of their own (``refs/kbdesk/<kind>/<workstation>``), never in the library's history;
``keys`` holds this workstation's signing key and ``chain`` signs its records as an
append-only chain and verifies and keeps the others'.
"""

"""What belongs to one workstation and user, never to the library: paths, settings, user state."""

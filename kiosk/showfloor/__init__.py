"""The unattended show floor: lockdown, idle countdown and reset, attract loop, the admin's
way in, visitor analytics and their report."""

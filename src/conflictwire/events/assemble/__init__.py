"""Assembling events: mentions grouped into happenings, coded, and written as ``Event`` records.

The top of ``events``: it may import every other sub-package.
"""

"""Filling an event's fields: actors, attribution, dates, tolls, weapons, places.

The lowest layer of ``events``: it imports nothing from the other sub-packages.
"""

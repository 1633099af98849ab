"""Finding candidate happenings: trigger cues, modality (plans, negation, habit), headline
and press-release layout, clause splitting.

Imports ``events.fields`` only.
"""

"""Classifying a happening into ACLED's taxonomy: the rule coder and the learned classifier.

Imports ``events.fields`` and ``events.candidates``.
"""

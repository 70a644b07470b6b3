"""Evaluation harness: scorers shared by `storyline eval`, the CI gates and bench scripts."""
